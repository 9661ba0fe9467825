// IR blocks and headings as lines of Markdown, wrapped at a width when asked.
#pragma once

#include "html_renderer.hpp"
#include "inline_renderer.hpp"
#include "internal_links.hpp"

#include <fascicle/ir.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fascicle::markdown {

class BlockRenderer {
public:
    // columns: the width paragraphs are wrapped at; nullopt leaves each paragraph on one line
    // (a line per hard break).
    BlockRenderer(Flavor flavor, std::optional<std::size_t> columns);

    // The blocks, a blank line between two; empty paragraphs leave no trace.
    std::vector<std::string> blocks(const std::vector<Block>& blocks) const;
    // The blocks inside a block quote.
    std::vector<std::string> block_quote(const std::vector<Block>& blocks) const;
    // An ATX heading, with an anchor first when `anchor` is not empty; levels beyond 6 are written as 6.
    std::string heading(int level, const std::vector<Inline>& title, std::string_view anchor = {}) const;
    std::string heading(int level, std::string_view title) const { return heading(level, title_inlines(std::string(title))); }
    // See InlineRenderer::collect_footnotes.
    void collect_footnotes(Footnotes* footnotes) { inlines_.collect_footnotes(footnotes); }
    // Internal references become links and ids anchors (one article's: a renderer that links is
    // that article's copy). Without, references are their text and ids are left out.
    void set_links(const InternalLinks* links);
    // The definitions of the footnotes collected: "[^label]: " before a note's first line, its
    // other lines indented four spaces. Notes inside notes are numbered and defined after them.
    std::vector<std::string> footnote_definitions(Footnotes& footnotes) const;

private:
    // Each takes the width left for its lines (ignored when not wrapping).
    std::vector<std::string> blocks(const std::vector<Block>& blocks, std::size_t width) const;
    std::vector<std::string> block(const Block& b, bool alternate_marker, std::size_t width) const;
    std::vector<std::string> paragraph(const std::vector<Inline>& inlines, std::size_t width) const;
    std::vector<std::string> list(const Block& list, bool alternate_marker, std::size_t width) const;
    std::vector<std::string> block_quote(const std::vector<Block>& blocks, std::size_t width) const;
    std::vector<std::string> tight_item(const std::vector<Block>& item, std::size_t width) const;
    std::vector<std::string> quotation(const Block& quote, std::size_t width) const;
    std::vector<std::string> code_block(const std::string& text, const std::string& language) const;
    std::vector<std::string> division(const Block& division, std::size_t width) const;
    std::vector<std::string> admonition(const Block& division, std::size_t width) const;
    std::vector<std::string> table(const Block& table, std::size_t width) const;
    std::vector<std::string> display_math(const Math& math) const;
    std::vector<std::string> html_block(const Block& b) const;
    // The anchor of a block with an id; empty when it has none (or nothing links).
    std::string anchor_of(const Block& b) const;
    static std::vector<Inline> line_block_inlines(const Block& b);
    static std::vector<std::string> split_lines(const std::string& text);

    Flavor flavor_;
    InlineRenderer inlines_;
    HtmlRenderer html_;
    const InternalLinks* links_ = nullptr;
    std::optional<std::size_t> columns_;
};

}  // namespace fascicle::markdown
