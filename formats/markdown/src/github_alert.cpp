#include "github_alert.hpp"

#include "cmark_tree.hpp"

#include <fascicle/ir.hpp>

#include <cctype>
#include <vector>

namespace fascicle::markdown {

std::string take_alert_marker(cmark_node* quote) {
    cmark_node* paragraph = cmark_node_first_child(quote);
    if (!paragraph || cmark_node_get_type(paragraph) != CMARK_NODE_PARAGRAPH) return {};
    // The first line's text: cmark splits "[!TIP]" into text nodes at the brackets.
    std::string line;
    std::vector<cmark_node*> marker;
    cmark_node* n = cmark_node_first_child(paragraph);
    for (; n && cmark_node_get_type(n) == CMARK_NODE_TEXT; n = cmark_node_next(n)) {
        line += literal_of(n);
        marker.push_back(n);
    }
    const bool line_ends = !n || cmark_node_get_type(n) == CMARK_NODE_SOFTBREAK || cmark_node_get_type(n) == CMARK_NODE_LINEBREAK;
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
    if (!line_ends || line.size() < 4 || !line.starts_with("[!") || line.back() != ']') return {};
    std::string kind = line.substr(2, line.size() - 3);
    for (auto& c : kind) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool known = false;
    for (std::string_view k : admonition_classes) known = known || k == kind;
    if (!known) return {};

    if (n) marker.push_back(n);  // the line end after the marker
    for (cmark_node* m : marker) cmark_node_free(m);
    if (!cmark_node_first_child(paragraph)) cmark_node_free(paragraph);
    return kind;
}

}  // namespace fascicle::markdown
