// CommonMark inline nodes as IR inlines.
#pragma once

#include "document_context.hpp"

#include <fascicle/ir.hpp>

#include <cmark-gfm.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace fascicle::markdown {

// Text (soft line breaks as spaces, neighbouring text joined), emphasis, strong, code, links
// (with their title; to a Markdown file beside the input: an internal reference), hard line
// breaks, images (a local file becomes a resource), GFM strikethrough and footnotes (a note
// holding the definition's blocks, where it is referred to), $math$ with --markdown-math dollars.
// Inline HTML: <em>/<i>, <strong>/<b>, <a href>, <sup>, <sub>, <del>/<s> and <br> are read as
// what they mean (our writer falls back on them; the id of an <a href id> is an empty span
// before the link); an anchor, <a id="..."> without href (our
// writer marks ids so), is dropped silently, its text kept, and the first one's id noted (a
// heading's anchor is its id); any other tag is kept verbatim as raw HTML.
// Appends an inline to `out`, joining text to text before it and leaving out text and emphasis
// that hold nothing: the IR's inlines as every reader gives them.
void append_inline(std::vector<Inline>& out, Inline i);

class InlineReader {
public:
    InlineReader(DocumentContext& context, int max_nesting)
        : context_(context), diagnostics_(context.diagnostics), max_nesting_(max_nesting) {}

    // How footnote references find their note: the document's definitions (cmark-gfm numbers
    // references by them, in order) and what reads a definition's blocks.
    using BlockReading = std::function<std::vector<Block>(cmark_node* definition, int depth)>;
    void set_footnotes(std::vector<cmark_node*> definitions, BlockReading read_blocks) {
        footnotes_ = std::move(definitions);
        read_blocks_ = std::move(read_blocks);
    }

    // The inlines of a paragraph, heading or table cell. `depth`: how deeply the node is nested
    // already; nesting beyond max_nesting is an error (the result is then incomplete).
    std::vector<Inline> read(cmark_node* parent, int depth = 0);
    // The id of the first anchor the last read() met; empty when it met none.
    const std::string& first_anchor() const { return first_anchor_; }
    // The id of the anchor the last read() began with (a paragraph's id); empty when none.
    const std::string& leading_anchor() const { return leading_anchor_; }

    // The internal reference a link's URL is ("#id" in this document, a Markdown file beside
    // it), if it is one.
    std::optional<std::string> reference_for(const std::string& url) const;

private:
    struct OpenTag;
    void read_children(cmark_node* parent, std::vector<Inline>& out, int depth);
    // `out`: where the inlines of `node`'s parent go when no tag is open.
    void read_html(cmark_node* node, std::vector<OpenTag>& open, std::vector<Inline>& out, int depth);
    bool within_limit(cmark_node* node, int depth);
    // The internal reference a link to "#..." in this document is, if it is one.
    std::optional<std::string> reference_in_document(const std::string& url) const;
    Inline image(cmark_node* node, std::vector<Inline>&& description, std::size_t line);
    void footnote(cmark_node* node, std::vector<Inline>& out, int depth, std::size_t line);

    DocumentContext& context_;
    InputDiagnostics& diagnostics_;
    std::vector<cmark_node*> footnotes_;
    std::vector<bool> footnote_used_;
    BlockReading read_blocks_;
    int max_nesting_;
    std::size_t fallback_line_ = 0;  // the block's line, for nodes the parser gave no position
    std::string first_anchor_;
    std::string leading_anchor_;
};

}  // namespace fascicle::markdown
