// Helpers shared by the test suites: in-memory sinks and outputs, and where the samples are.
#pragma once

#include <fascicle/plugin.hpp>

#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace fascicle::test {

// The sample corpus (samples/corpus) and the test data folder (tests/data) in the source tree.
std::filesystem::path sample_corpus_dir();
// The sample corpus's article files (*.txt), sorted.
std::vector<std::filesystem::path> sample_corpus_files();
// The table of contents of a corpus article: its "- " lines, which are its section titles.
std::vector<std::string> corpus_article_toc(const std::filesystem::path& article);
std::filesystem::path test_data_dir();
// The public real-world documents (../shared/realworld beside the project; MANIFEST.md says where
// each comes from). Throws when the folder is missing: a test that needs it fails, never skips.
std::filesystem::path realworld_dir();

// Reads a whole file as bytes.
std::string read_file(const std::filesystem::path& path);
// Writes bytes to a file, creating parent folders.
void write_file(const std::filesystem::path& path, const std::string& bytes);

// A fresh empty folder under the system temp folder, removed when the object dies.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

// Keeps every diagnostic it is given.
class RecordingDiagnostics : public DiagnosticSink {
public:
    void report(const Diagnostic& d) override { all.push_back(d); }
    std::vector<Diagnostic> of(Severity s) const;
    std::size_t error_count() const { return of(Severity::error).size(); }
    std::size_t warning_count() const { return of(Severity::warning).size(); }
    // All diagnostics formatted, one a line: for failure messages.
    std::string text() const;

    std::vector<Diagnostic> all;
};

// Keeps every article it is given.
class CollectingArticles : public ArticleSink {
public:
    Status accept(Article&& article) override {
        articles.push_back(std::move(article));
        return Status::ok;
    }
    std::vector<Article> articles;
};

// An Output held in memory (never a file).
class StringOutput : public Output {
public:
    std::ostream& stream() override { return out_; }
    std::optional<std::filesystem::path> file() override { return std::nullopt; }
    std::string str() const { return out_.str(); }

private:
    std::ostringstream out_;
};

// An Output that is a real file (for writers that open file() themselves, like zip writers).
class FileOutput : public Output {
public:
    explicit FileOutput(std::filesystem::path path) : path_(std::move(path)) {}
    std::ostream& stream() override;
    std::optional<std::filesystem::path> file() override { return path_; }
    void close();

private:
    std::filesystem::path path_;
    std::unique_ptr<std::ostream> stream_;
};

// Drives a writer over a whole book into `output`; returns ok only when every step did.
Status write_book(Writer& writer, const Book& book, Output& output, DiagnosticSink& diagnostics,
                  const Options& options = {}, bool split = false, const Resources* resources = nullptr);

// Reads one file with a reader; the articles go to `into`.
Status read_file_with(Reader& reader, const std::filesystem::path& path, CollectingArticles& into,
                      DiagnosticSink& diagnostics, const Options& options = {},
                      Metadata* found = nullptr);

// What a finished command printed and how it exited.
struct CommandResult {
    int status = -1;  // the exit status; -1 when killed by a signal
    std::string out;
    std::string err;
};

// Runs the fascicle executable of this build with `args` (each passed as one word), with
// FASCICLE_PLUGIN_PATH unset, then `env` ("VAR=value ..." words) set, reading `stdin_file`.
CommandResult run_fascicle(const std::vector<std::string>& args, const std::string& env = "",
                        const std::string& stdin_file = "/dev/null");
// Runs a shell command line, capturing its output.
CommandResult run_shell(const std::string& command);
// `s` quoted for a POSIX shell.
std::string shell_quote(const std::string& s);

}  // namespace fascicle::test
