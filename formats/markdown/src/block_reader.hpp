// CommonMark block nodes (all but the document's own headings) as IR blocks.
#pragma once

#include "inline_reader.hpp"
#include "input_diagnostics.hpp"

#include <fascicle/ir.hpp>

#include <cmark-gfm.h>

#include <vector>

namespace fascicle::markdown {

// Paragraphs, lists (bullet or ordered, with their start), block quotes and code blocks map
// one to one. What the IR has no block for keeps its text, with a warning naming the line:
// a heading inside a quote or list becomes a paragraph, an HTML block a code block holding its
// source (an HTML comment holds no text and is dropped), each row of a GFM table a paragraph.
// A thematic break holds nothing and leaves no trace.
class BlockReader {
public:
    BlockReader(InputDiagnostics& diagnostics, int max_nesting)
        : diagnostics_(diagnostics), max_nesting_(max_nesting), inlines_(diagnostics, max_nesting) {}

    // Appends what `node` becomes to `out`. `depth`: the quotes and lists around the node;
    // deeper than max_nesting is an error.
    void read(cmark_node* node, std::vector<Block>& out, int depth = 0);
    // Appends what each child of `parent` becomes.
    void read_children(cmark_node* parent, std::vector<Block>& out, int depth);

    InlineReader& inlines() { return inlines_; }

private:
    void read_table(cmark_node* table, std::vector<Block>& out, int depth);
    void read_html_block(cmark_node* node, std::vector<Block>& out);
    bool within_limit(cmark_node* node, int depth);

    InputDiagnostics& diagnostics_;
    int max_nesting_;
    InlineReader inlines_;
};

}  // namespace fascicle::markdown
