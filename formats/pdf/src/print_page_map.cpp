#include "print_page_map.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cstring>

namespace fascicle::pdf {

namespace {

bool is_body_folio(std::string_view label) {
    return !label.empty() && std::all_of(label.begin(), label.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The first anchor each page shows that no earlier page did, in the order of the book.
void first_new_anchor(const pugi::xml_node node, const PrintAnchors& anchors, std::vector<bool>& seen,
                      const PrintAnchor*& first, const PrintAnchor*& last) {
    for (auto child : node.children()) {
        if (child.type() != pugi::node_element) continue;
        if (std::strcmp(child.name(), "id") == 0) {
            const auto found = anchors.by_id().find(child.attribute("name").value());
            if (found == anchors.by_id().end() || seen[found->second.order]) continue;
            seen[found->second.order] = true;
            const PrintAnchor& anchor = found->second;
            if (!first || anchor.order < first->order) first = &anchor;
            if (!last || anchor.order > last->order) last = &anchor;
        } else {
            first_new_anchor(child, anchors, seen, first, last);
        }
    }
}

}  // namespace

void PrintAnchors::add_article(const Article& article) {
    const std::size_t count = page_anchors(article).size();
    for (std::size_t n = 0; n < count; ++n)
        by_id_.emplace(page_anchor_xml_id(article.id, n), PrintAnchor{article.id, n, count_++});
}

std::optional<PageMap> page_map_from_intermediate_format(const std::filesystem::path& if_file,
                                                         const PrintAnchors& anchors, std::string& error) {
    pugi::xml_document document;
    const auto parsed = document.load_file(if_file.c_str());
    if (!parsed) {
        error = if_file.string() + ": " + parsed.description() + " at byte " + std::to_string(parsed.offset);
        return std::nullopt;
    }
    PageMap map;
    std::vector<bool> seen(anchors.by_id().size(), false);
    const PrintAnchor* current = nullptr;  // the last anchor started so far
    std::size_t waiting = 0;               // body pages before the first anchor: they take the next one's start
    std::size_t pages = 0;
    for (const auto& found : document.select_nodes("//*[local-name()='page']")) {
        const auto page = found.node();
        ++pages;
        const PrintAnchor* first = nullptr;
        const PrintAnchor* last = nullptr;
        first_new_anchor(page, anchors, seen, first, last);
        const std::string label = page.attribute("name").value();
        if (is_body_folio(label)) {
            if (first) {
                for (auto& earlier : map.pages) {
                    if (waiting == 0) break;
                    if (earlier.article_id.empty()) {
                        earlier = {earlier.label, first->article_id, first->anchor, false};
                        --waiting;
                    }
                }
                map.pages.push_back({label, first->article_id, first->anchor, false});
            } else if (current) {
                map.pages.push_back({label, current->article_id, current->anchor, true});
            } else {
                map.pages.push_back({label, {}, 0, false});
                ++waiting;
            }
        }
        if (last && (!current || last->order > current->order)) current = last;
    }
    if (pages == 0) {
        error = if_file.string() + ": no pages: not FOP's intermediate format";
        return std::nullopt;
    }
    if (waiting > 0) {
        error = if_file.string() + ": " + std::to_string(waiting) + " body page(s) and not one page anchor on them";
        return std::nullopt;
    }
    return map;
}

}  // namespace fascicle::pdf
