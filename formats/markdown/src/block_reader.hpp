// CommonMark block nodes (all but the document's own headings) as IR blocks.
#pragma once

#include "inline_reader.hpp"
#include "document_context.hpp"
#include "nested_heading.hpp"

#include <fascicle/ir.hpp>

#include <cmark-gfm.h>

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace fascicle::markdown {

// Paragraphs, lists (bullet or ordered, with their start and tightness; GFM task boxes), block
// quotes, code blocks (the info string's first word their language), thematic breaks and GFM
// tables (head row, alignment, cells' inlines) map one to one. An HTML block is a raw block of
// format html, verbatim (a Markdown writer writes it back as it was); when it is well-formed XML
// once HTML's void elements are closed (with the HTML blocks after it, when blank lines split its
// elements), what it shows is read as HTML content (html_content.hpp: tables, figures, definition
// lists, images, ids ...) into the raw block's children, for the writers of other formats. A
// paragraph that is only $$tex$$ is display math with --markdown-math dollars. A heading inside a
// quote or list, which starts no section, is a division (nested_heading.hpp). What the IR has no block for keeps its text and is reported (LossReport).
class BlockReader {
public:
    BlockReader(DocumentContext& context, int max_nesting);

    // Appends what `node` becomes to `out`. `depth`: the quotes and lists around the node;
    // deeper than max_nesting is an error.
    void read(cmark_node* node, std::vector<Block>& out, int depth = 0);
    // Appends what each child of `parent` becomes.
    void read_children(cmark_node* parent, std::vector<Block>& out, int depth);

    InlineReader& inlines() { return inlines_; }
    DocumentContext& context() { return context_; }

private:
    void read_table(cmark_node* table, std::vector<Block>& out, int depth);
    void read_html_block(cmark_node* node, std::vector<Block>& out);
    // An HTML fragment (XML text, from the file's line `first_line`) as IR blocks; nullopt when
    // it does not parse or holds what they cannot (notes, nothing but comments or styles).
    void localise(Attributes& attributes) const;
    std::optional<std::vector<Block>> html_blocks(const std::string& xml, std::size_t first_line);
    void read_paragraph(cmark_node* node, std::vector<Block>& out, int depth);
    bool within_limit(cmark_node* node, int depth);

    DocumentContext& context_;
    InputDiagnostics& diagnostics_;
    int max_nesting_;
    InlineReader inlines_;
    // The text of lines `first` to `last` of the document (1-based, inclusive).
    std::string_view source_lines(std::size_t first, std::size_t last);

    std::set<cmark_node*> joined_;  // blocks read with the HTML block before them
    std::vector<std::size_t> line_starts_;  // of the document's text, made when first needed
};

}  // namespace fascicle::markdown
