// libFuzzer target: the markdown reader over arbitrary bytes.
#include "fuzz_reader.hpp"
#include "markdown_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fascicle::markdown::MarkdownReader reader;
    fascicle::fuzz::read_bytes(reader, data, size);
    return 0;
}
