// CommonMark inline nodes as IR inlines.
#pragma once

#include "input_diagnostics.hpp"

#include <fascicle/ir.hpp>

#include <cmark-gfm.h>

#include <cstddef>
#include <string>
#include <vector>

namespace fascicle::markdown {

// Text (soft line breaks as spaces, neighbouring text joined), emphasis, strong, code, links,
// hard line breaks. Inline HTML: <em>/<i>, <strong>/<b>, <a href> and <br> are read as what they
// mean (our writer falls back on the first three); an anchor, <a id="..."> without href (our
// writer marks ids so), is dropped silently, its text kept, and the first one's id noted (a
// heading's anchor is its id); any other tag is dropped with a warning, the text around it kept. Images keep their description as text, GFM strikethrough its content,
// each with a warning naming the line.
// Appends an inline to `out`, joining text to text before it and leaving out text and emphasis
// that hold nothing: the IR's inlines as every reader gives them.
void append_inline(std::vector<Inline>& out, Inline i);

class InlineReader {
public:
    InlineReader(InputDiagnostics& diagnostics, int max_nesting) : diagnostics_(diagnostics), max_nesting_(max_nesting) {}

    // The inlines of a paragraph, heading or table cell. `depth`: how deeply the node is nested
    // already; nesting beyond max_nesting is an error (the result is then incomplete).
    std::vector<Inline> read(cmark_node* parent, int depth = 0);
    // The id of the first anchor the last read() met; empty when it met none.
    const std::string& first_anchor() const { return first_anchor_; }

private:
    struct OpenTag;
    void read_children(cmark_node* parent, std::vector<Inline>& out, int depth);
    // `out`: where the inlines of `node`'s parent go when no tag is open.
    void read_html(cmark_node* node, std::vector<OpenTag>& open, std::vector<Inline>& out, int depth);
    bool within_limit(cmark_node* node, int depth);

    InputDiagnostics& diagnostics_;
    int max_nesting_;
    std::size_t fallback_line_ = 0;  // the block's line, for nodes the parser gave no position
    std::string first_anchor_;
};

}  // namespace fascicle::markdown
