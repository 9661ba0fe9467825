#include "image_files.hpp"

#include <fascicle/uri.hpp>

#include <system_error>

namespace fascicle::markdown {

namespace {

// Whether `path` (already normalised) stays under `folder`: no "..", and symbolic links resolved.
bool inside(const std::filesystem::path& folder, const std::filesystem::path& relative) {
    if (relative.empty() || relative.is_absolute() || relative.has_root_name()) return false;
    if (*relative.begin() == "..") return false;
    std::error_code ec;
    const auto base = std::filesystem::weakly_canonical(folder, ec);
    if (ec) return false;
    const auto full = std::filesystem::weakly_canonical(folder / relative, ec);
    if (ec) return false;
    const auto rel = full.lexically_relative(base);
    return !rel.empty() && *rel.begin() != "..";
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

bool has_scheme(std::string_view url) {
    return url.starts_with("//") || !uri_scheme(url).empty();
}

std::string percent_decoded(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
            hex_value(text[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

ImageFiles::Found ImageFiles::resolve(std::string_view url) {
    if (has_scheme(url)) return {Outcome::remote, std::string(url)};
    // The path alone: a query or fragment does not name another file.
    std::string_view path = url.substr(0, url.find_first_of("?#"));
    const std::string decoded = percent_decoded(path);
    const std::filesystem::path relative = std::filesystem::path(decoded).lexically_normal();
    if (decoded.empty() || !inside(folder_, relative)) return {Outcome::outside, decoded};

    const std::filesystem::path file = folder_ / relative;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) return {Outcome::missing, decoded};

    std::string name = relative.generic_string();
    std::string media_type = media_type_for(name);
    if (media_type.empty()) media_type = "application/octet-stream";
    if (!resources_.add(file_resource(name, media_type, file))) {
        // The name is taken: by this very file (shown twice), or by another input's.
        const Resource* taken = resources_.find(name);
        if (taken && taken->source != file.string()) {
            name = article_id_ + "/" + name;
            resources_.add(file_resource(name, media_type, file));
        }
    }
    return {Outcome::resource, name};
}

}  // namespace fascicle::markdown
