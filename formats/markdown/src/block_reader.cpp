#include "block_reader.hpp"

#include "cmark_tree.hpp"
#include "dollar_math.hpp"
#include "github_alert.hpp"
#include "html_fragment.hpp"
#include "html_tag.hpp"

#include <fascicle/html_content.hpp>
#include <fascicle/ir_walk.hpp>
#include <fascicle/parsed_xml.hpp>

#include <cmark-gfm-core-extensions.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace fascicle::markdown {

namespace {

bool is_blank_text(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// How far the reader joins HTML blocks to balance a fragment: bounded, as input is untrusted.
constexpr std::size_t most_joined_blocks = 64;
constexpr std::size_t most_fragment_bytes = 256 * 1024;

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

Alignment alignment_of(std::uint8_t a) {
    switch (a) {
        case 'l': return Alignment::left;
        case 'c': return Alignment::center;
        case 'r': return Alignment::right;
        default: return Alignment::unspecified;
    }
}

// The TeX source of a paragraph's text: its text nodes, soft breaks as line ends; nullopt when
// it holds anything else.
std::optional<std::string> source_text(cmark_node* paragraph) {
    std::string text;
    for (cmark_node* n = cmark_node_first_child(paragraph); n; n = cmark_node_next(n)) {
        const auto type = cmark_node_get_type(n);
        if (type == CMARK_NODE_TEXT)
            text += literal_of(n);
        else if (type == CMARK_NODE_SOFTBREAK)
            text += '\n';
        else
            return std::nullopt;
    }
    return text;
}

// A block quote's last paragraph "— name" is its attribution (the writer's form, and print's).
void take_attribution(Block& quote) {
    static constexpr std::string_view dash = "\u2014 ";
    if (quote.kind != Block::Kind::block_quote || quote.children.size() < 2) return;
    Block& last = quote.children.back();
    if (last.kind != Block::Kind::paragraph || !last.attributes.empty() || last.inlines.empty()) return;
    Inline& first = last.inlines.front();
    if (first.kind != Inline::Kind::text || !first.text.starts_with(dash) || first.text.size() == dash.size()) return;
    first.text.erase(0, dash.size());
    quote.attribution = std::move(last.inlines);
    quote.children.pop_back();
}

}  // namespace

BlockReader::BlockReader(DocumentContext& context, int max_nesting)
    : context_(context), diagnostics_(context.diagnostics), max_nesting_(max_nesting), inlines_(context, max_nesting) {}

void BlockReader::read_paragraph(cmark_node* node, std::vector<Block>& out, int depth) {
    if (context_.dollar_math) {
        if (auto text = source_text(node)) {
            if (auto tex = display_math_of(*text)) {
                Block math;
                math.kind = Block::Kind::display_math;
                math.math.tex = std::move(*tex);
                out.push_back(std::move(math));
                return;
            }
        }
    }
    std::vector<Inline> inlines = inlines_.read(node, depth);
    if (inlines.empty()) return;
    Block paragraph = Block::paragraph(std::move(inlines));
    // An anchor opening a paragraph is its id (the writer's form of a block's id).
    if (!inlines_.leading_anchor().empty()) paragraph.attributes.id = context_.local_id(inlines_.leading_anchor());
    out.push_back(std::move(paragraph));
}

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
    if (!joined_.empty() && joined_.erase(node)) return;  // read with the HTML block before it
    switch (cmark_node_get_type(node)) {
        case CMARK_NODE_PARAGRAPH: read_paragraph(node, out, depth); return;
        case CMARK_NODE_HEADING: {
            // A heading inside a block quote or list starts no section: a division of class
            // "heading" (the IR's extension point), its level a pair, its title a paragraph.
            Block heading;
            heading.kind = Block::Kind::division;
            heading.attributes.classes = {std::string(nested_heading_class)};
            heading.attributes.pairs = {{"level", std::to_string(cmark_node_get_heading_level(node))}};
            add_paragraph(heading.children, inlines_.read(node, depth));
            out.push_back(std::move(heading));
            return;
        }
        case CMARK_NODE_BLOCK_QUOTE: {
            if (!within_limit(node, depth + 1)) return;
            Block quote;
            quote.kind = Block::Kind::block_quote;
            if (context_.gfm) {
                if (std::string alert = take_alert_marker(node); !alert.empty()) {
                    quote.kind = Block::Kind::division;
                    quote.attributes.classes = {std::move(alert)};
                }
            }
            read_children(node, quote.children, depth + 1);
            take_attribution(quote);
            out.push_back(std::move(quote));
            return;
        }
        case CMARK_NODE_LIST: {
            if (!within_limit(node, depth + 1)) return;
            Block list;
            list.kind = Block::Kind::list;
            list.ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
            if (list.ordered) list.start = cmark_node_get_list_start(node);
            list.tight = cmark_node_get_list_tight(node) != 0;
            bool any_task = false;
            for (cmark_node* item = cmark_node_first_child(node); item && !diagnostics_.failed();
                 item = cmark_node_next(item)) {
                list.items.emplace_back();
                read_children(item, list.items.back(), depth + 1);
                const bool task = type_name_is(item, "tasklist");
                any_task = any_task || task;
                list.tasks.push_back(!task ? Task::none
                                     : cmark_gfm_extensions_get_tasklist_item_checked(item) ? Task::checked
                                                                                            : Task::unchecked);
            }
            if (!any_task) list.tasks.clear();
            out.push_back(std::move(list));
            return;
        }
        case CMARK_NODE_CODE_BLOCK: {
            Block code;
            code.kind = Block::Kind::code_block;
            // Without its final line end, unless it ends in blank lines: writers drop one final
            // line end (HTML's <pre> text has one), which would take a blank line with it.
            code.text = literal_of(node).ends_with("\n\n") ? std::string(literal_of(node))
                                                              : without_final_line_end(literal_of(node));
            const std::string_view info = cmark_node_get_fence_info(node) ? cmark_node_get_fence_info(node) : "";
            code.format = std::string(info.substr(0, info.find_first_of(" \t")));
            out.push_back(std::move(code));
            return;
        }
        case CMARK_NODE_HTML_BLOCK: read_html_block(node, out); return;
        case CMARK_NODE_THEMATIC_BREAK: {
            Block rule;
            rule.kind = Block::Kind::thematic_break;
            out.push_back(std::move(rule));
            return;
        }
        case CMARK_NODE_FOOTNOTE_DEFINITION: return;  // read where it is referred to
        default: break;
    }
    if (type_name_is(node, "table")) return read_table(node, out, depth);

