#include <fascicle/host/conversion.hpp>

#include <fascicle/host/atomic_output.hpp>
#include <fascicle/host/book_config.hpp>
#include <fascicle/host/output_validation.hpp>

#include "ordered_workers.hpp"
#include "progress_line.hpp"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>

#include <unistd.h>

namespace fascicle::host {

namespace fs = std::filesystem;

namespace {

struct PlannedInput {
    std::string name;  // as the user gave it (or the file inside a folder they gave); "<stdin>"
    const RegisteredFormat* format = nullptr;
    bool standard_input = false;

    // The file; empty for standard input. Made when needed, not kept: a parsed path takes several
    // times the memory of its name, and a corpus may be tens of thousands of files.
    fs::path path() const { return standard_input ? fs::path() : fs::path(name); }
};

// Passes diagnostics on; while `downgrading`, errors go on as warnings (--skip-invalid).
class ForwardingDiagnostics : public DiagnosticSink {
public:
    explicit ForwardingDiagnostics(DiagnosticSink& to) : to_(to) {}
    void report(const Diagnostic& d) override {
        Diagnostic copy = d;
        if (downgrading && copy.severity == Severity::error) copy.severity = Severity::warning;
        if (d.severity == Severity::error) ++errors;
        to_.report(copy);
    }
    bool downgrading = false;
    std::size_t errors = 0;
    bool plugin_threw = false;  // an exception came out of plugin code

private:
    DiagnosticSink& to_;
};

// Runs plugin code; an exception becomes a diagnostic naming the plugin, a failed status, and a
// mark in `threw` (an exception is a plugin error, not an input error).
template <class F>
Status guarded(const RegisteredFormat& format, DiagnosticSink& diagnostics, bool& threw, const std::string& file, F&& call) {
    const std::string who = "plugin '" + format.plugin->name + "' (format " + format.info.name + ") failed";
    try {
        return call();
    } catch (const std::exception& e) {
        threw = true;
        diagnostics.error(file, 0, 0, who + ": " + e.what());
    } catch (...) {
        threw = true;
        diagnostics.error(file, 0, 0, who + " with an unknown exception");
    }
    return Status::failed;
}

// Keeps diagnostics to replay later, in input order, whatever thread made them.
class BufferedDiagnostics : public DiagnosticSink {
public:
    void report(const Diagnostic& d) override { all.push_back(d); }
    std::vector<Diagnostic> all;
};

// Where the articles go: one writer into one output, or one writer per article (--split).
class Destination {
public:
    virtual ~Destination() = default;
    virtual Status begin(const Metadata& book) = 0;
    // `rendered`, when set, is what render_article made of `article`.
    virtual Status article(const Article& article, std::optional<std::string>&& rendered) = 0;
    virtual Status finish() = 0;
    // Lets go of the writer (which may hold its file open), once finished.
    virtual void release() {}
    // The files written, to be committed together (see commit_together); none for standard output.
    virtual std::vector<AtomicFileOutput*> files() = 0;
    // Flushes standard output when that is where this goes; on failure returns what went wrong.
    virtual std::optional<std::string> flush_standard_output() { return std::nullopt; }
    // The writer that may render articles on other threads, once begun; null when none may.
    virtual const Writer* renderer() const { return nullptr; }
};

class BookDestination : public Destination {
public:
    BookDestination(const PluginRegistry& registry, const RegisteredFormat& format, std::unique_ptr<Output> output,
                    const Options& options, ForwardingDiagnostics& diagnostics, std::string output_name,
                    const Resources& resources)
        : registry_(registry), format_(format), output_(std::move(output)), options_(options),
          diagnostics_(diagnostics), name_(std::move(output_name)), resources_(resources) {}

