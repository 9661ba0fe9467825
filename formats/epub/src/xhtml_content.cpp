#include "xhtml_content.hpp"

#include "html_whitespace.hpp"
#include "xml_names.hpp"

#include <charconv>
#include <string_view>

namespace fascicle::epub::reader {

namespace {

// What an element is to the reader.
enum class Kind {
    heading,     // h1-h6
    paragraph,   // p
    list,        // ul, ol, menu
    quote,       // blockquote
    preformatted,
    table,       // read cell by cell, with a warning
    container,   // div, section ...: its content, in order
    line_break,
    ignored,     // no text of the document's own (scripts, images, navigation)
    inline_element,
};

Kind kind_of(std::string_view name) {
    if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') return Kind::heading;
    if (name == "p") return Kind::paragraph;
    if (name == "ul" || name == "ol" || name == "menu") return Kind::list;
    if (name == "blockquote") return Kind::quote;
    if (name == "pre") return Kind::preformatted;
    if (name == "table") return Kind::table;
    if (name == "br") return Kind::line_break;
    static constexpr std::string_view ignored[] = {
        "head", "script", "style", "template", "nav", "hr", "img", "svg", "math", "video", "audio", "iframe",
        "object", "embed", "canvas", "noscript", "button", "input", "select", "textarea", "map", "area",
        "source", "track", "wbr", "rt", "rp", "colgroup", "col"};
    for (auto n : ignored)
        if (n == name) return Kind::ignored;
    static constexpr std::string_view containers[] = {
        "body", "div", "section", "article", "aside", "header", "footer", "main", "figure", "figcaption",
        "address", "details", "summary", "dialog", "hgroup", "dl", "dt", "dd", "li", "fieldset", "legend",
        "form", "center", "caption", "thead", "tbody", "tfoot", "tr", "td", "th"};
    for (auto n : containers)
        if (n == name) return Kind::container;
    return Kind::inline_element;
}

Kind kind_of(pugi::xml_node element) { return kind_of(local_name(element.name())); }

bool is_block(Kind k) {
    return k != Kind::inline_element && k != Kind::line_break && k != Kind::ignored;
}

bool has_block_inside(pugi::xml_node element) {
    for (pugi::xml_node child : element.children())
        if (child.type() == pugi::node_element &&
            (is_block(kind_of(child)) || (kind_of(child) == Kind::inline_element && has_block_inside(child))))
            return true;
    return false;
}

std::string epub_type(pugi::xml_node element) {
    if (pugi::xml_attribute a = attribute_in(element, ops_ns, "type")) return a.value();
    return element.attribute("epub:type").value();
}

// The part an element's epub:type or ARIA role puts its content in, else `outer`.
Part part_of(pugi::xml_node element, Part outer) {
    const std::string types = epub_type(element);
    const std::string_view role = element.attribute("role").value();
    if (has_token(types, "abstract") || has_token(role, "doc-abstract")) return Part::abstract;
    if (has_token(types, "conclusion") || has_token(role, "doc-conclusion")) return Part::conclusion;
    return outer;
}

bool marks_structure(pugi::xml_node element) {
    const std::string types = epub_type(element);
    const std::string_view role = element.attribute("role").value();
    return has_token(types, "chapter") || has_token(types, "conclusion") || has_token(role, "doc-chapter") ||
           has_token(role, "doc-conclusion");
}

// Text and markup of code and preformatted text, white space kept; <br/> is a line end.
void append_raw_text(pugi::xml_node node, std::string& out) {
    for (pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) out += child.value();
        else if (child.type() == pugi::node_element && local_name(child.name()) == "br") out += '\n';
        else if (child.type() == pugi::node_element && kind_of(child) != Kind::ignored) append_raw_text(child, out);
    }
}

void append_inlines(pugi::xml_node element, std::vector<Inline>& out);

void append_inline_element(pugi::xml_node element, std::vector<Inline>& out) {
    const std::string_view name = local_name(element.name());
    const Kind kind = kind_of(name);
    if (kind == Kind::ignored) return;
    if (kind == Kind::line_break) {
        out.push_back(Inline::wrap(Inline::Kind::line_break, {}));
        return;
    }
    Inline i;
    if (name == "em" || name == "i" || name == "cite" || name == "dfn" || name == "var") {
        i.kind = Inline::Kind::emphasis;
    } else if (name == "strong" || name == "b") {
        i.kind = Inline::Kind::strong;
    } else if (name == "code" || name == "kbd" || name == "samp" || name == "tt") {
        i.kind = Inline::Kind::code;
        append_raw_text(element, i.text);
        out.push_back(std::move(i));
        return;
    } else if (name == "a" && *element.attribute("href").value()) {
        i.kind = Inline::Kind::link;
        i.target = element.attribute("href").value();
    } else {
        append_inlines(element, out);  // span, small, sup, q ...: their content as it is
        return;
    }
    append_inlines(element, i.children);
    out.push_back(std::move(i));
}

void append_inlines(pugi::xml_node element, std::vector<Inline>& out) {
    for (pugi::xml_node child : element.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata)
            out.push_back(Inline::plain(child.value()));
        else if (child.type() == pugi::node_element)
            append_inline_element(child, out);
    }
}