    // A block type this reader does not know: its text, as paragraphs or as it is.
    context_.losses.add(std::string("Markdown '") + cmark_node_get_type_string(node) + "' block", line_of(node),
                        "kept as its text");
    if (cmark_node_first_child(node))
        read_children(node, out, depth);
    else if (!is_blank_text(literal_of(node)))
        out.push_back(Block::paragraph(std::string(literal_of(node))));
}

void BlockReader::read_table(cmark_node* table, std::vector<Block>& out, int depth) {
    Block block;
    block.kind = Block::Kind::table;
    const std::size_t columns = cmark_gfm_extensions_get_table_columns(table);
    const std::uint8_t* alignments = cmark_gfm_extensions_get_table_alignments(table);
    for (std::size_t c = 0; c < columns; ++c)
        block.table.columns.push_back({alignments ? alignment_of(alignments[c]) : Alignment::unspecified, 0});
    for (cmark_node* row = cmark_node_first_child(table); row && !diagnostics_.failed(); row = cmark_node_next(row)) {
        const bool head = cmark_gfm_extensions_get_table_row_is_header(row) != 0;
        TableRow r;
        for (cmark_node* cell = cmark_node_first_child(row); cell && !diagnostics_.failed(); cell = cmark_node_next(cell)) {
            TableCell c;
            c.header = head;
            add_paragraph(c.blocks, inlines_.read(cell, depth));
            r.cells.push_back(std::move(c));
        }
        (head ? block.table.head : block.table.body).push_back(std::move(r));
    }
    out.push_back(std::move(block));
}