    Status begin(const Metadata& book) override {
        return guarded(format_, diagnostics_, diagnostics_.plugin_threw, name_, [&] {
            writer_ = registry_.make_writer(format_);
            ctx_.emplace(WriteContext{options_, diagnostics_, *output_, false, &resources_});
            return writer_->begin_book(book, *ctx_);
        });
    }
    Status article(const Article& a, std::optional<std::string>&& rendered) override {
        return guarded(format_, diagnostics_, diagnostics_.plugin_threw, name_, [&] {
            return rendered ? writer_->write_rendered(a, std::move(*rendered)) : writer_->write_article(a);
        });
    }
    Status finish() override {
        return guarded(format_, diagnostics_, diagnostics_.plugin_threw, name_, [&] { return writer_->end_book(); });
    }
    void release() override { writer_.reset(); }
    std::vector<AtomicFileOutput*> files() override {
        if (auto* file = dynamic_cast<AtomicFileOutput*>(output_.get())) return {file};
        return {};
    }
    std::optional<std::string> flush_standard_output() override {
        if (dynamic_cast<AtomicFileOutput*>(output_.get())) return std::nullopt;
        output_->stream().flush();
        if (!output_->stream()) return std::string("write to standard output failed");
        return std::nullopt;
    }
    const Writer* renderer() const override { return writer_.get(); }

private:
    const PluginRegistry& registry_;
    const RegisteredFormat& format_;
    std::unique_ptr<Output> output_;
    const Options& options_;
    ForwardingDiagnostics& diagnostics_;
    std::string name_;
    const Resources& resources_;
    std::optional<WriteContext> ctx_;
    std::shared_ptr<Writer> writer_;
};

class SplitDestination : public Destination {
public:
    SplitDestination(const PluginRegistry& registry, const RegisteredFormat& format, fs::path dir,
                     const Options& options, ForwardingDiagnostics& diagnostics, const Resources& resources)
        : registry_(registry), format_(format), dir_(std::move(dir)), options_(options), diagnostics_(diagnostics),
          resources_(resources) {}

    Status begin(const Metadata& book) override {
        book_ = book;
        return Status::ok;
    }
    Status article(const Article& a, std::optional<std::string>&&) override {
        const auto& ext = format_.info.extensions.empty() ? std::string() : format_.info.extensions.front();
        auto output = std::make_unique<AtomicFileOutput>(dir_ / (a.id + ext));
        const std::string name = output->target().string();
        if (auto error = output->open()) {
            diagnostics_.error(name, 0, 0, "cannot create the output file: " + *error);
            return Status::failed;
        }
        Status status = guarded(format_, diagnostics_, diagnostics_.plugin_threw, name, [&] {
            auto writer = registry_.make_writer(format_);
            WriteContext ctx{options_, diagnostics_, *output, true, &resources_};
            if (auto st = writer->begin_book(book_, ctx); st != Status::ok) return st;
            if (auto st = writer->write_article(a); st != Status::ok) return st;
            return writer->end_book();
        });
        outputs_.push_back(std::move(output));
        return status;
    }
    Status finish() override { return Status::ok; }
    std::vector<AtomicFileOutput*> files() override {
        std::vector<AtomicFileOutput*> all;
        for (auto& o : outputs_) all.push_back(o.get());
        return all;
    }

private:
    const PluginRegistry& registry_;
    const RegisteredFormat& format_;
    fs::path dir_;
    const Options& options_;
    ForwardingDiagnostics& diagnostics_;
    const Resources& resources_;
    Metadata book_;
    std::vector<std::unique_ptr<AtomicFileOutput>> outputs_;
};

// What reading one input gave, made on a worker thread and consumed in input order.
struct ReadResult {
    bool opened = true;
    bool threw = false;
    Status status = Status::ok;
    std::vector<Diagnostic> diagnostics;
    Metadata found;
    std::vector<Article> articles;
    // rendered[o][k]: what output o's writer rendered of articles[k]; empty when nothing was rendered.
    std::vector<std::vector<std::optional<std::string>>> rendered;
};

// One output of the run: a file ("-" for standard output; empty with --split) and its format.
struct PlannedOutput {
    std::string file;
    const RegisteredFormat* format = nullptr;
};

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

class Conversion {
public:
    Conversion(const PluginRegistry& registry, const ConversionRequest& request, DiagnosticSink& diagnostics)
        : registry_(registry), request_(request), diagnostics_(diagnostics) {}

    ExitCode run() {
        if (auto code = plan_inputs(); code != ExitCode::ok) return code;
        if (auto code = plan_outputs(); code != ExitCode::ok) return code;
        if (auto staged = print_then_ebook()) return *staged;
        if (auto code = read_metadata(); code != ExitCode::ok) return code;
        return convert();
    }

private:
    ExitCode usage(const std::string& message) {
        diagnostics_.error("", 0, 0, message);
        return ExitCode::usage;
    }

