#include "bench_corpus.hpp"

#include "article_text_reader.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace fascicle::bench {

namespace {

class Collect : public ArticleSink {
public:
    explicit Collect(std::vector<Article>& into) : into_(into) {}
    Status accept(Article&& article) override {
        into_.push_back(std::move(article));
        return Status::ok;
    }

private:
    std::vector<Article>& into_;
};

BenchCorpus load(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
        if (entry.path().extension() == ".txt") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    if (files.empty()) throw std::runtime_error("no .txt articles in " + folder.string());

    BenchCorpus corpus;
    corpus.book.title = "Benchmark corpus";
    corpus.book.language = "en";
    corpus.book.set_authors({"Fascicle Benchmark"});
    for (const auto& path : files) {
        std::ifstream in(path, std::ios::binary);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::istringstream stream(text);
        const Input input{path.string(), path, &stream, path.stem().string()};
        CountingDiagnostics diagnostics;
        Options options;
        Metadata found;
        fascicle::Resources ctx_resources;
        ReadContext ctx{options, diagnostics, found, ctx_resources};
        Collect collect(corpus.articles);
        if (article_text::ArticleTextReader().read(input, ctx, collect) != Status::ok)
            throw std::runtime_error("cannot read " + path.string());
        corpus.names.push_back(path.stem().string());
        corpus.bytes += text.size();
        corpus.texts.push_back(std::move(text));
    }
    return corpus;
}

}  // namespace

const BenchCorpus& bench_corpus() {
    static const BenchCorpus corpus = [] {
        const char* folder = std::getenv("FASCICLE_BENCH_CORPUS");
        return load(folder && *folder ? std::filesystem::path(folder) : std::filesystem::path(FASCICLE_SAMPLE_CORPUS));
    }();
    return corpus;
}

}  // namespace fascicle::bench
