#include <quire/host/conversion.hpp>

#include <quire/host/atomic_output.hpp>
#include <quire/host/book_config.hpp>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <optional>

#include <unistd.h>

namespace quire::host {

namespace fs = std::filesystem;

namespace {

struct PlannedInput {
    std::string name;  // as the user gave it (or the file inside a folder they gave)
    fs::path path;     // empty for standard input
    const RegisteredFormat* format = nullptr;
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
    std::size_t plugin_failures = 0;  // exceptions out of plugin code

private:
    DiagnosticSink& to_;
};

// Runs plugin code; an exception becomes a diagnostic naming the plugin, and a failed status.
template <class F>
Status guarded(const RegisteredFormat& format, ForwardingDiagnostics& diagnostics, const std::string& file, F&& call) {
    try {
        return call();
    } catch (const std::exception& e) {
        ++diagnostics.plugin_failures;
        diagnostics.error(file, 0, 0, "plugin '" + format.plugin->name + "' (format " + format.info.name + ") failed: " + e.what());
    } catch (...) {
        ++diagnostics.plugin_failures;
        diagnostics.error(file, 0, 0, "plugin '" + format.plugin->name + "' (format " + format.info.name + ") failed with an unknown exception");
    }
    return Status::failed;
}

// Where the articles go: one writer into one output, or one writer per article (--split).
class Destination {
public:
    virtual ~Destination() = default;
    virtual Status begin(const Metadata& book) = 0;
    virtual Status article(const Article& article) = 0;
    virtual Status finish() = 0;
    // Makes the output(s) appear; on failure returns what went wrong.
    virtual std::optional<std::string> commit() = 0;
};

class BookDestination : public Destination {
public:
    BookDestination(const PluginRegistry& registry, const RegisteredFormat& format, std::unique_ptr<Output> output,
                    const Options& options, ForwardingDiagnostics& diagnostics, std::string output_name)
        : registry_(registry), format_(format), output_(std::move(output)), options_(options),
          diagnostics_(diagnostics), name_(std::move(output_name)) {}

    Status begin(const Metadata& book) override {
        return guarded(format_, diagnostics_, name_, [&] {
            writer_ = registry_.make_writer(format_);
            ctx_.emplace(WriteContext{options_, diagnostics_, *output_, false});
            return writer_->begin_book(book, *ctx_);
        });
    }
    Status article(const Article& a) override {
        return guarded(format_, diagnostics_, name_, [&] { return writer_->write_article(a); });
    }
    Status finish() override {
        return guarded(format_, diagnostics_, name_, [&] { return writer_->end_book(); });
    }
    std::optional<std::string> commit() override {
        writer_.reset();
        if (auto* file = dynamic_cast<AtomicFileOutput*>(output_.get())) return file->commit();
        output_->stream().flush();
        if (!output_->stream()) return std::string("write to standard output failed");
        return std::nullopt;
    }

private:
    const PluginRegistry& registry_;
    const RegisteredFormat& format_;
    std::unique_ptr<Output> output_;
    const Options& options_;
    ForwardingDiagnostics& diagnostics_;
    std::string name_;
    std::optional<WriteContext> ctx_;
    std::shared_ptr<Writer> writer_;
};

class SplitDestination : public Destination {
public:
    SplitDestination(const PluginRegistry& registry, const RegisteredFormat& format, fs::path dir,
                     const Options& options, ForwardingDiagnostics& diagnostics)
        : registry_(registry), format_(format), dir_(std::move(dir)), options_(options), diagnostics_(diagnostics) {}

    Status begin(const Metadata& book) override {
        book_ = book;
        return Status::ok;
    }
    Status article(const Article& a) override {
        const auto& ext = format_.info.extensions.empty() ? std::string() : format_.info.extensions.front();
        auto output = std::make_unique<AtomicFileOutput>(dir_ / (a.id + ext));
        const std::string name = output->target().string();
        if (auto error = output->open()) {
            diagnostics_.error(name, 0, 0, "cannot create the output file: " + *error);
            return Status::failed;
        }
        Status status = guarded(format_, diagnostics_, name, [&] {
            auto writer = registry_.make_writer(format_);
            WriteContext ctx{options_, diagnostics_, *output, true};
            if (writer->begin_book(book_, ctx) != Status::ok || writer->write_article(a) != Status::ok)
                return Status::failed;
            return writer->end_book();
        });
        outputs_.push_back(std::move(output));
        return status;
    }
    Status finish() override { return Status::ok; }
    std::optional<std::string> commit() override {
        for (auto& o : outputs_)
            if (auto error = o->commit()) return o->target().string() + ": " + *error;
        return std::nullopt;
    }

private:
    const PluginRegistry& registry_;
    const RegisteredFormat& format_;
    fs::path dir_;
    const Options& options_;
    ForwardingDiagnostics& diagnostics_;
    Metadata book_;
    std::vector<std::unique_ptr<AtomicFileOutput>> outputs_;
};

// Between the reader and the destination: metadata from the INI files, unique article ids, and
// the writer's begin_book once the first article (and so the input's own metadata) is known.
class ArticleRouter : public ArticleSink {
public:
    ArticleRouter(Destination& destination, const BookConfig& config, const Metadata& user_metadata,
                  Metadata& found, ForwardingDiagnostics& diagnostics)
        : destination_(destination), config_(config), user_metadata_(user_metadata), found_(found),
          diagnostics_(diagnostics) {}