    const RegisteredFormat* named_format(const std::string& name, bool reading, ExitCode& code) {
        const auto* f = registry_.find(name);
        if (!f) {
            code = usage("unknown format '" + name + "' (fascicle --list-formats shows the formats there are)");
            return nullptr;
        }
        if (reading ? !f->can_read() : !f->can_write()) {
            code = usage("format '" + name + "' cannot be " + (reading ? "read" : "written") + " (plugin '" +
                         f->plugin->name + "' provides no " + (reading ? "reader" : "writer") + ")");
            return nullptr;
        }
        return f;
    }

    ExitCode plan_inputs() {
        ExitCode code = ExitCode::ok;
        const RegisteredFormat* from = nullptr;
        if (!request_.from.empty() && !(from = named_format(request_.from, true, code))) return code;
        if (request_.inputs.empty()) return usage("no input given (fascicle --help shows the usage)");

        for (const auto& given : request_.inputs) {
            if (given == "-") {
                if (!from) return usage("standard input has no file name to tell its format: give -f FORMAT");
                inputs_.push_back({"<stdin>", from, true});
                continue;
            }
            const fs::path path(given);
            std::error_code ec;
            const auto status = fs::status(path, ec);
            if (!fs::exists(status)) {
                diagnostics_.error(given, 0, 0, "no such file or folder");
                return ExitCode::no_input;
            }
            if (fs::is_directory(status)) {
                if (auto c = plan_folder(given, path, from); c != ExitCode::ok) return c;
                continue;
            }
            const RegisteredFormat* format = from ? from : registry_.find_reader_by_extension(lower(path.extension().string()));
            if (!format)
                return usage("cannot tell the format of " + given + " from its extension '" + path.extension().string() +
                             "': give -f FORMAT (fascicle --list-formats shows them)");
            inputs_.push_back({given, format});
        }
        return ExitCode::ok;
    }

    // A folder's articles: its files that the input format (or, without -f, any reader) claims
    // by extension, in file-name order; its book.ini is read as metadata.
    ExitCode plan_folder(const std::string& given, const fs::path& dir, const RegisteredFormat* from) {
        std::vector<std::string> files;  // names, not paths: see PlannedInput
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(dir, ec))
            if (entry.is_regular_file(ec)) files.push_back(entry.path().string());
        if (ec) {
            diagnostics_.error(given, 0, 0, "cannot read the folder: " + ec.message());
            return ExitCode::no_input;
        }
        std::sort(files.begin(), files.end());  // all in one folder: in file-name order
        inputs_.reserve(inputs_.size() + files.size());  // not twice what is needed, as growing would
        std::size_t found = 0;
        for (auto& name : files) {
            const fs::path f(name);
            if (f.filename() == "book.ini") {
                folder_configs_.push_back(f);
                continue;
            }
            const auto ext = lower(f.extension().string());
            const RegisteredFormat* format = nullptr;
            if (from) {
                if (std::count(from->info.extensions.begin(), from->info.extensions.end(), ext)) format = from;
            } else {
                format = registry_.find_reader_by_extension(ext);
            }
            if (!format) continue;
            inputs_.push_back({std::move(name), format});
            ++found;
        }
        if (found == 0) {
            const std::string expected = from ? join(from->info.extensions) : readable_extensions();
            diagnostics_.error(given, 0, 0, expected.empty() ? "no input format is available: no reader plugin was found (fascicle --list-plugins)"
                                                             : "the folder holds no articles (expected files ending in " + expected + ")");
            return ExitCode::input;
        }
        return ExitCode::ok;
    }

    static std::string join(const std::vector<std::string>& v) {
        std::string out;
        for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
        return out;
    }

    std::string readable_extensions() const {
        std::vector<std::string> all;
        for (const auto* f : registry_.formats())
            if (f->can_read()) all.insert(all.end(), f->info.extensions.begin(), f->info.extensions.end());
        return join(all);
    }

