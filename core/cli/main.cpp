// fascicle: converts a corpus of articles between formats; every format is a plugin.
#include <fascicle/host/conversion.hpp>
#include <fascicle/host/output_validation.hpp>
#include <fascicle/host/plugin_registry.hpp>

#include <boost/program_options.hpp>

#include <csignal>
#include <filesystem>
#include <cstdlib>
#include <iostream>
#include <sstream>

namespace po = boost::program_options;
using fascicle::host::ExitCode;

namespace {

// Prints diagnostics on standard error: warnings unless quiet, notes only when verbose.
class StderrDiagnostics : public fascicle::DiagnosticSink {
public:
    bool quiet = false;
    bool verbose = false;
    void report(const fascicle::Diagnostic& d) override {
        if (d.severity == fascicle::Severity::warning && quiet) return;
        if (d.severity == fascicle::Severity::note && !verbose) return;
        std::cerr << (d.file.empty() ? "fascicle: " : "") << d.format() << '\n';
    }
};

const char* usage_text = R"(Usage: fascicle [options] INPUT... -o OUTPUT [-o OUTPUT...]
       fascicle --validate-only FILE...
       fascicle --help [FORMAT]

Converts articles to a book. An INPUT is a file, a folder (its articles in file-name order, and
its book.ini as metadata) or - for standard input. Formats are told by the file extensions unless
-f/--from and -t/--to name them. Several -o make several outputs from one read of the articles.

Examples:
  fascicle samples/corpus -o corpus.epub              the sample corpus as one EPUB 3 book
  fascicle samples/corpus -o book.xml                 ... as a DocBook 5 book
  fascicle samples/corpus -o b.epub -o b.xml -o b.md  all three, reading the articles once
  fascicle samples/corpus -o b.epub --validate        ... then epubcheck and DAISY Ace on it
  fascicle samples/corpus -t markdown --split out/md  one Markdown file per article
  fascicle article.txt -t plain -o -                  plain text on standard output
  fascicle samples/corpus --metadata title="My Book" --metadata author="A. Writer" -o my.epub
  fascicle --list-formats
  fascicle --help epub                                the epub format: extensions, options, validators
)";

po::options_description core_options() {
    po::options_description o("Options");
    // clang-format off
    o.add_options()
        ("output,o", po::value<std::vector<std::string>>()->composing()->value_name("FILE"),
            "write to FILE (- for standard output); repeatable: every output from one read of the inputs")
        ("from,f", po::value<std::string>()->value_name("FORMAT"), "input format (default: from each file's extension)")
        ("to,t", po::value<std::vector<std::string>>()->composing()->value_name("FORMAT"),
            "output format (default: from the output's extension); with several -o, one -t per -o, paired in order")
        ("split", po::value<std::string>()->value_name("DIR"), "one output file per article in DIR, named by article id")
        ("metadata,M", po::value<std::vector<std::string>>()->composing()->value_name("KEY=VALUE"),
            "book metadata (repeatable): title, author, language, identifier, date, publisher, description, rights, ...")
        ("metadata-file", po::value<std::vector<std::string>>()->composing()->value_name("FILE"),
            "book metadata from an INI file (repeatable; a book.ini in an input folder is read first)")
        ("skip-invalid", "skip invalid input files with a warning instead of failing")
        ("validate", "after writing, run the validators of each output's format (epubcheck and DAISY Ace, jing, "
            "cmark-gfm); their errors fail the run (70), a missing validator too (69)")
        ("validate-only", "convert nothing: run the validators on the INPUT files (format from the extension or -t)")
        ("jobs,j", po::value<unsigned>()->value_name("N"), "read and render on N threads (default: one per core); the output is the same")
        ("progress", po::value<std::string>()->value_name("WHEN")->default_value("auto"),
            "a progress line on standard error: auto (when it is a terminal), always, never")
        ("plugin-dir", po::value<std::vector<std::string>>()->composing()->value_name("DIR"),
            "also load plugins from DIR (repeatable; after the built-in ones, before FASCICLE_PLUGIN_PATH)")
        ("list-plugins", "list the plugins found, and the ones rejected with the reason")
        ("list-formats", "list the input and output formats")
        ("quiet,q", "print errors only")
        ("verbose,v", "print notes too")
        ("version", "print the version")
        ("help,h", "print this help; --help FORMAT: one format's extensions, options and validators");
    // clang-format on
    return o;
}

