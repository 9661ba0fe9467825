#include "writer_ids.hpp"

#include <fascicle/text.hpp>

#include <charconv>

namespace fascicle::docbook {

namespace {

bool starts_name(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

// `id` without the prefix to_ncname() adds, when it must have added it.
std::string_view without_added_prefix(std::string_view id, std::string_view prefix) {
    if (id.starts_with(prefix) && (id.size() == prefix.size() || !starts_name(id[prefix.size()])))
        return id.substr(prefix.size());
    return id;
}

std::string_view local_part(std::string_view xml_id) {
    const auto dot = xml_id.rfind('.');
    return dot == std::string_view::npos ? xml_id : xml_id.substr(dot + 1);
}

}  // namespace

std::string article_id_from_xml_id(std::string_view xml_id) {
    const auto id = without_added_prefix(xml_id, "a-");
    return std::string(id.empty() ? xml_id : id);
}

std::string local_id_from_xml_id(std::string_view xml_id, std::string_view article_xml_id, std::string_view title) {
    // Only the writer's "<article xml id>.<local>" is split: any other id (pandoc's
    // "ch1.xhtml#ln20", DocBook 4's "install.lvm2") is an id of its own, kept whole.
    if (article_xml_id.empty() || xml_id.size() <= article_xml_id.size() + 1 || !xml_id.starts_with(article_xml_id) ||
        xml_id[article_xml_id.size()] != '.')
        return std::string(xml_id);
    const auto local = xml_id.substr(article_xml_id.size() + 1);
    const auto stripped = without_added_prefix(local, "s-");
    if (stripped.size() == local.size() || stripped.empty()) return std::string(local);
    // Section ids are slugs of their titles, made unique with "-2", "-3"...
    const auto slug = slugify(title);
    if (local == slug || (local.starts_with(slug) && local[slug.size()] == '-')) return std::string(local);
    return std::string(stripped);
}

bool is_conclusion_xml_id(std::string_view xml_id, const std::set<std::string>& document_ids) {
    const auto local = local_part(xml_id);
    const auto prefix = xml_id.substr(0, xml_id.size() - local.size());  // "<article xml id>." or ""
    const std::string base = std::string(prefix) + "conclusion";
    if (local == "conclusion") return true;
    if (!local.starts_with("conclusion-")) return false;
    const auto digits = local.substr(11);
    int n = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec != std::errc() || end != digits.data() + digits.size() || n < 2 || digits[0] == '0') return false;
    if (!document_ids.count(base)) return false;
    for (int k = 2; k < n; ++k)
        if (!document_ids.count(base + "-" + std::to_string(k))) return false;
    return true;
}

}  // namespace fascicle::docbook