    // The outputs and their formats: -t paired with -o by position, else each -o's extension.
    ExitCode plan_outputs() {
        ExitCode code = ExitCode::ok;
        const bool split = !request_.split_dir.empty();
        const auto& files = request_.outputs;
        const auto& to = request_.to;
        if (split || files.empty()) {
            if (to.size() > 1)
                return usage(split ? "--split writes one format: give one -t FORMAT (or one run per format)"
                                   : "several -t FORMAT need as many -o FILE, paired in order");
            if (to.empty())
                return usage(split ? "--split needs -t FORMAT to tell the output format"
                                   : "no output format: give -o FILE with a known extension, or -t FORMAT");
            const auto* format = named_format(to.front(), false, code);
            if (!format) return code;
            outputs_.push_back({split ? std::string() : std::string("-"), format});
        } else {
            if (!to.empty() && to.size() != files.size())
                return usage("give one -t FORMAT per -o FILE, paired in order (here " + std::to_string(files.size()) +
                             " -o and " + std::to_string(to.size()) + " -t), or no -t to tell each format by its extension");
            for (std::size_t i = 0; i < files.size(); ++i) {
                const auto& file = files[i];
                const RegisteredFormat* format = nullptr;
                if (!to.empty()) {
                    if (!(format = named_format(to[i], false, code))) return code;
                } else if (file == "-") {
                    return usage("no output format: give -o FILE with a known extension, or -t FORMAT");
                } else {
                    const auto ext = lower(fs::path(file).extension().string());
                    format = registry_.find_writer_by_extension(ext);
                    if (!format)
                        return usage("cannot tell the output format from the extension '" + ext + "' of " + file +
                                     ": give -t FORMAT (fascicle --list-formats shows them)");
                }
                for (const auto& earlier : outputs_) {
                    if (file == "-" && earlier.file == "-") return usage("only one output can go to standard output (-o -)");
                    std::error_code ec1, ec2;
                    if (file != "-" && earlier.file != "-" &&
                        fs::weakly_canonical(file, ec1) == fs::weakly_canonical(earlier.file, ec2))
                        return usage(file + " is given twice as an output");
                }
                outputs_.push_back({file, format});
            }
        }
        for (const auto& out : outputs_) {
            const auto& info = out.format->info;
            if (split && info.binary)
                return usage("format '" + info.name + "' makes one book and cannot be split: leave out --split");
            if (out.file == "-") {
                if (!info.to_stdout) return usage("format '" + info.name + "' cannot be written to standard output: give -o FILE");
                if (info.binary && ::isatty(STDOUT_FILENO))
                    return usage("format '" + info.name + "' is binary: not writing it to a terminal; give -o FILE");
                if (request_.validate)
                    return usage("--validate checks files: standard output cannot be validated; give -o FILE");
            }
        }
        return ExitCode::ok;
    }

    // A PDF and an EPUB made in one run: the PDF first, writing its page map, then the other
    // outputs from the inputs read again, the EPUB given the map (its page-list follows the PDF's
    // pages). nullopt: not such a run (or the user gave a page map option, and decides).
    std::optional<ExitCode> print_then_ebook() {
        const auto declares = [](const RegisteredFormat& f, std::string_view option) {
            return std::any_of(f.info.options.begin(), f.info.options.end(),
                               [&](const OptionSpec& o) { return o.name == option; });
        };
        std::vector<std::size_t> print, other;
        bool ebook = false;
        for (std::size_t o = 0; o < outputs_.size(); ++o) {
            const auto& f = *outputs_[o].format;
            const bool is_print = f.info.name == "pdf" && declares(f, "write-page-map") && outputs_[o].file != "-";
            (is_print ? print : other).push_back(o);
            ebook |= f.info.name == "epub" && declares(f, "page-map");
        }
        if (print.empty() || !ebook || !request_.split_dir.empty() || request_.options.count("write-page-map") ||
            request_.options.count("page-map"))
            return std::nullopt;
        if (std::any_of(inputs_.begin(), inputs_.end(), [](const PlannedInput& i) { return i.standard_input; })) {
            diagnostics_.warning("", 0, 0,
                                 "the EPUB gets no page-list of the PDF: that needs the inputs read twice, and standard "
                                 "input cannot be");
            return std::nullopt;
        }
        auto pattern = (fs::temp_directory_path() / "fascicle-page-map-XXXXXX").string();
        const int fd = ::mkstemp(pattern.data());
        if (fd < 0) {
            diagnostics_.error("", 0, 0, "cannot create a temporary file for the page map");
            return ExitCode::output;
        }
        ::close(fd);
        struct Removed {
            std::string path;
            ~Removed() {
                std::error_code ec;
                fs::remove(path, ec);
            }
        } map{pattern};

        ConversionRequest first = request_, then = request_;
        first.outputs.clear();
        first.to.clear();
        then.outputs.clear();
        then.to.clear();
        for (auto o : print) {
            first.outputs.push_back(outputs_[o].file);
            first.to.push_back(outputs_[o].format->info.name);
        }
        for (auto o : other) {
            then.outputs.push_back(outputs_[o].file);
            then.to.push_back(outputs_[o].format->info.name);
        }
        first.options["write-page-map"] = map.path;
        then.options["page-map"] = map.path;
        if (auto code = Conversion(registry_, first, diagnostics_).run(); code != ExitCode::ok) return code;
        return Conversion(registry_, then, diagnostics_).run();
    }

