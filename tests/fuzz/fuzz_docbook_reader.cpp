// libFuzzer target: the docbook reader over arbitrary bytes.
#include "fuzz_reader.hpp"
#include "docbook_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fascicle::docbook::DocBookReader reader;
    fascicle::fuzz::read_bytes(reader, data, size);
    return 0;
}
