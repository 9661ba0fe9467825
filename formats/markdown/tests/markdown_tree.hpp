// Our Markdown read back by a real parser (libcmark, or libcmark-gfm with the GFM extensions),
// as the blocks a round-trip test compares with the IR.
#pragma once

#include <fascicle/ir.hpp>

#include <string>
#include <vector>

namespace fascicle::markdown::test {

// A leaf block as a reader sees it. `containers` names the blocks around it, outermost first,
// e.g. "quote/list/item"; `text` is the code block's content or the heading's plain text.
struct LeafBlock {
    enum class Kind { heading, paragraph, code_block, thematic_break, html_block, other };
    Kind kind = Kind::other;
    int level = 0;  // heading
    std::string containers;
    std::vector<Inline> inlines;  // heading, paragraph
    std::string text;             // code_block, html_block

    bool operator==(const LeafBlock&) const = default;
};

std::string describe(const LeafBlock& block);
std::string describe(const std::vector<LeafBlock>& blocks);

// Parses `markdown` and lists its leaf blocks in document order. Inline HTML <em>, <strong>,
// <a href="..."> and their closing tags become emphasis, strong and links; text, soft breaks ("\n") and escapes
// become text; anything else unexpected becomes text that says what it was.
std::vector<LeafBlock> parse_markdown(const std::string& markdown);

// "commonmark" or "gfm": which parser parse_markdown uses.
const char* parser_flavor();

}  // namespace fascicle::markdown::test
