// libFuzzer target: the markdown reader over arbitrary bytes.
#include "fuzz_reader.hpp"
#include "markdown_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    quire::markdown::MarkdownReader reader;
    quire::fuzz::read_bytes(reader, data, size);
    return 0;
}