int list_start(pugi::xml_node list) {
    const std::string_view text = list.attribute("start").value();
    int start = 1;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), start);
    return ec == std::errc() && end == text.data() + text.size() ? start : 1;
}

class ContentWalker {
public:
    ContentWalker(const XmlEntry& document, const ContentWarning& warn, XhtmlContent& out)
        : document_(document), warn_(warn), out_(out) {}

    // The blocks and headings of a container, in order. At the top (`nested` null) they become
    // the document's items; inside a list item or a block quote they are that block's blocks,
    // and a heading there is a paragraph.
    void flow(pugi::xml_node container, Part part, std::vector<Block>* nested) {
        flow_range(container.first_child(), pugi::xml_node(), part, nested);
    }

private:
    // The nodes from `first` up to (not including) `end`, read as the content of a container.
    void flow_range(pugi::xml_node first, pugi::xml_node end, Part part, std::vector<Block>* nested) {
        std::vector<Inline> pending;  // text and inline markup between blocks: a paragraph
        auto flush = [&] {
            collapse_whitespace(pending);
            if (!pending.empty()) {
                Block paragraph;
                paragraph.inlines = std::move(pending);
                emit(std::move(paragraph), part, nested);
            }
            pending.clear();
        };
        for (pugi::xml_node child = first; child != end; child = child.next_sibling()) {
            if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
                pending.push_back(Inline::plain(child.value()));
                continue;
            }
            if (child.type() != pugi::node_element) continue;
            const Kind kind = kind_of(child);
            if (kind == Kind::ignored) continue;
            if (kind == Kind::line_break || (kind == Kind::inline_element && !has_block_inside(child))) {
                append_inline_element(child, pending);
                continue;
            }
            flush();
            if (marks_structure(child)) out_.marks_structure = true;
            const Part inner = part_of(child, part);
            switch (kind) {
                case Kind::heading: heading(child, inner, nested); break;
                case Kind::list: emit(list(child, inner), inner, nested); break;
                case Kind::quote: {
                    Block quote;
                    quote.kind = Block::Kind::block_quote;
                    flow(child, inner, &quote.children);
                    if (!quote.children.empty()) emit(std::move(quote), inner, nested);
                    break;
                }
                case Kind::preformatted: {
                    Block code;
                    code.kind = Block::Kind::code_block;
                    append_raw_text(child, code.text);
                    emit(std::move(code), inner, nested);
                    break;
                }
                case Kind::table:
                    warn_(document_.position(child),
                          "a table is read as paragraphs, cell by cell (fascicle's documents have no tables)");
                    flow(child, inner, nested);
                    break;
                default: flow(child, inner, nested); break;  // p, containers, inline elements holding blocks
            }
        }
        flush();
    }

    void emit(Block&& block, Part part, std::vector<Block>* nested) {
        if (nested) nested->push_back(std::move(block));
        else out_.items.emplace_back(std::in_place_type<ContentBlock>, ContentBlock{std::move(block), part});
    }

    void heading(pugi::xml_node element, Part part, std::vector<Block>* nested) {
        std::vector<Inline> inlines;
        append_inlines(element, inlines);
        collapse_whitespace(inlines);
        if (nested) {
            if (!inlines.empty()) {
                Block paragraph;
                paragraph.inlines = std::move(inlines);
                nested->push_back(std::move(paragraph));
            }
            return;
        }
        ContentHeading h;
        h.level = local_name(element.name())[1] - '0';
        h.text = plain_text(inlines);
        h.id = element.attribute("id").value();
        // The id of the section it opens: pandoc puts it there, not on the heading.
        const pugi::xml_node parent = element.parent();
        const std::string_view parent_name = local_name(parent.name());
        if ((parent_name == "section" || parent_name == "div" || parent_name == "article") &&
            parent.find_child([](pugi::xml_node n) { return n.type() == pugi::node_element; }) == element)
            h.section_id = parent.attribute("id").value();
        h.part = part;
        out_.items.push_back(std::move(h));
    }

    Block list(pugi::xml_node element, Part part) {
        Block list;
        list.kind = Block::Kind::list;
        list.ordered = local_name(element.name()) == "ol";
        if (list.ordered) list.start = list_start(element);
        for (pugi::xml_node child : element.children()) {
            if (child.type() != pugi::node_element || kind_of(child) == Kind::ignored) continue;
            // A list directly inside a list (a common slip for one inside the item before it)
            // joins the item before it.
            if (local_name(child.name()) != "li" && kind_of(child) == Kind::list && !list.items.empty()) {
                flow_one(child, part, list.items.back());
                continue;
            }
            std::vector<Block> item;
            if (local_name(child.name()) == "li") flow(child, part, &item);
            else flow_one(child, part, item);
            list.items.push_back(std::move(item));
        }
        return list;
    }

    // One element read as the only content of a container.
    void flow_one(pugi::xml_node element, Part part, std::vector<Block>& into) {
        flow_range(element, element.next_sibling(), part, &into);
    }

    const XmlEntry& document_;
    const ContentWarning& warn_;
    XhtmlContent& out_;
};

