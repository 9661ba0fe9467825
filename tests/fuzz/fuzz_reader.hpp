// Runs one reader over one fuzz input held in memory: the harness every reader target shares.
#pragma once

#include <fascicle/plugin.hpp>

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

namespace fascicle::fuzz {

// Swallows diagnostics: a fuzz run only looks for crashes, hangs, leaks and undefined behaviour.
class DiscardingDiagnostics final : public DiagnosticSink {
public:
    void report(const Diagnostic&) override {}
};

// Takes every article and reads it back (dump), so the tree the reader built is walked too.
class ConsumingArticles final : public ArticleSink {
public:
    Status accept(Article&& article) override {
        dumped_bytes_ += dump(article).size();
        return Status::ok;
    }

private:
    std::size_t dumped_bytes_ = 0;
};

// Reads `data` as the standard input would be read (no path), with no options.
inline void read_bytes(Reader& reader, const std::uint8_t* data, std::size_t size) {
    std::istringstream stream(std::string(reinterpret_cast<const char*>(data), size));
    Input input{"<fuzz>", {}, &stream, "fuzz"};
    const Options options;
    DiscardingDiagnostics diagnostics;
    Metadata found;
    fascicle::Resources ctx_resources;
    ReadContext ctx{options, diagnostics, found, ctx_resources};
    ConsumingArticles sink;
    reader.read(input, ctx, sink);
}

}  // namespace fascicle::fuzz
