// IR inlines as Markdown text that a CommonMark parser reads back as the same inlines and the
// same text: escaping only what could be read as markup where it stands.
#pragma once

#include "internal_links.hpp"
#include "markdown_flavor.hpp"

#include <fascicle/ir.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fascicle::markdown {

// A link's or image's target as the destination Markdown writes: a valid URI reference
// (fascicle::normalized_uri: percent-encoded as browsers and cmark do); an empty one stays empty
// (the document itself). nullopt when none can be made: the writer keeps the text and warns.
std::optional<std::string> link_destination(const std::string& target);

// Inline Markdown; '\n' only where the text has a line break (hard or soft).
struct MarkdownText {
    std::string text;
    // Byte ranges a line must not be broken in (code spans, link destinations), in order.
    std::vector<std::pair<std::size_t, std::size_t>> unbreakable;

    bool may_break_at(std::size_t offset) const;
};

// A note met in the text: its blocks (a copy: the renderer works on normalized copies of
// inlines) and its id, for an anchor in its definition.
struct Footnote {
    std::vector<Block> blocks;
    std::string id;
};

// The GFM footnotes met in one article: their labels' prefix (unique in the book) and each
// note, in the order of their references ([^prefix1], [^prefix2]...).
struct Footnotes {
    std::string prefix;
    std::vector<Footnote> notes;
};

class InlineRenderer {
public:
    explicit InlineRenderer(Flavor flavor) : flavor_(flavor) {}

    // GFM: notes become footnote references, their blocks collected into `footnotes` (one
    // article's: a renderer that collects is that article's copy). Null: notes are left out.
    void collect_footnotes(Footnotes* footnotes) { footnotes_ = footnotes; }
    // Internal references become links, ids anchors (one article's: see InternalLinks). Null:
    // references are written as their text, ids left out.
    void set_links(const InternalLinks* links) { links_ = links; }

    // A paragraph's content. Empty when the inlines hold no text.
    MarkdownText paragraph(const std::vector<Inline>& inlines) const;
    // An ATX heading's content, on one line.
    std::string heading(const std::vector<Inline>& title) const;
    // A GFM pipe table cell's content, on one line: a hard break is <br>, and every '|' is
    // escaped, also in code spans and URLs (GFM splits the row before it reads the cells).
    std::string table_cell(const std::vector<Inline>& inlines) const;

private:
    Flavor flavor_;
    Footnotes* footnotes_ = nullptr;
    const InternalLinks* links_ = nullptr;
};

}  // namespace fascicle::markdown
