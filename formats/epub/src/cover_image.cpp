#include "cover_image.hpp"

#include <fstream>
#include <string_view>

namespace fascicle::epub {

std::optional<CoverImage> inspect_cover_image(const std::filesystem::path& path, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot open the cover image";
        return std::nullopt;
    }
    char head[8] = {};
    in.read(head, sizeof head);
    const std::string_view bytes(head, static_cast<std::size_t>(in.gcount()));

    if (bytes == std::string_view("\x89PNG\r\n\x1a\n", 8)) return CoverImage{path, "image/png", ".png"};
    if (bytes.substr(0, 3) == "\xFF\xD8\xFF") return CoverImage{path, "image/jpeg", ".jpg"};
    error = "the cover image is neither PNG nor JPEG";
    return std::nullopt;
}

}  // namespace fascicle::epub
