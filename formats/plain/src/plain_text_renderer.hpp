// IR blocks and titles as lines of plain text for reading: wrapped by display width, titles
// underlined, quotes and code indented, no markup characters.
#pragma once

#include <fascicle/ir.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace fascicle::plain {

class PlainTextRenderer {
public:
    explicit PlainTextRenderer(std::size_t columns) : columns_(columns) {}

    // The blocks, a blank line between two, each line after `indent`. An element may hold several
    // lines, '\n' between them (a paragraph's).
    std::vector<std::string> blocks(const std::vector<Block>& blocks, const std::string& indent = "") const;
    // A title underlined with `rule` (and overlined too when `overline`); empty title: no lines.
    std::vector<std::string> title(std::string_view title, char rule, bool overline = false) const;
    // Text wrapped after `first` on the first line and `rest` on the others (a hanging indent).
    std::vector<std::string> wrapped(std::string_view text, const std::string& first,
                                     const std::string& rest) const;
    // The same lines (`indent` before each but the empty ones) in one string, '\n' between two.
    std::string wrapped_joined(std::string_view text, const std::string& indent) const;

    // The text of inlines as a reader sees it: link targets in parentheses after their text,
    // images as [image: alt], formulas as their TeX, notes as [n] (their text is kept for notes()).
    std::string inline_text(const std::vector<Inline>& inlines) const;

    // The notes met since the last call, numbered in order, as a "Notes" part; then forgets them.
    // A renderer that collects notes is one article's: copy the book's renderer for each.
    std::vector<std::string> notes() const;

private:
    std::vector<std::string> list(const Block& list, const std::string& indent) const;
    std::vector<std::string> table(const Block& table, const std::string& indent) const;
    std::vector<std::string> line_block(const Block& block, const std::string& indent) const;

    std::size_t columns_;
    mutable std::vector<const std::vector<Block>*> notes_;
    mutable std::size_t notes_numbered_ = 0;
};

}  // namespace fascicle::plain