void add_kinds(pugi::xml_node element, std::vector<std::string>& kinds) {
    for (const char* attribute : {"class", "role"})
        for (auto& t : tokens(element.attribute(attribute).value())) kinds.push_back(std::move(t));
    for (auto& t : tokens(epub_type(element))) kinds.push_back(std::move(t));
}

pugi::xml_node child_named(pugi::xml_node parent, std::string_view local) {
    for (pugi::xml_node child : parent.children())
        if (child.type() == pugi::node_element && local_name(child.name()) == local) return child;
    return {};
}

}  // namespace

std::optional<XhtmlContent> read_xhtml_content(const XmlEntry& document, const ContentWarning& warn,
                                               std::string& error) {
    const pugi::xml_node html = document.root();
    if (local_name(html.name()) != "html") {
        error = std::string("the root element is <") + html.name() + ">, expected <html>";
        return std::nullopt;
    }
    const pugi::xml_node body = child_named(html, "body");
    if (!body) {
        error = "the document has no <body>";
        return std::nullopt;
    }

    XhtmlContent content;
    content.language = html.attribute("xml:lang").value();
    if (content.language.empty()) content.language = html.attribute("lang").value();
    if (pugi::xml_node head = child_named(html, "head"))
        content.head_title = collapse_whitespace(trimmed_text(child_named(head, "title")));

    // The body, its children, and those of a lone wrapper inside it.
    add_kinds(body, content.kinds);
    std::vector<pugi::xml_node> outer;
    for (pugi::xml_node child : body.children())
        if (child.type() == pugi::node_element) outer.push_back(child);
    if (outer.size() == 1)
        for (pugi::xml_node child : outer.front().children())
            if (child.type() == pugi::node_element) add_kinds(child, content.kinds);
    for (pugi::xml_node child : outer) add_kinds(child, content.kinds);

    ContentWalker(document, warn, content).flow(body, part_of(body, Part::body), nullptr);
    return content;
}

}  // namespace fascicle::epub::reader