    // While buffering (--skip-invalid), an input's articles wait until it has been read whole.
    void start_input(bool buffer) { buffering_ = buffer; }
    Status end_input(bool keep) {
        auto pending = std::move(pending_);
        pending_.clear();
        buffering_ = false;
        if (!keep) return Status::ok;
        for (auto& a : pending)
            if (deliver(std::move(a)) != Status::ok) return Status::failed;
        return Status::ok;
    }

    // After an invalid input the run will fail: later inputs are still read, for their diagnostics,
    // but their articles go nowhere.
    void discard_from_now_on() { discarding_ = true; }

    Status accept(Article&& article) override {
        if (discarding_) return Status::ok;
        if (buffering_) {
            pending_.push_back(std::move(article));
            return Status::ok;
        }
        return deliver(std::move(article));
    }

    Status begin_if_needed() {
        if (begun_) return Status::ok;
        begun_ = true;
        Metadata book = found_;
        book.merge_from(config_.book);
        book.merge_from(user_metadata_);
        return destination_.begin(book);
    }

    std::size_t delivered() const { return delivered_; }
    bool writer_failed() const { return writer_failed_; }

private:
    Status deliver(Article&& article) {
        if (begin_if_needed() != Status::ok) return fail();
        config_.apply_to(article);
        const std::string id = ids_.take(article.id);
        if (id != article.id) {
            diagnostics_.warning(article.source.string(), 0, 0,
                                 "article id '" + article.id + "' is already used in this book; this one becomes '" + id + "'");
            article.id = id;
        }
        if (destination_.article(article) != Status::ok) return fail();
        ++delivered_;
        return Status::ok;
    }
    Status fail() {
        writer_failed_ = true;
        return Status::failed;
    }

    Destination& destination_;
    const BookConfig& config_;
    const Metadata& user_metadata_;
    Metadata& found_;
    ForwardingDiagnostics& diagnostics_;
    UniqueIds ids_;
    bool buffering_ = false;
    bool discarding_ = false;
    std::vector<Article> pending_;
    bool begun_ = false;
    bool writer_failed_ = false;
    std::size_t delivered_ = 0;
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
        if (auto code = plan_writer(); code != ExitCode::ok) return code;
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
            code = usage("unknown format '" + name + "' (quire --list-formats shows the formats there are)");
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
        if (request_.inputs.empty()) return usage("no input given (quire --help shows the usage)");

        for (const auto& given : request_.inputs) {
            if (given == "-") {
                if (!from) return usage("standard input has no file name to tell its format: give -f FORMAT");
                inputs_.push_back({"<stdin>", {}, from});
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
                             "': give -f FORMAT (quire --list-formats shows them)");
            inputs_.push_back({given, path, format});
        }
        return ExitCode::ok;
    }