po::options_description plugin_options(const fascicle::host::PluginRegistry& registry) {
    po::options_description o("Format options (from the plugins)");
    for (const auto& spec : registry.options()) {
        auto* value = po::value<std::string>();
        if (spec.value_name.empty()) value->zero_tokens()->implicit_value("true", "");
        else value->value_name(spec.value_name);
        o.add_options()(spec.name.c_str(), value, spec.help.c_str());
    }
    return o;
}

// The help of one format's options, under its name (an option several formats declare is under each).
po::options_description format_help_options(const fascicle::host::RegisteredFormat& f) {
    po::options_description o(f.info.name + " options");
    for (const auto& spec : f.info.options) {
        auto* value = po::value<std::string>();
        if (spec.value_name.empty()) value->zero_tokens()->implicit_value("true", "");
        else value->value_name(spec.value_name);
        o.add_options()(spec.name.c_str(), value, spec.help.c_str());
    }
    return o;
}

void print_help(const po::options_description& core, const fascicle::host::PluginRegistry& registry) {
    std::cout << usage_text << '\n' << core << '\n';
    for (const auto* f : registry.formats())
        if (!f->info.options.empty()) std::cout << format_help_options(*f) << '\n';
    std::cout << "Exit status: 0 success, 64 usage error, 65 invalid input, 66 missing input, 69 plugin error "
                 "(or a validator missing), 70 an output failed --validate, 73 output not written.\n";
}

std::string join(const std::vector<std::string>& v, const char* sep);

// --help FORMAT: what the registry knows of one format.
int print_format_help(const fascicle::host::PluginRegistry& registry, const std::string& name, fascicle::DiagnosticSink& diagnostics) {
    const auto* f = registry.find(name);
    if (!f) {
        diagnostics.error("", 0, 0, "unknown format '" + name + "' (fascicle --list-formats shows the formats there are)");
        return int(ExitCode::usage);
    }
    const auto& info = f->info;
    std::cout << info.name << ": " << info.description << '\n';
    std::cout << "  plugin:     " << f->plugin->name << ' ' << f->plugin->version << " (" << f->plugin->path.string() << ")\n";
    std::cout << "  reads:      " << (f->can_read() ? "yes (-f " + info.name + ")" : std::string("no")) << '\n';
    std::cout << "  writes:     " << (f->can_write() ? "yes (-t " + info.name + ")" : std::string("no"))
              << (f->can_write() && info.binary ? ", binary" : "") << (f->can_write() && !info.to_stdout ? ", not to standard output" : "")
              << '\n';
    std::string extensions = info.extensions.empty() ? std::string("none") : join(info.extensions, " ");
    if (f->can_write() && !info.claims_output_extensions && !info.extensions.empty()) extensions += " (input only: write with -t)";
    std::cout << "  extensions: " << extensions << '\n';
    const auto validators = fascicle::host::validator_descriptions(info.name);
    std::cout << "  --validate: " << (validators.empty() ? std::string("no validator") : validators.front()) << '\n';
    for (std::size_t i = 1; i < validators.size(); ++i) std::cout << "              " << validators[i] << '\n';
    if (info.options.empty()) std::cout << "  no options of its own\n";
    else std::cout << '\n' << format_help_options(*f);
    return 0;
}

