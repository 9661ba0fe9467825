// libFuzzer target: the page map's text format (fascicle-page-map 1), which the EPUB writer reads
// from a file the user names (--page-map) over arbitrary bytes. What parses must write back to the
// same map.
#include <fascicle/page_map.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string error;
    const auto map = fascicle::parse_page_map(std::string_view(reinterpret_cast<const char*>(data), size), error);
    if (!map) return 0;
    const auto text = fascicle::page_map_text(*map, error);
    if (!text) std::abort();  // a map that was read can be written
    const auto again = fascicle::parse_page_map(*text, error);
    if (!again || !(*again == *map)) std::abort();
    return 0;
}