// An HTML block is kept as it is, raw HTML (a Markdown writer writes it back verbatim, and
// Markdown's meaning is kept); what it shows, read as content, is its children, for the
// writers that cannot write HTML (EPUB, DocBook, plain text).
void BlockReader::read_html_block(cmark_node* node, std::vector<Block>& out) {
    const std::string_view html = literal_of(node);
    Block raw;
    raw.kind = Block::Kind::raw;
    raw.format = "html";
    raw.text = without_final_line_end(html);

    // An empty comment separates lists (our writer's, pandoc's): it shows nothing.
    if (auto comment = comment_text(html); comment && is_blank_text(*comment)) {
        out.push_back(std::move(raw));
        return;
    }
    // pandoc's wrappers around Markdown (fenced divs, sections of a book): the wrapping is no
    // content, their ids stay, as anchors where they stood, for the links to them.
    if (auto ids = wrapper_ids(html)) {
        if (!ids->empty()) {
            std::vector<Inline> anchors;
            for (auto& id : *ids) {
                Inline anchor = Inline::wrap(Inline::Kind::span, {});
                anchor.attributes.id = context_.local_id(id);
                anchors.push_back(std::move(anchor));
            }
            raw.children.push_back(Block::paragraph(std::move(anchors)));
        }
        out.push_back(std::move(raw));
        return;
    }

    // A blank line ends an HTML block: the blocks after it that close its elements join it.
    const std::size_t first_line = line_of(node);
    XmlFragment fragment = xml_from_html(html);
    std::vector<cmark_node*> joined;
    const bool top_level = cmark_node_get_type(cmark_node_parent(node)) == CMARK_NODE_DOCUMENT;
    for (cmark_node* last = node; fragment.open_elements > 0 && joined.size() < most_joined_blocks &&
                                  fragment.xml.size() < most_fragment_bytes;) {
        cmark_node* next = cmark_node_next(last);
        if (!next || !first_line || !line_of(next)) break;
        std::string_view piece;
        if (cmark_node_get_type(next) == CMARK_NODE_HTML_BLOCK) {
            piece = literal_of(next);
        } else if (fragment.open_preformatted > 0 && top_level) {
            // A blank line in a <pre> (pandoc's code in table cells): what follows it is the
            // <pre>'s text, whatever Markdown makes of it; its lines as they are (at the top,
            // where no container's prefix is on them).
            piece = source_lines(line_of(next), static_cast<std::size_t>(cmark_node_get_end_line(next)));
        } else {
            break;
        }
        // The lines between stay, so that positions in the fragment are lines of the file.
        const auto lines = static_cast<std::size_t>(std::count(fragment.xml.begin(), fragment.xml.end(), '\n'));
        if (line_of(next) > first_line + lines) fragment.xml.append(line_of(next) - first_line - lines, '\n');
        const XmlFragment more = xml_from_html(piece);
        fragment.xml += more.xml;
        fragment.open_elements += more.open_elements;
        fragment.open_preformatted += more.open_preformatted;
        joined.push_back(next);
        last = next;
    }
    if (fragment.open_elements == 0) {
        if (auto blocks = html_blocks(fragment.xml, first_line)) {
            // Joined blocks are one raw block: their lines as the source has them (at the top;
            // in a container, their texts a blank line apart), so that Markdown reads them back
            // as it read them.
            if (!joined.empty()) {
                const auto last_line = static_cast<std::size_t>(cmark_node_get_end_line(joined.back()));
                if (top_level) {
                    raw.text = without_final_line_end(source_lines(first_line, last_line));
                } else {
                    for (cmark_node* j : joined) raw.text += "\n\n" + without_final_line_end(literal_of(j));
                }
            }
            raw.children = std::move(*blocks);
            joined_.insert(joined.begin(), joined.end());
        }
    }
    out.push_back(std::move(raw));
}

