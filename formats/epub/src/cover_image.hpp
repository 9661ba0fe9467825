// The cover image the user gives with --cover: which kind of image it is.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace fascicle::epub {

struct CoverImage {
    std::filesystem::path path;
    std::string media_type;  // "image/png" or "image/jpeg"
    std::string extension;   // ".png" or ".jpg"
};

// Looks at the file's first bytes (not its name): PNG and JPEG are what every reading system
// shows. On failure returns nullopt and says why in `error`.
std::optional<CoverImage> inspect_cover_image(const std::filesystem::path& path, std::string& error);

}  // namespace fascicle::epub
