// IR inlines as Markdown text that a CommonMark parser reads back as the same inlines and the
// same text: escaping only what could be read as markup where it stands.
#pragma once

#include "markdown_flavor.hpp"

#include <fascicle/ir.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fascicle::markdown {

// Inline Markdown; '\n' only where the text has a line break (hard or soft).
struct MarkdownText {
    std::string text;
    // Byte ranges a line must not be broken in (code spans, link destinations), in order.
    std::vector<std::pair<std::size_t, std::size_t>> unbreakable;

    bool may_break_at(std::size_t offset) const;
};

// The GFM footnotes met in one article: their labels' prefix (unique in the book) and each
// note's blocks, in the order of their references ([^prefix1], [^prefix2]...).
struct Footnotes {
    std::string prefix;
    std::vector<std::vector<Block>> notes;  // copies: the renderer works on normalized copies of inlines
};

class InlineRenderer {
public:
    explicit InlineRenderer(Flavor flavor) : flavor_(flavor) {}

    // GFM: notes become footnote references, their blocks collected into `footnotes` (one
    // article's: a renderer that collects is that article's copy). Null: notes are left out.
    void collect_footnotes(Footnotes* footnotes) { footnotes_ = footnotes; }

    // A paragraph's content. Empty when the inlines hold no text.
    MarkdownText paragraph(const std::vector<Inline>& inlines) const;
    // An ATX heading's content, on one line.
    std::string heading(const std::vector<Inline>& title) const;

private:
    Flavor flavor_;
    Footnotes* footnotes_ = nullptr;
};

}  // namespace fascicle::markdown