    ExitCode read_metadata() {
        // Later files win: folders' book.ini, then --metadata-file in order; --metadata wins over all.
        std::vector<fs::path> files = folder_configs_;
        files.insert(files.end(), request_.metadata_files.begin(), request_.metadata_files.end());
        for (const auto& f : files) {
            std::error_code ec;
            if (!fs::exists(f, ec)) {
                diagnostics_.error(f.string(), 0, 0, "no such metadata file");
                return ExitCode::no_input;
            }
            if (!read_book_config(f, config_, diagnostics_)) return ExitCode::input;
        }
        return ExitCode::ok;
    }

    std::unique_ptr<Destination> make_destination(const PlannedOutput& planned, ExitCode& code) {
        if (!request_.split_dir.empty()) {
            std::error_code ec;
            fs::create_directories(request_.split_dir, ec);
            if (ec) {
                diagnostics_.error(request_.split_dir.string(), 0, 0, "cannot create the output folder: " + ec.message());
                code = ExitCode::output;
                return nullptr;
            }
            return std::make_unique<SplitDestination>(registry_, *planned.format, request_.split_dir, request_.options,
                                                      forward_, resources_);
        }
        std::unique_ptr<Output> output;
        std::string name = "<stdout>";
        if (planned.file == "-") {
            output = std::make_unique<StandardOutput>();
        } else {
            auto file = std::make_unique<AtomicFileOutput>(planned.file);
            name = planned.file;
            if (auto error = file->open()) {
                diagnostics_.error(planned.file, 0, 0, "cannot create the output file: " + *error);
                code = ExitCode::output;
                return nullptr;
            }
            output = std::move(file);
        }
        return std::make_unique<BookDestination>(registry_, *planned.format, std::move(output), request_.options,
                                                 forward_, name, resources_);
    }

    // Reads one input (on any thread): its articles, with the [article ID] metadata applied and,
    // when the writer has begun and can, rendered.
    ReadResult read_input(const PlannedInput& in) const {
        free_retired();
        ReadResult result;
        BufferedDiagnostics diagnostics;
        std::ifstream file;
        std::istream* stream = &std::cin;
        const fs::path path = in.path();
        if (!path.empty()) {
            file.open(path, std::ios::binary);
            if (!file) {
                result.opened = false;
                diagnostics.error(in.name, 0, 0, "cannot open the file for reading");
                result.diagnostics = std::move(diagnostics.all);
                return result;
            }
            stream = &file;
        }
        const Input input{in.name, path, stream, path.empty() ? std::string("stdin") : path.stem().string()};
        ReadContext ctx{request_.options, diagnostics, result.found, resources_};
        struct Collect : ArticleSink {
            std::vector<Article>& into;
            explicit Collect(std::vector<Article>& v) : into(v) {}
            Status accept(Article&& a) override {
                into.push_back(std::move(a));
                return Status::ok;
            }
        } collect(result.articles);
        result.status = guarded(*in.format, diagnostics, result.threw, in.name, [&] {
            auto reader = registry_.make_reader(*in.format);
            return reader->read(input, ctx, collect);
        });
        for (auto& a : result.articles) config_.apply_to(a);

        if (renderers_ready_.load(std::memory_order_acquire) && result.status == Status::ok) {
            result.rendered.resize(renderers_.size());
            for (std::size_t o = 0; o < renderers_.size(); ++o) {
                result.rendered[o].resize(result.articles.size());
                if (!renderers_[o]) continue;
                for (std::size_t k = 0; k < result.articles.size(); ++k)
                    guarded(*outputs_[o].format, diagnostics, result.threw, in.name, [&] {
                        result.rendered[o][k] = renderers_[o]->render_article(result.articles[k], diagnostics);
                        return Status::ok;
                    });
            }
        }
        result.diagnostics = std::move(diagnostics.all);
        return result;
    }

