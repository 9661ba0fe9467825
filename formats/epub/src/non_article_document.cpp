#include "non_article_document.hpp"

#include "archive_paths.hpp"

#include <cctype>

namespace fascicle::epub::reader {

namespace {

std::optional<std::string> kind_of_token(std::string_view token) {
    if (token == "doc-cover") return "the cover";
    if (token == "doc-toc") return "the table of contents";
    return front_matter_kind(token);
}

// "Title_Page" -> "titlepage".
std::string folded(std::string_view name) {
    std::string out;
    for (char c : name)
        if (c != '-' && c != '_' && c != ' ') out += char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

std::optional<std::string> non_article_kind(const std::string& path, const XhtmlContent& content,
                                            const Navigation& navigation) {
    if (auto named = navigation.front_matter.find(path); named != navigation.front_matter.end()) return named->second;
    for (const auto& token : content.kinds)
        if (auto kind = kind_of_token(token)) return kind;
    const std::string stem = folded(entry_stem(path));
    if (stem == "titlepage" || stem == "halftitlepage") return "the title page";
    if (stem == "cover" || stem == "coverpage") return "the cover";
    if (stem == "toc" || stem == "nav") return "the table of contents";
    return std::nullopt;
}

}  // namespace fascicle::epub::reader
