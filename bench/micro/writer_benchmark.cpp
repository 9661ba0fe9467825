// Each writer in MB/s of article-text input, two ways:
//   WriteBook/<format>      begin_book, every article, end_book: what one thread does at -j1;
//   RenderArticle/<format>  render_article alone: the part -j spreads over the cores.
#include "bench_corpus.hpp"

#include <benchmark/benchmark.h>

#include <fstream>
#include <functional>
#include <memory>

#ifdef FASCICLE_BENCH_EPUB
#include "epub_writer.hpp"
#endif
#ifdef FASCICLE_BENCH_DOCBOOK
#include "docbook_writer.hpp"
#endif
#ifdef FASCICLE_BENCH_MARKDOWN
#include "markdown_writer.hpp"
#endif
#ifdef FASCICLE_BENCH_PLAIN
#include "plain_writer.hpp"
#endif

namespace fascicle::bench {
namespace {

using MakeWriter = std::function<std::unique_ptr<Writer>()>;

void WriteBook(benchmark::State& state, const MakeWriter& make) {
    const BenchCorpus& corpus = bench_corpus();
    const Options options;
    std::size_t output_bytes = 0;
    for (auto _ : state) {
        MemoryOutput output;
        CountingDiagnostics diagnostics;
        WriteContext ctx{options, diagnostics, output, false};
        auto writer = make();
        bool ok = writer->begin_book(corpus.book, ctx) == Status::ok;
        for (const auto& article : corpus.articles) ok = ok && writer->write_article(article) == Status::ok;
        ok = ok && writer->end_book() == Status::ok && diagnostics.errors == 0;
        if (!ok) state.SkipWithError("the writer failed");
        output_bytes = output.size();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * corpus.bytes));
    state.counters["output_bytes"] = static_cast<double>(output_bytes);
}

void RenderArticle(benchmark::State& state, const MakeWriter& make) {
    const BenchCorpus& corpus = bench_corpus();
    const Options options;
    MemoryOutput output;
    CountingDiagnostics diagnostics;
    WriteContext ctx{options, diagnostics, output, false};
    auto writer = make();
    if (writer->begin_book(corpus.book, ctx) != Status::ok) state.SkipWithError("begin_book failed");
    for (auto _ : state) {
        for (const auto& article : corpus.articles) {
            auto rendered = writer->render_article(article, diagnostics);
            if (!rendered) state.SkipWithError("the writer does not render apart");
            benchmark::DoNotOptimize(rendered);
        }
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * corpus.bytes));
}

#ifdef FASCICLE_BENCH_EPUB
const std::string& epub_stylesheet() {
    static const std::string css = [] {
        std::ifstream in(FASCICLE_BENCH_EPUB_CSS, std::ios::binary);
        return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    }();
    return css;
}
#endif

void register_writer(const std::string& format, const MakeWriter& make) {
    benchmark::RegisterBenchmark(("WriteBook/" + format).c_str(), WriteBook, make)->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("RenderArticle/" + format).c_str(), RenderArticle, make)
        ->Unit(benchmark::kMillisecond);
}

// Registered at start-up, for the writers this build has.
const bool registered = [] {
#ifdef FASCICLE_BENCH_EPUB
    register_writer("epub", [] { return std::make_unique<epub::EpubWriter>(epub_stylesheet()); });
#endif
#ifdef FASCICLE_BENCH_DOCBOOK
    register_writer("docbook", [] { return std::make_unique<docbook::DocBookWriter>(); });
#endif
#ifdef FASCICLE_BENCH_MARKDOWN
    register_writer("markdown", [] { return std::make_unique<markdown::MarkdownWriter>(); });
#endif
#ifdef FASCICLE_BENCH_PLAIN
    register_writer("plain", [] { return std::make_unique<plain::PlainTextWriter>(); });
#endif
    return true;
}();

}  // namespace
}  // namespace fascicle::bench