    // With -j, an input's articles, once written, are freed by a reading thread rather than by
    // the one that writes: freeing them took a sixth of the writing thread's time (DocBook, 1,000
    // articles), and that thread is the one every other waits for. (Freeing memory another thread
    // allocated also takes that thread's malloc arena lock: the readers mostly free their own.)
    void retire(ReadResult&& r) const {
        if (jobs_ <= 1) return;  // (one thread: it frees them where they are)
        const std::lock_guard lock(retired_mutex_);
        retired_.push_back(std::move(r));
    }
    void free_retired() const {
        std::vector<ReadResult> freed;
        {
            const std::lock_guard lock(retired_mutex_);
            freed.swap(retired_);
        }
    }

    ExitCode convert() {
        ExitCode code = ExitCode::ok;
        // Every output's file is created before anything is read; one that cannot be fails the run.
        std::vector<std::unique_ptr<Destination>> destinations;
        for (const auto& planned : outputs_) {
            destinations.push_back(make_destination(planned, code));
            if (!destinations.back()) return code;
        }

        Metadata found;
        UniqueIds ids;
        bool begun = false;
        std::size_t delivered = 0, skipped = 0, invalid = 0;

        auto consume = [&](std::size_t i, ReadResult&& r) {
            const auto& in = inputs_[i];
            forward_.downgrading = request_.skip_invalid;
            std::size_t errors = 0;
            for (const auto& d : r.diagnostics) {
                if (d.severity == Severity::error) ++errors;
                forward_.report(d);
            }
            forward_.downgrading = false;
            if (r.threw) {
                forward_.plugin_threw = true;
                code = ExitCode::plugin;
                return false;
            }
            if (!r.opened) {
                code = ExitCode::no_input;
                return false;
            }
            if (r.status == Status::bad_options || r.status == Status::unavailable) {
                code = r.status == Status::bad_options ? ExitCode::usage : ExitCode::plugin;
                return false;
            }
            const bool input_ok = r.status == Status::ok && errors == 0;
            if (!input_ok) {
                if (request_.skip_invalid) {
                    diagnostics_.warning(in.name, 0, 0, "skipped: the file is invalid (--skip-invalid)");
                    ++skipped;
                } else {
                    ++invalid;  // the run fails; later inputs are still read, for their diagnostics
                }
                return true;
            }
            if (invalid) return true;
            found.merge_from(r.found);
            for (std::size_t k = 0; k < r.articles.size(); ++k) {
                Article& article = r.articles[k];
                if (!begun) {
                    // Begun at the first article, once the input's own metadata is known.
                    begun = true;
                    Metadata book = found;
                    book.merge_from(config_.book);
                    book.merge_from(request_.metadata);
                    for (auto& destination : destinations)
                        if (auto st = destination->begin(book); st != Status::ok) return fail_output(code, st);
                    for (const auto& destination : destinations) renderers_.push_back(destination->renderer());
                    renderers_ready_.store(true, std::memory_order_release);
                }
                const std::string id = ids.take(article.id);
                if (id != article.id) {
                    diagnostics_.warning(in.name, 0, 0, "article id '" + article.id +
                                                            "' is already used in this book; this one becomes '" + id + "'");
                    article.id = id;
                    for (auto& rendered : r.rendered) rendered[k].reset();  // rendered with the old id
                }
                // The same article, read once, goes to every output's writer.
                for (std::size_t o = 0; o < destinations.size(); ++o) {
                    std::optional<std::string> rendered;
                    if (!r.rendered.empty()) rendered = std::move(r.rendered[o][k]);
                    if (auto st = destinations[o]->article(article, std::move(rendered)); st != Status::ok)
                        return fail_output(code, st);
                }
                ++delivered;
            }
            progress_.advance(in.path());
            return true;
        };
        progress_.start(inputs_);
        const std::size_t window = std::size_t(jobs_) * 4;
        run_in_order<ReadResult>(inputs_.size(), jobs_, window, [&](std::size_t i) { return read_input(inputs_[i]); },
                                 [&](std::size_t i, ReadResult&& r) {
                                     const bool go_on = consume(i, std::move(r));  // (r is read, not taken)
                                     retire(std::move(r));
                                     return go_on;
                                 });
        progress_.finish();
        if (code != ExitCode::ok) return code;

        if (invalid) {
            diagnostics_.error("", 0, 0, std::to_string(invalid) + (invalid == 1 ? " input is" : " inputs are") +
                                             " invalid: nothing written (--skip-invalid converts the rest)");
            return ExitCode::input;
        }
        if (delivered == 0) {
            diagnostics_.error("", 0, 0, skipped ? "every input was invalid and skipped: nothing to write"
                                                 : "the input holds no articles: nothing to write");
            return ExitCode::input;
        }
        for (auto& destination : destinations)
            if (auto st = destination->finish(); st != Status::ok) return fail_output(code, st), code;
        // All outputs appear, or none does.
        std::vector<AtomicFileOutput*> files;
        for (auto& destination : destinations) {
            destination->release();
            if (auto error = destination->flush_standard_output()) {
                diagnostics_.error("", 0, 0, "cannot write the output: " + *error);
                return ExitCode::output;
            }
            for (auto* f : destination->files()) files.push_back(f);
        }
        if (auto error = commit_together(files)) {
            diagnostics_.error("", 0, 0, "cannot write the output: " + *error);
            return ExitCode::output;
        }
        if (request_.validate) return validate(destinations);
        return ExitCode::ok;
    }