std::string_view BlockReader::source_lines(std::size_t first, std::size_t last) {
    const std::string_view text = context_.markdown;
    if (line_starts_.empty()) {
        line_starts_.push_back(0);
        for (std::size_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n') line_starts_.push_back(i + 1);
    }
    if (first == 0 || last < first || first > line_starts_.size()) return {};
    const std::size_t from = line_starts_[first - 1];
    const std::size_t to = last < line_starts_.size() ? line_starts_[last] : text.size();
    return text.substr(from, to - from);
}

void BlockReader::localise(Attributes& attributes) const {
    if (!attributes.id.empty()) attributes.id = context_.local_id(attributes.id);
}

std::optional<std::vector<Block>> BlockReader::html_blocks(const std::string& xml, std::size_t first_line) {
    xml::ParsedXml::Failure failure;
    // The wrapper starts on the fragment's first line; nesting is bounded as Markdown's is.
    const auto parsed = xml::ParsedXml::parse("<div>" + xml + "</div>", true, failure,
                                              static_cast<std::size_t>(max_nesting_) + 1);
    if (!parsed || !parsed->unknown_entities().empty()) return std::nullopt;

    // What the mapper reports counts only when its blocks are taken.
    LossReport losses_before = context_.losses;
    std::vector<std::pair<std::size_t, std::string>> remote_images;
    auto refuse = [&]() -> std::optional<std::vector<Block>> {
        context_.losses = std::move(losses_before);
        return std::nullopt;
    };

    html::ContentContext content_context;
    content_context.losses = &context_.losses;
    content_context.line_offset = first_line ? first_line - 1 : 0;
    content_context.reference = [this](const std::string& href) { return inlines_.reference_for(href); };
    content_context.image = [&](const std::string& src, xml::XmlPosition at) -> std::string {
        const ImageFiles::Found found = context_.images.resolve(src);
        switch (found.outcome) {
            case ImageFiles::Outcome::outside:
                context_.losses.add("out-of-folder image", at.line,
                                    "refused (the path leaves the input's folder): the description is kept as text");
                return {};
            case ImageFiles::Outcome::missing:
                context_.losses.add("missing image file", at.line, "kept as images of their paths, with no file");
                return src;
            case ImageFiles::Outcome::remote:
                remote_images.emplace_back(at.line, "the image " + src + " is remote: it stays a link to its URL");
                return found.target;
            default: return found.target;
        }
    };
    html::HtmlContent content = html::read_html_fragment(*parsed, parsed->root(), content_context);
    if (!content.notes.empty()) return refuse();  // notes are Markdown's footnotes, not HTML's

    std::vector<Block> blocks;
    for (auto& item : content.items) {
        if (auto* block = std::get_if<html::ContentBlock>(&item)) {
            blocks.push_back(std::move(block->block));
            continue;
        }
        auto& heading = std::get<html::ContentHeading>(item);
        context_.losses.add("HTML heading", first_line,
                            "kept as a paragraph (a heading in an HTML block cannot start a section)");
        Block paragraph = Block::paragraph(std::move(heading.inlines));
        paragraph.attributes.id = heading.id.empty() ? heading.section_id : heading.id;
        if (!paragraph.inlines.empty()) blocks.push_back(std::move(paragraph));
    }
    if (blocks.empty()) return refuse();  // comments, styles, scripts ...: kept as they are
    // Ids as anchors give them ("<article>.<id>" in our writer's whole book): local ids. The blocks
    // are ours (not const); the walk that finds every id is const.
    walk(blocks, IrVisitor{[&](const Block& b) { localise(const_cast<Block&>(b).attributes); },
                           [&](const Inline& i) { localise(const_cast<Inline&>(i).attributes); }, {}});
    for (auto& [line, message] : remote_images) diagnostics_.note(line, 0, std::move(message));
    return blocks;
}

}  // namespace fascicle::markdown
