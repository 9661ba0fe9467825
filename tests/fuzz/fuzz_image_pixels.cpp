// libFuzzer target: the pixel size and stated resolution of a book's image (PNG, JPEG, GIF headers),
// which the PDF writer reads from the book's own files to warn of images too coarse for print.
#include "print_image_resolution.hpp"

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    if (const auto pixels = fascicle::pdf::read_image_pixels(in)) {
        for (const char* width : {"", "50%", "3in", "120mm", "400px", "2em"})
            (void)fascicle::pdf::printed_width(*pixels, width, 432);
    }
    return 0;
}