    // --validate: each written file through the validators of its format, in output order.
    ExitCode validate(const std::vector<std::unique_ptr<Destination>>& destinations) {
        bool found_errors = false, missing = false;
        for (std::size_t o = 0; o < destinations.size(); ++o)
            for (auto* file : destinations[o]->files()) {
                const auto outcome = validate_output(outputs_[o].format->info.name, file->target(), diagnostics_);
                found_errors |= outcome == ValidationOutcome::found_errors;
                missing |= outcome == ValidationOutcome::validator_missing;
            }
        if (found_errors) return ExitCode::invalid_output;
        if (missing) return ExitCode::plugin;
        return ExitCode::ok;
    }

    // The exit status for a writer that did not return ok.
    bool fail_output(ExitCode& code, Status status) {
        if (status == Status::bad_options) code = ExitCode::usage;
        else if (forward_.plugin_threw || status == Status::unavailable) code = ExitCode::plugin;
        else code = ExitCode::output;
        return false;
    }

    const PluginRegistry& registry_;
    const ConversionRequest& request_;
    DiagnosticSink& diagnostics_;
    ForwardingDiagnostics forward_{diagnostics_};
    std::vector<PlannedInput> inputs_;
    std::vector<fs::path> folder_configs_;
    std::vector<PlannedOutput> outputs_;
    BookConfig config_;
    mutable Resources resources_;  // added to by the readers, on any thread
    unsigned jobs_ = request_.jobs ? request_.jobs : std::max(1u, std::thread::hardware_concurrency());
    // The writers that may render on the reading threads, by output; set once, when the writers
    // have begun, before renderers_ready_ is.
    std::vector<const Writer*> renderers_;
    std::atomic<bool> renderers_ready_{false};
    ProgressLine progress_{request_.progress};
    // Inputs written out, whose articles a reading thread frees (see retire).
    mutable std::mutex retired_mutex_;
    mutable std::vector<ReadResult> retired_;
};

}  // namespace

ExitCode convert(const PluginRegistry& registry, const ConversionRequest& request, DiagnosticSink& diagnostics) {
    return Conversion(registry, request, diagnostics).run();
}

}  // namespace fascicle::host
