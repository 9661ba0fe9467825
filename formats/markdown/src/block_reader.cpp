#include "block_reader.hpp"

#include "cmark_tree.hpp"
#include "html_tag.hpp"

#include <string>

namespace fascicle::markdown {

namespace {

bool is_blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// A code block's text without the line end the parser keeps after its last line.
std::string without_final_line_end(std::string_view text) {
    if (text.ends_with('\n')) text.remove_suffix(1);
    return std::string(text);
}

void add_paragraph(std::vector<Block>& out, std::vector<Inline>&& inlines) {
    if (inlines.empty()) return;  // only what leaves no text, e.g. an HTML comment
    Block b;
    b.inlines = std::move(inlines);
    out.push_back(std::move(b));
}

}  // namespace

bool BlockReader::within_limit(cmark_node* node, int depth) {
    if (depth <= max_nesting_) return true;
    if (!diagnostics_.failed())
        diagnostics_.error(line_of(node), column_of(node),
                           "block quotes and lists are nested more than " + std::to_string(max_nesting_) +
                               " levels deep here: Fascicle reads at most " + std::to_string(max_nesting_) +
                               " (--max-nesting N raises the limit)");
    return false;
}

void BlockReader::read_children(cmark_node* parent, std::vector<Block>& out, int depth) {
    for (cmark_node* n = cmark_node_first_child(parent); n && !diagnostics_.failed(); n = cmark_node_next(n))
        read(n, out, depth);
}

void BlockReader::read(cmark_node* node, std::vector<Block>& out, int depth) {
    switch (cmark_node_get_type(node)) {
        case CMARK_NODE_PARAGRAPH: add_paragraph(out, inlines_.read(node, depth)); return;
        case CMARK_NODE_HEADING:
            diagnostics_.warning(line_of(node), column_of(node),
                                 "a heading inside a block quote or list cannot start a section: it is kept as a "
                                 "paragraph");
            add_paragraph(out, inlines_.read(node, depth));
            return;
        case CMARK_NODE_BLOCK_QUOTE: {
            if (!within_limit(node, depth + 1)) return;
            Block quote;
            quote.kind = Block::Kind::block_quote;
            read_children(node, quote.children, depth + 1);
            out.push_back(std::move(quote));
            return;
        }
        case CMARK_NODE_LIST: {
            if (!within_limit(node, depth + 1)) return;
            Block list;
            list.kind = Block::Kind::list;
            list.ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
            if (list.ordered) list.start = cmark_node_get_list_start(node);
            for (cmark_node* item = cmark_node_first_child(node); item && !diagnostics_.failed();
                 item = cmark_node_next(item)) {
                list.items.emplace_back();
                read_children(item, list.items.back(), depth + 1);
            }
            out.push_back(std::move(list));
            return;
        }
        case CMARK_NODE_CODE_BLOCK: {
            Block code;
            code.kind = Block::Kind::code_block;
            code.text = without_final_line_end(literal_of(node));
            out.push_back(std::move(code));
            return;
        }
        case CMARK_NODE_HTML_BLOCK: read_html_block(node, out); return;
        case CMARK_NODE_THEMATIC_BREAK: return;
        default: break;
    }
    if (type_name_is(node, "table")) return read_table(node, out, depth);

    // A block type this reader does not know: its text, as paragraphs or as it is.
    diagnostics_.warning(line_of(node), column_of(node),
                         std::string("Markdown '") + cmark_node_get_type_string(node) +
                             "' has no place in Fascicle's documents: its text is kept");
    if (cmark_node_first_child(node))
        read_children(node, out, depth);
    else if (!is_blank(literal_of(node)))
        out.push_back(Block::paragraph(std::string(literal_of(node))));
}

void BlockReader::read_table(cmark_node* table, std::vector<Block>& out, int depth) {
    diagnostics_.warning(line_of(table), column_of(table),
                         "tables have no place in Fascicle's documents: each row of this table is kept as a paragraph, "
                         "its cells separated by \" | \"");
    for (cmark_node* row = cmark_node_first_child(table); row && !diagnostics_.failed(); row = cmark_node_next(row)) {
        std::vector<Inline> inlines;
        for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
            if (cell != cmark_node_first_child(row)) append_inline(inlines, Inline::plain(" | "));
            for (auto& i : inlines_.read(cell, depth)) append_inline(inlines, std::move(i));
        }
        add_paragraph(out, std::move(inlines));
    }
}

void BlockReader::read_html_block(cmark_node* node, std::vector<Block>& out) {
    const std::string_view html = literal_of(node);
    if (auto comment = comment_text(html)) {
        // An empty comment separates lists in pandoc's output: it holds nothing.
        if (!is_blank(*comment))
            diagnostics_.warning(line_of(node), column_of(node), "an HTML comment is not text: it is dropped");
        return;
    }
    diagnostics_.warning(line_of(node), column_of(node),
                         "Fascicle reads no HTML: this HTML block is kept as its source, in a code block");
    Block code;
    code.kind = Block::Kind::code_block;
    code.text = without_final_line_end(html);
    out.push_back(std::move(code));
}

}  // namespace fascicle::markdown