// --validate-only FILE...: the validators of each file's format, told by -t or the extension.
int validate_only(const fascicle::host::PluginRegistry& registry, const std::vector<std::string>& files,
                  const std::vector<std::string>& to, fascicle::DiagnosticSink& diagnostics) {
    if (files.empty()) {
        diagnostics.error("", 0, 0, "--validate-only needs the FILEs to validate");
        return int(ExitCode::usage);
    }
    if (to.size() > 1) {
        diagnostics.error("", 0, 0, "--validate-only takes at most one -t FORMAT");
        return int(ExitCode::usage);
    }
    bool errors = false, missing = false;
    for (const auto& file : files) {
        std::string format = to.empty() ? std::string() : to.front();
        if (format.empty()) {
            std::string ext = std::filesystem::path(file).extension().string();
            for (auto& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
            if (const auto* f = registry.find_writer_by_extension(ext)) format = f->info.name;
        }
        if (format.empty()) {
            diagnostics.error(file, 0, 0, "cannot tell the format from the extension: give -t FORMAT");
            return int(ExitCode::usage);
        }
        if (!std::filesystem::is_regular_file(file)) {
            diagnostics.error(file, 0, 0, "no such file");
            return int(ExitCode::no_input);
        }
        const auto outcome = fascicle::host::validate_output(format, file, diagnostics);
        errors |= outcome == fascicle::host::ValidationOutcome::found_errors;
        missing |= outcome == fascicle::host::ValidationOutcome::validator_missing;
    }
    return int(errors ? ExitCode::invalid_output : missing ? ExitCode::plugin : ExitCode::ok);
}

void load_plugins(fascicle::host::PluginRegistry& registry, const std::vector<std::string>& dirs) {
    registry.load_directory(fascicle::host::builtin_plugin_dir());
    for (const auto& d : dirs) registry.load_directory(d);
    if (const char* path = std::getenv("FASCICLE_PLUGIN_PATH"))
        for (const auto& d : fascicle::host::split_search_path(path)) registry.load_directory(d);
}

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
    return out;
}

void list_plugins(const fascicle::host::PluginRegistry& registry) {
    std::cout << "Plugins:\n";
    for (const auto& p : registry.plugins()) {
        std::cout << "  " << p->name << ' ' << p->version << " (API " << p->api.to_string() << ")  " << p->path.string() << '\n';
        for (const auto& name : p->format_names) {
            const auto* f = registry.find(name);
            std::string dir = f->can_read() && f->can_write() ? "read, write" : f->can_read() ? "read" : "write";
            std::cout << "    " << name << " (" << dir << ") " << join(f->info.extensions, " ") << '\n';
        }
    }
    if (!registry.rejected().empty()) {
        std::cout << "Rejected:\n";
        for (const auto& r : registry.rejected()) std::cout << "  " << r.path.string() << ": " << r.reason << '\n';
    }
}

void list_formats(const fascicle::host::PluginRegistry& registry) {
    for (bool reading : {true, false}) {
        std::cout << (reading ? "Input formats:\n" : "Output formats:\n");
        for (const auto* f : registry.formats()) {
            if (reading ? !f->can_read() : !f->can_write()) continue;
            std::string exts = join(f->info.extensions, " ");
            if (!reading && !f->info.claims_output_extensions) exts = "(with -t only)";
            std::cout << "  " << f->info.name << std::string(f->info.name.size() < 14 ? 14 - f->info.name.size() : 1, ' ')
                      << exts << std::string(exts.size() < 18 ? 18 - exts.size() : 1, ' ') << f->info.description << '\n';
        }
    }
}

