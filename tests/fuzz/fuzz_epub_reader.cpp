// libFuzzer target: the epub reader over arbitrary bytes.
#include "fuzz_reader.hpp"
#include "epub_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fascicle::epub::EpubReader reader;
    fascicle::fuzz::read_bytes(reader, data, size);
    return 0;
}
