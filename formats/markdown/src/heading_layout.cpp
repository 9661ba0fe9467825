#include "heading_layout.hpp"

#include <algorithm>
#include <vector>

namespace fascicle::markdown {

namespace {

int heading_level(cmark_node* node) {
    return node && cmark_node_get_type(node) == CMARK_NODE_HEADING ? cmark_node_get_heading_level(node) : 0;
}

}  // namespace

HeadingLayout plan_heading_layout(cmark_node* document, std::optional<int> article_level) {
    HeadingLayout layout;
    cmark_node* first = cmark_node_first_child(document);

    if (article_level) {
        layout.article_level = *article_level;
        if (heading_level(first) > 0 && heading_level(first) < *article_level) layout.book_title = first;
    } else {
        std::vector<int> levels;
        for (cmark_node* n = first; n; n = cmark_node_next(n))
            if (int level = heading_level(n)) levels.push_back(level);
        if (!levels.empty()) {
            const int top = *std::min_element(levels.begin(), levels.end());
            const bool one_top = std::count(levels.begin(), levels.end(), top) == 1;
            const bool deeper = std::any_of(levels.begin(), levels.end(), [&](int l) { return l >= top + 2; });
            if (one_top && heading_level(first) == top && heading_level(cmark_node_next(first)) == top + 1 && deeper) {
                layout.book_title = first;
                layout.article_level = top + 1;
            } else {
                layout.article_level = top;
            }
        }
    }

    bool before_first_article = true;
    for (cmark_node* n = first; n; n = cmark_node_next(n)) {
        const int level = heading_level(n);
        if (n == layout.book_title) continue;
        if (level == layout.article_level) {
            ++layout.titled_articles;
            before_first_article = false;
        } else if (before_first_article && level > layout.article_level) {
            layout.leading_sections = true;
        } else if (before_first_article && level == 0) {
            layout.leading_text = true;
        }
    }
    return layout;
}

}  // namespace fascicle::markdown
