#include "non_article_document.hpp"

namespace fascicle::epub::reader {

std::optional<std::string> non_article_kind(const std::string& path, const std::vector<std::string>& kinds,
                                            const Navigation& navigation) {
    if (auto named = navigation.front_matter.find(path); named != navigation.front_matter.end()) return named->second;
    for (const auto& token : kinds) {
        if (token == "doc-cover") return "the cover";
        if (auto kind = front_matter_kind(token)) return kind;
    }
    return std::nullopt;
}

}  // namespace fascicle::epub::reader
