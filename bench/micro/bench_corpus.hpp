// The articles the microbenchmarks work on: a corpus folder's article-text files, as bytes and
// as parsed articles, and in-memory sinks that cost next to nothing.
#pragma once

#include <fascicle/plugin.hpp>

#include <cstddef>
#include <sstream>
#include <string>
#include <vector>

namespace fascicle::bench {

struct BenchCorpus {
    std::vector<std::string> names;  // file names without extension: the article ids
    std::vector<std::string> texts;  // the files' bytes
    std::vector<Article> articles;   // the same, read with the article-text reader
    Metadata book;
    std::size_t bytes = 0;           // of all texts: what MB/s are counted in
};

// The corpus of $FASCICLE_BENCH_CORPUS (a folder of .txt articles, e.g. one bench/make_corpus.py
// made), else of samples/corpus; read once.
const BenchCorpus& bench_corpus();

// Counts diagnostics; the benchmarks fail on errors.
class CountingDiagnostics : public DiagnosticSink {
public:
    void report(const Diagnostic& d) override { errors += d.severity == Severity::error; }
    std::size_t errors = 0;
};

// Output into memory.
class MemoryOutput : public Output {
public:
    std::ostream& stream() override { return out_; }
    std::optional<std::filesystem::path> file() override { return std::nullopt; }
    std::size_t size() { return static_cast<std::size_t>(out_.tellp()); }

private:
    std::ostringstream out_;
};

}  // namespace fascicle::bench
