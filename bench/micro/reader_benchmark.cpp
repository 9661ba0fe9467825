// The article-text reader in MB/s of input: from bytes in memory to articles.
#include "bench_corpus.hpp"

#include "article_text_reader.hpp"

#include <benchmark/benchmark.h>

namespace fascicle::bench {
namespace {

class Discard : public ArticleSink {
public:
    Status accept(Article&& article) override {
        benchmark::DoNotOptimize(article);
        return Status::ok;
    }
};

void ArticleTextReader(benchmark::State& state) {
    const BenchCorpus& corpus = bench_corpus();
    Options options;
    for (auto _ : state) {
        for (std::size_t i = 0; i < corpus.texts.size(); ++i) {
            std::istringstream stream(corpus.texts[i]);
            const Input input{corpus.names[i], {}, &stream, corpus.names[i]};
            CountingDiagnostics diagnostics;
            Metadata found;
            fascicle::Resources ctx_resources;
            ReadContext ctx{options, diagnostics, found, ctx_resources};
            Discard sink;
            if (article_text::ArticleTextReader().read(input, ctx, sink) != Status::ok) state.SkipWithError("read failed");
        }
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * corpus.bytes));
    state.counters["articles"] = static_cast<double>(corpus.texts.size());
}
BENCHMARK(ArticleTextReader)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace fascicle::bench
