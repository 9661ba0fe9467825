// Which heading level starts an article, and whether the first heading titles the whole book.
#pragma once

#include <cmark-gfm.h>

#include <cstddef>
#include <optional>

namespace fascicle::markdown {

struct HeadingLayout {
    int article_level = 1;
    cmark_node* book_title = nullptr;  // the heading that titles the book, if one does
    std::size_t titled_articles = 0;   // headings at the article level
    // Text or sections before the first article heading (or a document with no article heading):
    // an untitled article, with no heading of its own.
    bool leading_text = false;
    bool leading_sections = false;

    // How many articles the document gives.
    std::size_t article_count() const { return titled_articles + (leading_text || leading_sections ? 1 : 0); }
};

// With `article_level` given, headings of that level start articles, deeper ones sections, and
// a shallower heading that opens the document titles the book. Without it, from the headings
// of the document (those in quotes and lists do not count), T being the shallowest level used:
// the one heading of level T titles the book when it opens the document, a heading of level
// T+1 follows it directly and some heading is deeper still (our writer's book: "# Book",
// "## Article", "### Section"); otherwise level T starts articles (our split files, pandoc's
// chapters, and any document with one top heading: one article).
HeadingLayout plan_heading_layout(cmark_node* document, std::optional<int> article_level);

}  // namespace fascicle::markdown
