// Where the ids of the book land in Markdown, which has no syntax for ids: every element with an
// id gets an HTML anchor, <a id="..."></a>, and an internal reference becomes a link to it,
// "#anchor" within the output file, "other-article.md#anchor" to another file of a --split.
#pragma once

#include <fascicle/ir.hpp>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace fascicle::markdown {

// An id as an anchor name: ASCII letters and digits, '-', '_', '.' and non-ASCII characters are
// kept, anything else (blanks, quotes, '#', '%', '/'...) becomes '-', so that the name needs no
// escaping in an HTML attribute nor in a URL fragment.
std::string anchor_safe(std::string_view id);

// <a id="name"></a>: an anchor, as raw HTML.
std::string anchor_tag(std::string_view name);
// The same as a raw HTML inline, to stand first in a paragraph or heading.
Inline anchor_inline(std::string_view name);

// The anchors and links of one article.
class InternalLinks {
public:
    // `split`: each article is a file of its own, named "<article id>.md" (as the host names
    // --split outputs), so anchors need not carry the article's id. `book_title`: the output
    // opens with the book's title, over articles gathered into one book.
    InternalLinks(const Article& article, bool split, bool book_title = true);

    // The anchor on the article's own heading; empty with --split, where the file is the article,
    // and, in a document without a book title or under one its source had too (the article's
    // heading_level 2 or more: one document converted), for an article that does not refer to
    // itself and whose id a reader gives it again (its source file's name, or slugify(title) made
    // unique): the anchor would be the only thing the source did not have.
    std::string article_anchor() const;
    // The anchor of an element of this article: "<article>.<id>" in a whole book (ids are only
    // unique within their article; section ids hold no '.'), "<id>" in a file of its own.
    std::string anchor(std::string_view local_id) const;
    // The anchor on a section's heading, or empty: a section whose id a reader made from its
    // title (slugify, made unique) gets none, unless this article refers to it. Such ids are
    // not the source's, so nothing but the article itself refers to them, and an anchor on
    // every heading would bury the titles. (Markdown viewers give headings ids of their own,
    // from their text.)
    std::string section_anchor(const Section& section) const;
    // The link destination of a reference's target ("article" or "article#id").
    std::string destination(std::string_view target) const;
    // What a reference with no text of its own shows: the title of its target when it is in
    // this article (a section's title, a figure's or table's caption, the article's title),
    // else the id it names (other articles are rendered apart, their titles are not known).
    std::vector<Inline> text_for(std::string_view target) const;

private:
    std::string article_id_;
    bool split_;
    bool anchored_;  // the article's heading has an anchor
    std::vector<Inline> article_title_;
    std::map<std::string, std::vector<Inline>, std::less<>> titles_;  // local id -> title
    std::set<std::string, std::less<>> referred_here_;                 // local ids this article refers to
};

}  // namespace fascicle::markdown