    // A folder's articles: its files that the input format (or, without -f, any reader) claims
    // by extension, in file-name order; its book.ini is read as metadata.
    ExitCode plan_folder(const std::string& given, const fs::path& dir, const RegisteredFormat* from) {
        std::vector<fs::path> files;
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(dir, ec))
            if (entry.is_regular_file(ec)) files.push_back(entry.path());
        if (ec) {
            diagnostics_.error(given, 0, 0, "cannot read the folder: " + ec.message());
            return ExitCode::no_input;
        }
        std::sort(files.begin(), files.end());
        std::size_t found = 0;
        for (const auto& f : files) {
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
            inputs_.push_back({f.string(), f, format});
            ++found;
        }
        if (found == 0) {
            const std::string expected = from ? join(from->info.extensions) : readable_extensions();
            diagnostics_.error(given, 0, 0, expected.empty() ? "no input format is available: no reader plugin was found (quire --list-plugins)"
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

    ExitCode plan_writer() {
        ExitCode code = ExitCode::ok;
        const bool split = !request_.split_dir.empty();
        if (!request_.to.empty()) {
            if (!(to_ = named_format(request_.to, false, code))) return code;
        } else if (split || request_.output.empty() || request_.output == "-") {
            return usage(split ? "--split needs -t FORMAT to tell the output format"
                               : "no output format: give -o FILE with a known extension, or -t FORMAT");
        } else {
            const auto ext = lower(fs::path(request_.output).extension().string());
            to_ = registry_.find_writer_by_extension(ext);
            if (!to_)
                return usage("cannot tell the output format from the extension '" + ext + "' of " + request_.output +
                             ": give -t FORMAT (quire --list-formats shows them)");
        }
        if (split && to_->info.binary)
            return usage("format '" + to_->info.name + "' makes one book and cannot be split: leave out --split");
        if (!split && (request_.output.empty() || request_.output == "-")) {
            if (!to_->info.to_stdout)
                return usage("format '" + to_->info.name + "' cannot be written to standard output: give -o FILE");
            if (to_->info.binary && ::isatty(STDOUT_FILENO))
                return usage("format '" + to_->info.name + "' is binary: not writing it to a terminal; give -o FILE");
        }
        return ExitCode::ok;
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

    std::unique_ptr<Destination> make_destination(ExitCode& code) {
        if (!request_.split_dir.empty()) {
            std::error_code ec;
            fs::create_directories(request_.split_dir, ec);
            if (ec) {
                diagnostics_.error(request_.split_dir.string(), 0, 0, "cannot create the output folder: " + ec.message());
                code = ExitCode::output;
                return nullptr;
            }
            return std::make_unique<SplitDestination>(registry_, *to_, request_.split_dir, request_.options, forward_);
        }
        std::unique_ptr<Output> output;
        std::string name = "<stdout>";
        if (request_.output.empty() || request_.output == "-") {
            output = std::make_unique<StandardOutput>();
        } else {
            auto file = std::make_unique<AtomicFileOutput>(request_.output);
            name = request_.output;
            if (auto error = file->open()) {
                diagnostics_.error(request_.output, 0, 0, "cannot create the output file: " + *error);
                code = ExitCode::output;
                return nullptr;
            }
            output = std::move(file);
        }
        return std::make_unique<BookDestination>(registry_, *to_, std::move(output), request_.options, forward_, name);
    }

    ExitCode convert() {
        ExitCode code = ExitCode::ok;
        auto destination = make_destination(code);
        if (!destination) return code;

        Metadata found;
        ArticleRouter router(*destination, config_, request_.metadata, found, forward_);
        std::size_t skipped = 0;
        std::size_t invalid = 0;
        for (const auto& in : inputs_) {
            std::ifstream file;
            std::istream* stream = &std::cin;
            if (!in.path.empty()) {
                file.open(in.path, std::ios::binary);
                if (!file) {
                    diagnostics_.error(in.name, 0, 0, "cannot open the file for reading");
                    return ExitCode::no_input;
                }
                stream = &file;
            }
            const Input input{in.name, in.path, stream, in.path.empty() ? std::string("stdin") : in.path.stem().string()};
            auto reader = registry_.make_reader(*in.format);
            ReadContext ctx{request_.options, forward_, found};

            router.start_input(request_.skip_invalid);
            forward_.downgrading = request_.skip_invalid;
            const std::size_t errors_before = forward_.errors;
            Status status = guarded(*in.format, forward_, in.name, [&] { return reader->read(input, ctx, router); });
            forward_.downgrading = false;
            const bool input_ok = status == Status::ok && forward_.errors == errors_before;

            if (forward_.plugin_failures) return ExitCode::plugin;
            if (router.writer_failed()) return ExitCode::output;
            if (!input_ok && !request_.skip_invalid) {
                ++invalid;
                router.discard_from_now_on();
                continue;
            }
            if (!input_ok) {
                diagnostics_.warning(in.name, 0, 0, "skipped: the file is invalid (--skip-invalid)");
                ++skipped;
            }
            if (router.end_input(input_ok) != Status::ok)
                return forward_.plugin_failures ? ExitCode::plugin : ExitCode::output;
        }

        if (invalid) {
            diagnostics_.error("", 0, 0, std::to_string(invalid) + (invalid == 1 ? " input is" : " inputs are") +
                                             " invalid: nothing written (--skip-invalid converts the rest)");
            return ExitCode::input;
        }
        if (router.delivered() == 0) {
            diagnostics_.error("", 0, 0, skipped ? "every input was invalid and skipped: nothing to write"
                                                 : "the input holds no articles: nothing to write");
            return ExitCode::input;
        }
        if (destination->finish() != Status::ok) return forward_.plugin_failures ? ExitCode::plugin : ExitCode::output;
        if (auto error = destination->commit()) {
            diagnostics_.error(request_.output, 0, 0, "cannot write the output: " + *error);
            return ExitCode::output;
        }
        return ExitCode::ok;
    }

    const PluginRegistry& registry_;
    const ConversionRequest& request_;
    DiagnosticSink& diagnostics_;
    ForwardingDiagnostics forward_{diagnostics_};
    std::vector<PlannedInput> inputs_;
    std::vector<fs::path> folder_configs_;
    const RegisteredFormat* to_ = nullptr;
    BookConfig config_;
};

}  // namespace

ExitCode convert(const PluginRegistry& registry, const ConversionRequest& request, DiagnosticSink& diagnostics) {
    return Conversion(registry, request, diagnostics).run();
}

}  // namespace quire::host
