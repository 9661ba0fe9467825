// libFuzzer target: the markdown reader over arbitrary bytes. The first byte chooses the
// dialect (GFM with its extensions, or CommonMark) and whether $math$ is read, so that every
// path of the reader is fuzzed; the rest is the document.
#include "fuzz_reader.hpp"
#include "markdown_reader.hpp"

#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::uint8_t mode = data[0];
    fascicle::markdown::MarkdownReader reader(mode & 1 ? fascicle::markdown::Flavor::gfm
                                                       : fascicle::markdown::Flavor::commonmark);
    fascicle::Options options;
    if (mode & 2) options["markdown-math"] = "dollars";
    std::istringstream stream(std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
    fascicle::Input input{"<fuzz>", {}, &stream, "fuzz"};
    fascicle::fuzz::DiscardingDiagnostics diagnostics;
    fascicle::Metadata found;
    fascicle::Resources resources;
    fascicle::ReadContext ctx{options, diagnostics, found, resources};
    fascicle::fuzz::ConsumingArticles sink;
    reader.read(input, ctx, sink);
    return 0;
}
