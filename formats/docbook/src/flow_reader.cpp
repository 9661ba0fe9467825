#include "flow_reader.hpp"

#include "text_whitespace.hpp"

#include <charconv>

namespace fascicle::docbook {

namespace {

// DocBook has one element for quotations and no way to say which marks; these are English's.
constexpr std::string_view outer_quote_open = "\u201C", outer_quote_close = "\u201D";
constexpr std::string_view inner_quote_open = "\u2018", inner_quote_close = "\u2019";

bool is_whitespace_text(pugi::xml_node node) {
    if (node.type() != pugi::node_pcdata) return false;
    const std::string_view value = node.value();
    return value.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace

void BlockCollector::add_block(Block block) {
    close_paragraph();
    out_->push_back(std::move(block));
}

void BlockCollector::close_paragraph() {
    tidy_whitespace(paragraph_);
    if (has_content(paragraph_)) {
        Block block;
        block.inlines = std::move(paragraph_);
        out_->push_back(std::move(block));
    }
    paragraph_.clear();
}

bool FlowReader::is_block(pugi::xml_node element) const {
    const auto name = document_.name(element);
    return name == "para" || name == "simpara" || name == "itemizedlist" || name == "orderedlist" ||
           name == "blockquote" || name == "programlisting";
}

std::vector<Block> FlowReader::blocks_of(pugi::xml_node container) {
    std::vector<Block> blocks;
    BlockCollector into(blocks);
    for (auto child : container.children()) read(child, into);
    into.close_paragraph();
    return blocks;
}

std::string FlowReader::title_text(pugi::xml_node title) {
    std::vector<Inline> inlines;
    read_inline_children(title, inlines);
    return tidy_whitespace(plain_text(inlines));
}

void FlowReader::read(pugi::xml_node node, BlockCollector& into) {
    switch (node.type()) {
        case pugi::node_pcdata:
        case pugi::node_cdata: append_text(into.paragraph(), document_.source().text(node)); return;
        case pugi::node_pi: read_inline(node, into.paragraph()); return;
        case pugi::node_element: break;
        default: return;
    }
    const auto name = document_.name(node);
    if (name == "para" || name == "simpara") read_para(node, into);
    else if (name == "itemizedlist" || name == "orderedlist") read_list(node, into);
    else if (name == "blockquote") into.add_block(read_blockquote(node));
    else if (name == "programlisting") into.add_block(read_programlisting(node));
    else if (name == "emphasis" || name == "link" || name == "literal" || name == "code" || name == "quote")
        read_inline(node, into.paragraph());
    else read_unmapped(node, into);
}

void FlowReader::read_para(pugi::xml_node para, BlockCollector& into) {
    into.close_paragraph();
    for (auto child : para.children()) read(child, into);
    into.close_paragraph();
}

void FlowReader::read_list(pugi::xml_node list, BlockCollector& into) {
    Block block;
    block.kind = Block::Kind::list;
    block.ordered = document_.name(list) == "orderedlist";
    if (const auto start = document_.source().attribute(list, "startingnumber"); block.ordered && !start.empty()) {
        int value = 0;
        const auto [end, ec] = std::from_chars(start.data(), start.data() + start.size(), value);
        if (ec == std::errc() && end == start.data() + start.size()) block.start = value;
        else document_.warning(list, "startingnumber=\"" + start + "\" is not a number: the list starts at 1");
    }
    // A list may open with blocks (a para...) before its items; they go before it.
    std::vector<Block> before;
    BlockCollector before_items(before);
    for (auto child : list.children()) {
        if (document_.name(child) == "listitem") {
            block.items.push_back(blocks_of(child));
        } else if (!is_whitespace_text(child)) {
            read(child, before_items);
        }
    }
    before_items.close_paragraph();
    for (auto& b : before) into.add_block(std::move(b));
    into.add_block(std::move(block));
}

Block FlowReader::read_blockquote(pugi::xml_node quote) {
    Block block;
    block.kind = Block::Kind::block_quote;
    block.children = blocks_of(quote);
    return block;
}

Block FlowReader::read_programlisting(pugi::xml_node listing) {
    Block block;
    block.kind = Block::Kind::code_block;
    block.text = verbatim_text(listing);
    return block;
}

void FlowReader::read_unmapped(pugi::xml_node element, BlockCollector& into) {
    if (!holds_blocks(element)) {
        document_.unmapped(element, "its text is kept as inline text");
        read_inline_children(element, into.paragraph());
        return;
    }
    document_.unmapped(element, "its content is kept as paragraphs");
    into.close_paragraph();
    for (auto child : element.children()) read(child, into);
    into.close_paragraph();
}

bool FlowReader::holds_blocks(pugi::xml_node element) const {
    for (auto child : element.children())
        if (child.type() == pugi::node_element && (is_block(child) || holds_blocks(child))) return true;
    return false;
}

void FlowReader::read_inline_children(pugi::xml_node element, std::vector<Inline>& into) {
    for (auto child : element.children()) read_inline(child, into);
}

void FlowReader::read_inline(pugi::xml_node node, std::vector<Inline>& into) {
    switch (node.type()) {
        case pugi::node_pcdata:
        case pugi::node_cdata: append_text(into, document_.source().text(node)); return;
        case pugi::node_pi:
            // The DocBook writer's hard line break; other processing instructions are for other tools.
            if (std::string_view(node.name()) == "linebreak") into.push_back(Inline::wrap(Inline::Kind::line_break, {}));
            return;
        case pugi::node_element: break;
        default: return;
    }
    const auto name = document_.name(node);
    if (name == "emphasis") {
        const auto role = document_.source().attribute(node, "role");
        Inline i;
        i.kind = role == "strong" || role == "bold" ? Inline::Kind::strong : Inline::Kind::emphasis;
        read_inline_children(node, i.children);
        into.push_back(std::move(i));
    } else if (name == "literal" || name == "code") {
        into.push_back(Inline::code_span(verbatim_text(node)));
    } else if (name == "link") {
        read_link(node, into);
    } else if (name == "quote") {
        read_quote(node, into);
    } else {
        document_.unmapped(node, "its text is kept as inline text");
        read_inline_children(node, into);
    }
}

void FlowReader::read_link(pugi::xml_node link, std::vector<Inline>& into) {
    auto target = document_.source().attribute(link, xlink_namespace, "href");
    if (target.empty()) {
        // An internal link points at an xml:id; as a URL that is a fragment.
        if (auto linkend = document_.source().attribute(link, "linkend"); !linkend.empty()) target = "#" + linkend;
    }
    if (target.empty()) {
        read_inline_children(link, into);
        return;
    }
    Inline i;
    i.kind = Inline::Kind::link;
    i.target = std::move(target);
    read_inline_children(link, i.children);
    into.push_back(std::move(i));
}

void FlowReader::read_quote(pugi::xml_node quote, std::vector<Inline>& into) {
    const bool inner = quote_depth_ % 2 == 1;
    append_text(into, inner ? inner_quote_open : outer_quote_open);
    ++quote_depth_;
    read_inline_children(quote, into);
    --quote_depth_;
    append_text(into, inner ? inner_quote_close : outer_quote_close);
}

std::string FlowReader::verbatim_text(pugi::xml_node element) const {
    std::string text;
    for (auto child : element.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) text += document_.source().text(child);
        else if (child.type() == pugi::node_element) text += verbatim_text(child);
    }
    return text;
}

}  // namespace fascicle::docbook
