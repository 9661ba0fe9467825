#include "test_support.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <random>
#include <stdexcept>

#include <sys/wait.h>

namespace fascicle::test {

std::filesystem::path sample_corpus_dir() { return FASCICLE_SOURCE_DIR "/samples/corpus"; }
std::vector<std::filesystem::path> sample_corpus_files() {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(sample_corpus_dir()))
        if (e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<std::string> corpus_article_toc(const std::filesystem::path& article) {
    std::ifstream in(article);
    std::vector<std::string> toc;
    for (std::string line; std::getline(in, line);)
        if (line.rfind("- ", 0) == 0) toc.push_back(line.substr(2));
    return toc;
}

std::filesystem::path test_data_dir() { return FASCICLE_SOURCE_DIR "/tests/data"; }
std::filesystem::path realworld_dir() {
    // Beside the project, never copied into it; a missing folder fails the test that needs it.
    const std::filesystem::path dir = FASCICLE_SOURCE_DIR "/../shared/realworld";
    if (!std::filesystem::is_directory(dir))
        throw std::runtime_error("the real-world documents are missing: " + dir.string() + " (see the README, Tests)");
    return std::filesystem::canonical(dir);
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path.string());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_file(const std::filesystem::path& path, const std::string& bytes) {
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

TempDir::TempDir() {
    std::random_device rd;
    for (;;) {
        path_ = std::filesystem::temp_directory_path() / ("fascicle-test-" + std::to_string(rd()));
        if (std::filesystem::create_directory(path_)) break;
    }
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

std::vector<Diagnostic> RecordingDiagnostics::of(Severity s) const {
    std::vector<Diagnostic> out;
    for (const auto& d : all)
        if (d.severity == s) out.push_back(d);
    return out;
}

std::string RecordingDiagnostics::text() const {
    std::string out;
    for (const auto& d : all) out += d.format() + "\n";
    return out;
}

std::ostream& FileOutput::stream() {
    if (!stream_) stream_ = std::make_unique<std::ofstream>(path_, std::ios::binary);
    return *stream_;
}

void FileOutput::close() { stream_.reset(); }

Status write_book(Writer& writer, const Book& book, Output& output, DiagnosticSink& diagnostics,
                  const Options& options, bool split, const Resources* resources) {
    WriteContext ctx{options, diagnostics, output, split, resources};
    if (writer.begin_book(book.metadata, ctx) != Status::ok) return Status::failed;
    for (const auto& a : book.articles)
        if (writer.write_article(a) != Status::ok) return Status::failed;
    return writer.end_book();
}

Status read_file_with(Reader& reader, const std::filesystem::path& path, CollectingArticles& into,
                      DiagnosticSink& diagnostics, const Options& options, Metadata* found) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path.string());
    Metadata local;
    fascicle::Resources ctx_resources;
    ReadContext ctx{options, diagnostics, found ? *found : local, ctx_resources};
    Input input{path.string(), path, &in, path.stem().string()};
    return reader.read(input, ctx, into);
}

std::string shell_quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

CommandResult run_shell(const std::string& command) {
    TempDir io;
    const std::string cmd = "{ " + command + "\n} >" + shell_quote((io / "out").string()) + " 2>" +
                            shell_quote((io / "err").string());
    CommandResult r;
    const int raw = std::system(cmd.c_str());
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = read_file(io / "out");
    r.err = read_file(io / "err");
    return r;
}

CommandResult run_fascicle(const std::vector<std::string>& args, const std::string& env, const std::string& stdin_file) {
    std::string cmd = "env -u FASCICLE_PLUGIN_PATH " + env + " " + shell_quote(FASCICLE_EXE);
    for (const auto& a : args) cmd += " " + shell_quote(a);
    return run_shell(cmd + " <" + shell_quote(stdin_file));
}

}  // namespace fascicle::test