int run(int argc, char** argv) {
    StderrDiagnostics diagnostics;
    const auto core = core_options();
    po::options_description hidden;
    hidden.add_options()("input", po::value<std::vector<std::string>>()->composing(), "");
    po::positional_options_description positional;
    positional.add("input", -1);

    // First pass: only what is needed to find the plugins, whose options join the second pass.
    po::variables_map first;
    try {
        po::options_description all;
        all.add(core).add(hidden);
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).allow_unregistered().run(), first);
    } catch (const po::error& e) {
        diagnostics.error("", 0, 0, std::string(e.what()) + " (fascicle --help shows the usage)");
        return int(ExitCode::usage);
    }
    diagnostics.quiet = first.count("quiet");
    diagnostics.verbose = first.count("verbose");

    fascicle::host::PluginRegistry registry;
    load_plugins(registry, first.count("plugin-dir") ? first["plugin-dir"].as<std::vector<std::string>>() : std::vector<std::string>{});
    for (const auto& r : registry.rejected())
        diagnostics.note(r.path.string(), 0, 0, "plugin rejected: " + r.reason);

    const auto formats = plugin_options(registry);
    po::variables_map vm;
    try {
        po::options_description all;
        all.add(core).add(formats).add(hidden);
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        diagnostics.error("", 0, 0, std::string(e.what()) + " (fascicle --help shows the usage)");
        return int(ExitCode::usage);
    }

    const auto strings = [&](const char* name) {
        return vm.count(name) ? vm[name].as<std::vector<std::string>>() : std::vector<std::string>{};
    };
    if (vm.count("help")) {
        // fascicle --help FORMAT...: the positional words name formats. A word that is no format
        // but a file or folder is an input of the command --help was added to: the usage is shown.
        std::vector<std::string> names;
        for (const auto& word : strings("input")) {
            std::error_code ignored;
            if (registry.find(word) || !std::filesystem::exists(word, ignored)) names.push_back(word);
        }
        if (names.empty()) print_help(core, registry);
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (i) std::cout << '\n';
            if (int status = print_format_help(registry, names[i], diagnostics)) return status;
        }
        return 0;
    }
    if (vm.count("version")) {
        std::cout << "fascicle " << FASCICLE_VERSION << " (plugin API " << fascicle::api_version.to_string() << ")\n";
        return 0;
    }
    if (vm.count("list-plugins")) {
        list_plugins(registry);
        return 0;
    }
    if (vm.count("list-formats")) {
        list_formats(registry);
        return 0;
    }

    if (vm.count("validate-only")) {
        if (vm.count("output") || vm.count("split")) {
            diagnostics.error("", 0, 0, "--validate-only converts nothing: leave out -o and --split (or use --validate)");
            return int(ExitCode::usage);
        }
        return validate_only(registry, strings("input"), strings("to"), diagnostics);
    }

    fascicle::host::ConversionRequest request;
    request.inputs = strings("input");
    request.outputs = strings("output");
    if (vm.count("split")) request.split_dir = vm["split"].as<std::string>();
    if (vm.count("from")) request.from = vm["from"].as<std::string>();
    request.to = strings("to");
    request.skip_invalid = vm.count("skip-invalid");
    request.validate = vm.count("validate");
    if (vm.count("jobs")) {
        request.jobs = vm["jobs"].as<unsigned>();
        if (request.jobs == 0) {
            diagnostics.error("", 0, 0, "--jobs expects a number of threads of at least 1");
            return int(ExitCode::usage);
        }
    }
    using Progress = fascicle::host::ConversionRequest::Progress;
    const auto progress = vm["progress"].as<std::string>();
    if (progress == "auto") request.progress = Progress::automatic;
    else if (progress == "always") request.progress = Progress::always;
    else if (progress == "never") request.progress = Progress::never;
    else {
        diagnostics.error("", 0, 0, "--progress expects auto, always or never, got '" + progress + "'");
        return int(ExitCode::usage);
    }
    if (vm.count("metadata-file"))
        for (const auto& f : vm["metadata-file"].as<std::vector<std::string>>()) request.metadata_files.emplace_back(f);
    if (vm.count("metadata")) {
        for (const auto& kv : vm["metadata"].as<std::vector<std::string>>()) {
            const auto eq = kv.find('=');
            if (eq == std::string::npos || eq == 0) {
                diagnostics.error("", 0, 0, "--metadata expects KEY=VALUE, got '" + kv + "'");
                return int(ExitCode::usage);
            }
            request.metadata.set(kv.substr(0, eq), kv.substr(eq + 1));
        }
    }
    for (const auto& spec : registry.options())
        if (vm.count(spec.name)) request.options[spec.name] = vm[spec.name].as<std::string>();
    if (!request.split_dir.empty() && !request.outputs.empty()) {
        diagnostics.error("", 0, 0, "give either -o OUTPUT or --split DIR, not both");
        return int(ExitCode::usage);
    }
    if (request.outputs.empty() && request.split_dir.empty() && request.to.empty()) {
        diagnostics.error("", 0, 0, "no output given: -o FILE, -o - with -t FORMAT, or --split DIR (fascicle --help shows the usage)");
        return int(ExitCode::usage);
    }
    return int(fascicle::host::convert(registry, request, diagnostics));
}

}  // namespace

int main(int argc, char** argv) {
    // Past a file size limit (ulimit -f) a write must fail (EFBIG) so that the writer reports it, the
    // temporary output is removed and fascicle exits 73: SIGXFSZ's default action kills it mid-file.
    std::signal(SIGXFSZ, SIG_IGN);
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "fascicle: error: " << e.what() << '\n';
        return int(ExitCode::plugin);
    }
}
