#include "xml_id_inversion.hpp"

#include <fascicle/text.hpp>

namespace fascicle::epub::reader {

namespace {

bool starts_ncname(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

// `id` less the `prefix` to_ncname adds, when it must have been added.
std::optional<std::string> without_added_prefix(std::string_view id, std::string_view prefix) {
    if (id.size() > prefix.size() && id.starts_with(prefix) && !starts_ncname(id[prefix.size()]))
        return std::string(id.substr(prefix.size()));
    return std::nullopt;
}

}  // namespace

std::string article_id_from_xml_id(std::string_view xml_id) {
    if (auto stripped = without_added_prefix(xml_id, "a-")) return *stripped;
    return std::string(xml_id);
}

std::optional<std::string> section_id_from_xml_id(std::string_view xml_id, std::string_view article_xml_id,
                                                  std::string_view title) {
    if (article_xml_id.empty() || xml_id.size() <= article_xml_id.size() + 1 || !xml_id.starts_with(article_xml_id) ||
        xml_id[article_xml_id.size()] != '.')
        return std::nullopt;
    const std::string_view local = xml_id.substr(article_xml_id.size() + 1);
    const auto stripped = without_added_prefix(local, "s-");
    if (!stripped) return std::string(local);
    // Both readings are possible: the title's slug (what the article-text reader and most
    // producers of ids start from) tells them apart; "-2", "-3"... may follow it.
    const std::string slug = slugify(title);
    if (local == slug) return std::string(local);
    const bool numbered = local.starts_with(slug + "-") &&
                          local.find_first_not_of("0123456789", slug.size() + 1) == std::string_view::npos;
    if (numbered) return std::string(local);
    return *stripped;
}

}  // namespace fascicle::epub::reader
