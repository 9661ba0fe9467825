// What a CommonMark parser should find in our Markdown for a book: the leaf blocks the IR
// gives, in document order, normalized the way Markdown must normalize them.
#pragma once

#include "markdown_tree.hpp"

#include <fascicle/ir.hpp>

#include <vector>

namespace fascicle::markdown::test {

// The blocks of `book` as MarkdownWriter lays them out (headings, summary in a quote, ...).
std::vector<LeafBlock> expected_blocks(const Book& book, bool split = false);

// What Markdown cannot tell apart, made equal: adjacent text joined, empty inlines dropped,
// line breaks inside code spans as spaces, links inside links as their text, line breaks that
// end a paragraph dropped, and blocks left empty removed.
std::vector<LeafBlock> normalized(std::vector<LeafBlock> blocks);

// For wrapped output: every run of spaces and newlines in text as one space.
std::vector<LeafBlock> with_collapsed_whitespace(std::vector<LeafBlock> blocks);

}  // namespace fascicle::markdown::test
