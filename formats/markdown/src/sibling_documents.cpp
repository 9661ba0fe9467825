#include "sibling_documents.hpp"

#include "image_files.hpp"

#include <fascicle/text.hpp>

#include <algorithm>
#include <cctype>
#include <system_error>

namespace fascicle::markdown {

namespace {

bool has_markdown_extension(const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext == ".md" || ext == ".markdown";
}

}  // namespace

std::optional<std::string> SiblingDocuments::reference_for(std::string_view url) const {
    if (folder_.empty() || has_scheme(url) || url.empty() || url.front() == '#' || url.front() == '/') return std::nullopt;
    const std::size_t hash = url.find('#');
    const std::string path = percent_decoded(url.substr(0, hash));
    if (path.find('?') != std::string::npos) return std::nullopt;
    const std::filesystem::path file = std::filesystem::path(path).lexically_normal();
    // Beside the input: a file name alone, no folder.
    if (file.has_parent_path() || !has_markdown_extension(file)) return std::nullopt;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(folder_ / file, ec)) return std::nullopt;

    std::string target = file.stem().string();
    if (hash != std::string_view::npos && hash + 1 < url.size()) {
        const std::string fragment = slugify(percent_decoded(url.substr(hash + 1)));
        if (!fragment.empty()) target += "#" + fragment;
    }
    return target;
}

}  // namespace fascicle::markdown
