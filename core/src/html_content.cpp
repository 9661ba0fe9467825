#include <fascicle/html_content.hpp>

#include <fascicle/html_whitespace.hpp>
#include <fascicle/xml_names.hpp>

#include <algorithm>
#include <charconv>
#include <optional>
#include <set>
#include <sstream>
#include <string_view>
#include <utility>

namespace fascicle::html {

using namespace fascicle::xml;

namespace {

constexpr std::string_view mathml_ns = "http://www.w3.org/1998/Math/MathML";

// What an element is to the reader.
enum class Kind {
    heading,     // h1-h6
    paragraph,   // p
    list,        // ul, ol, menu
    quote,       // blockquote
    preformatted,
    table,
    figure,
    definitions,  // dl
    rule,         // hr
    container,    // div, section ...: its content, in order
    line_break,
    ignored,      // not content: styles, metadata, column groups
    lost,         // content the document model cannot hold: a LossReport entry
    inline_element,
};

Kind kind_of(std::string_view name) {
    if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') return Kind::heading;
    if (name == "p") return Kind::paragraph;
    if (name == "ul" || name == "ol" || name == "menu") return Kind::list;
    if (name == "blockquote") return Kind::quote;
    if (name == "pre") return Kind::preformatted;
    if (name == "table") return Kind::table;
    if (name == "figure") return Kind::figure;
    if (name == "dl") return Kind::definitions;
    if (name == "hr") return Kind::rule;
    if (name == "br") return Kind::line_break;
    static constexpr std::string_view ignored[] = {"head", "style", "template", "wbr", "source", "track", "colgroup",
                                                   "col", "link", "meta", "param", "trigger"};
    for (auto n : ignored)
        if (n == name) return Kind::ignored;
    static constexpr std::string_view lost[] = {"script", "noscript", "video", "audio", "iframe", "object", "embed",
                                                "canvas", "button", "input", "select", "textarea", "map",
                                                "area", "applet", "frame", "frameset", "progress", "meter"};
    for (auto n : lost)
        if (n == name) return Kind::lost;
    static constexpr std::string_view containers[] = {
        "body", "div", "section", "article", "aside", "header", "footer", "main", "figcaption", "nav",
        "address", "details", "summary", "dialog", "hgroup", "dt", "dd", "li", "fieldset", "legend",
        "form", "center", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "switch", "default"};
    for (auto n : containers)
        if (n == name) return Kind::container;
    return Kind::inline_element;
}

Kind kind_of(pugi::xml_node element) { return kind_of(local_name(element.name())); }

bool is_block(Kind k) {
    return k != Kind::inline_element && k != Kind::line_break && k != Kind::ignored && k != Kind::lost;
}

bool is_element(pugi::xml_node n) { return n.type() == pugi::node_element; }

// Whether an inline element holds a block (a <span> around paragraphs, an <a> around a <div>),
// without recursion: the document may nest as deep as its limit allows.
bool has_block_inside(pugi::xml_node element) {
    pugi::xml_node node = element.first_child();
    while (node && node != element) {
        if (is_element(node)) {
            const Kind k = kind_of(node);
            if (is_block(k)) return true;
            if (k == Kind::inline_element && node.first_child()) {
                node = node.first_child();
                continue;
            }
        }
        while (node != element && !node.next_sibling()) node = node.parent();
        if (node == element) break;
        node = node.next_sibling();
    }
    return false;
}

std::string epub_type(pugi::xml_node element) {
    if (pugi::xml_attribute a = attribute_in(element, ops_ns, "type")) return a.value();
    return element.attribute("epub:type").value();
}

std::string language_of(pugi::xml_node element) {
    if (pugi::xml_attribute a = element.attribute("xml:lang")) return a.value();
    return element.attribute("lang").value();
}

bool has_any_token(std::string_view value, std::initializer_list<std::string_view> wanted) {
    for (auto w : wanted)
        if (has_token(value, w)) return true;
    return false;
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

// A section of notes: EPUB 3's footnotes/endnotes/rearnotes, ARIA's, pandoc's and calibre's classes.
bool is_notes_container(pugi::xml_node element) {
    return has_any_token(epub_type(element), {"footnotes", "endnotes", "rearnotes"}) ||
           has_any_token(element.attribute("role").value(), {"doc-endnotes", "doc-footnotes"}) ||
           has_any_token(element.attribute("class").value(), {"footnotes", "endnotes"});
}

// A note: marked as one, or an element with an id directly inside a section of notes (or its list).
bool is_note(pugi::xml_node element, bool in_notes) {
    if (!*element.attribute("id").value()) return false;
    if (has_any_token(epub_type(element), {"footnote", "endnote", "rearnote"}) ||
        has_any_token(element.attribute("role").value(), {"doc-footnote", "doc-endnote"}))
        return true;
    const std::string_view name = local_name(element.name());
    return in_notes && (name == "li" || name == "div" || name == "aside" || name == "p");
}

// The link from a note back to where it is referenced: the note itself says where it is.
bool is_backlink(pugi::xml_node a) {
    return has_token(epub_type(a), "backlink") || has_token(a.attribute("role").value(), "doc-backlink") ||
           has_any_token(a.attribute("class").value(), {"footnote-back", "footnote-backref", "backlink"});
}

bool is_line_group(pugi::xml_node element) {
    return has_any_token(element.attribute("class").value(),
                         {"linegroup", "line-group", "line-block", "stanza", "poem", "verse", "poetry", "lg", "lines"});
}

// Text and markup of code and preformatted text, white space kept; <br/> is a line end.
void append_raw_text(pugi::xml_node node, std::string& out) {
    for (pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) out += child.value();
        else if (is_element(child) && local_name(child.name()) == "br") out += '\n';
        else if (is_element(child) && kind_of(child) != Kind::ignored) append_raw_text(child, out);
    }
}

int number_attribute(pugi::xml_node element, const char* name, int fallback, int most) {
    const std::string_view text = element.attribute(name).value();
    int value = fallback;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < 1) return fallback;
    return std::min(value, most);
}

Alignment alignment_of(pugi::xml_node element) {
    std::string_view value = element.attribute("align").value();
    const std::string_view style = element.attribute("style").value();
    if (const auto at = style.find("text-align"); at != std::string_view::npos) {
        const auto colon = style.find(':', at);
        if (colon != std::string_view::npos) {
            value = style.substr(colon + 1);
            value = value.substr(value.find_first_not_of(' ') == std::string_view::npos ? value.size()
                                                                                        : value.find_first_not_of(' '));
        }
    }
    if (value.starts_with("left")) return Alignment::left;
    if (value.starts_with("center")) return Alignment::center;
    if (value.starts_with("right")) return Alignment::right;
    return Alignment::unspecified;
}

// A code block's language: "language-x" / "lang-x" classes (HTML's convention), or pandoc's
// "sourceCode x".
std::string code_language(pugi::xml_node element) {
    const auto classes = tokens(element.attribute("class").value());
    for (const auto& c : classes) {
        if (c.starts_with("language-")) return c.substr(9);
        if (c.starts_with("lang-")) return c.substr(5);
    }
    if (std::find(classes.begin(), classes.end(), "sourceCode") != classes.end())
        for (const auto& c : classes)
            if (c != "sourceCode" && c != "numberSource") return c;
    return {};
}

// The first descendant element named `local`, found without recursion.
pugi::xml_node descendant_named(pugi::xml_node element, std::string_view local) {
    pugi::xml_node node = element.first_child();
    while (node && node != element) {
        if (is_element(node) && local_name(node.name()) == local) return node;
        if (node.first_child()) {
            node = node.first_child();
            continue;
        }
        while (node != element && !node.next_sibling()) node = node.parent();
        if (node == element) break;
        node = node.next_sibling();
    }
    return {};
}

// A <math> element as a formula: its MathML, and its TeX from alttext or a TeX annotation.
Math math_of(pugi::xml_node element) {
    Math math;
    math.tex = element.attribute("alttext").value();
    if (math.tex.empty()) {
        for (pugi::xml_node node = descendant_named(element, "annotation"); node;
             node = node.next_sibling("annotation"))
            if (std::string_view(node.attribute("encoding").value()) == "application/x-tex") {
                math.tex = trimmed_text(node);
                break;
            }
    }
    pugi::xml_document copy;
    pugi::xml_node root = copy.append_copy(element);
    root.set_name("math");
    if (!root.attribute("xmlns")) root.prepend_attribute("xmlns") = std::string(mathml_ns).c_str();
    root.remove_attribute("alttext");  // it is the TeX, held apart
    std::ostringstream out;
    root.print(out, "", pugi::format_raw);
    math.mathml = out.str();
    return math;
}

bool is_display_math(pugi::xml_node element) {
    return local_name(element.name()) == "math" && std::string_view(element.attribute("display").value()) == "block";
}

// A paragraph around a display formula only (<p class="display-math"><math display="block">).
bool holds_only_display_math(pugi::xml_node element) {
    bool math = false;
    for (pugi::xml_node c : element.children()) {
        if (is_element(c)) {
            if (!is_display_math(c) || math) return false;
            math = true;
        } else if ((c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) &&
                   std::string_view(c.value()).find_first_not_of(" \t\r\n") != std::string_view::npos) {
            return false;
        }
    }
    return math;
}

constexpr const char* switch_case = "<epub:case> branch";
constexpr const char* switch_case_fate = "left out (the <epub:default> of its <epub:switch> is read)";
constexpr const char* switch_default = "<epub:default> branch";
constexpr const char* switch_mathml_fate = "left out (the <epub:case> for MathML of its <epub:switch> is read)";

// The branch of an epub:switch a reading system that knows MathML shows, as Fascicle's model
// holds MathML: the first <epub:case required-namespace="...MathML">, or else the <epub:default>.
pugi::xml_node switch_branch(pugi::xml_node element) {
    for (pugi::xml_node c : element.children())
        if (c.type() == pugi::node_element && local_name(c.name()) == "case" &&
            std::string_view(c.attribute("required-namespace").value()) == "http://www.w3.org/1998/Math/MathML")
            return c;
    for (pugi::xml_node c : element.children())
        if (c.type() == pugi::node_element && local_name(c.name()) == "default") return c;
    return {};
}

// Where the reader is inside the document.
struct Scope {
    Part part = Part::body;
    std::string language;  // the enclosing element's language when not the document's
    bool in_notes = false;  // inside a section of notes
    bool in_poem = false;   // inside a line group: its divisions are stanzas
};

class ContentWalker {
public:
    ContentWalker(const ParsedXml& document, const ContentContext& context, HtmlContent& out)
        : document_(document), context_(context), out_(out) {}

    // The blocks and headings of a container, in order. At the top (`nested` null) they become
    // the document's items; inside a list item or a block quote they are that block's blocks,
    // and a heading there is a paragraph.
    void flow(pugi::xml_node container, const Scope& scope, std::vector<Block>* nested) {
        flow_range(container.first_child(), pugi::xml_node(), scope, nested);
    }

private:
    void lose(pugi::xml_node element, const std::string& what, std::string_view fate = "left out") {
        if (context_.losses) context_.losses->add(what, position(element).line, fate);
    }

    // Where a node is in the reader's file: a fragment's lines are counted from its first.
    XmlPosition position(pugi::xml_node node) const {
        XmlPosition at = document_.position(node);
        if (at.line) at.line += context_.line_offset;
        return at;
    }

    Scope inner_scope(pugi::xml_node element, const Scope& outer) const {
        Scope s = outer;
        s.part = part_of(element, outer.part);
        const std::string language = language_of(element);
        if (!language.empty()) s.language = language == out_.language ? std::string() : language;
        if (is_notes_container(element)) s.in_notes = true;
        return s;
    }

    // The nodes from `first` up to (not including) `end`, read as the content of a container.
    void flow_range(pugi::xml_node first, pugi::xml_node end, const Scope& scope, std::vector<Block>* nested) {
        std::vector<Inline> pending;  // text and inline markup between blocks: a paragraph
        auto flush = [&] {
            collapse_whitespace(pending);
            if (!pending.empty()) emit(Block::paragraph(std::move(pending)), scope, nested);
            pending.clear();
        };
        for (pugi::xml_node child = first; child != end; child = child.next_sibling()) {
            if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
                pending.push_back(Inline::plain(child.value()));
                continue;
            }
            if (!is_element(child)) continue;
            if (is_note(child, scope.in_notes)) {
                take_note(child, scope);
                continue;
            }
            const Kind kind = kind_of(child);
            if (is_display_math(child)) {
                flush();
                Block math;
                math.kind = Block::Kind::display_math;
                math.math = math_of(child);
                emit(std::move(math), scope, nested);
                continue;
            }
            if (kind == Kind::ignored || kind == Kind::lost || kind == Kind::line_break ||
                (kind == Kind::inline_element && !has_block_inside(child))) {
                inline_element(child, scope, pending);
                continue;
            }
            flush();
            if (marks_structure(child)) out_.marks_structure = true;
            block_element(child, kind, inner_scope(child, scope), nested);
        }
        flush();
    }

    void block_element(pugi::xml_node child, Kind kind, const Scope& inner, std::vector<Block>* nested) {
        const std::string_view name = local_name(child.name());
        switch (kind) {
            case Kind::heading: heading(child, inner, nested); return;
            case Kind::list: {
                Block l = list(child, inner);
                if (!l.items.empty()) emit(std::move(l), inner, nested);
                return;
            }
            case Kind::quote: {
                Block quote;
                quote.kind = Block::Kind::block_quote;
                pugi::xml_node attribution;
                for (pugi::xml_node c : child.children())
                    if (is_element(c) && (local_name(c.name()) == "footer" || local_name(c.name()) == "cite"))
                        attribution = c;
                if (attribution) {
                    // <footer><cite>Name</cite></footer>, as HTML writes it: the name is the attribution.
                    pugi::xml_node source = attribution;
                    if (local_name(attribution.name()) == "footer") {
                        pugi::xml_node only;
                        int elements = 0;
                        for (pugi::xml_node c : attribution.children())
                            if (is_element(c)) {
                                only = c;
                                ++elements;
                            }
                        if (elements == 1 && local_name(only.name()) == "cite" && trimmed_text(attribution) == trimmed_text(only))
                            source = only;
                    }
                    quote.attribution = inlines_of(source, inner);
                    flow_range(child.first_child(), attribution, inner, &quote.children);
                    flow_range(attribution.next_sibling(), pugi::xml_node(), inner, &quote.children);
                } else {
                    flow(child, inner, &quote.children);
                }
                if (!quote.children.empty() || !quote.attribution.empty()) emit(with_id(std::move(quote), child), inner, nested);
                return;
            }
            case Kind::preformatted: {
                Block code;
                code.kind = Block::Kind::code_block;
                append_raw_text(child, code.text);
                code.format = code_language(child);
                if (code.format.empty())
                    if (pugi::xml_node c = child.find_child([](pugi::xml_node n) { return is_element(n); });
                        c && local_name(c.name()) == "code")
                        code.format = code_language(c);
                emit(with_id(std::move(code), child), inner, nested);
                return;
            }
            case Kind::table: emit(table(child, inner), inner, nested); return;
            case Kind::figure: emit(figure(child, inner), inner, nested); return;
            case Kind::definitions: {
                Block dl = definitions(child, inner);
                if (!dl.definitions.empty()) emit(std::move(dl), inner, nested);
                return;
            }
            case Kind::rule: {
                if (inner.in_notes) return;  // it separates the notes from the text: they move
                Block rule;
                rule.kind = Block::Kind::thematic_break;
                emit(std::move(rule), inner, nested);
                return;
            }
            default: break;
        }
        if (name == "switch") {
            switch_element(child, inner, nested);
            return;
        }
        if (is_line_group(child) || (inner.in_poem && (name == "div" || name == "p"))) {
            line_group(child, inner, nested);
            return;
        }
        if (name == "div") {
            for (const auto& c : tokens(child.attribute("class").value()))
                if (std::find(std::begin(admonition_classes), std::end(admonition_classes), c) !=
                    std::end(admonition_classes)) {
                    Block division;
                    division.kind = Block::Kind::division;
                    division.attributes.id = child.attribute("id").value();
                    division.attributes.classes = {c};
                    flow(child, inner, &division.children);
                    emit(std::move(division), inner, nested);
                    return;
                }
            // A div with an id is a place links point at (pandoc's ::: {#id}, its "refs"): its
            // first block takes the id, or an anchor (an empty span) opens it when it has its own.
            // Not around headings: those are sections, which keep ids of their own.
            if (*child.attribute("id").value() &&
                !child.find_node([](pugi::xml_node n) { return is_element(n) && kind_of(n) == Kind::heading; })) {
                std::vector<Block> blocks;
                flow(child, inner, &blocks);
                if (blocks.empty()) return;
                Block& first = blocks.front();
                if (first.attributes.id.empty()) {
                    first.attributes.id = child.attribute("id").value();
                } else if (Block* opening = first_paragraph(blocks)) {
                    Inline anchor;
                    anchor.kind = Inline::Kind::span;
                    anchor.attributes.id = child.attribute("id").value();
                    opening->inlines.insert(opening->inlines.begin(), std::move(anchor));
                } else {
                    Block division;
                    division.kind = Block::Kind::division;
                    division.attributes.id = child.attribute("id").value();
                    division.children = std::move(blocks);
                    blocks = {std::move(division)};
                }
                for (auto& b : blocks) emit(std::move(b), inner, nested);
                return;
            }
        }
        if (name == "p" && holds_only_display_math(child)) {
            flow(child, inner, nested);
            return;
        }
        if (name == "p") {
            if (!has_block_inside(child)) {
                std::vector<Inline> inlines = inlines_of(child, inner);
                if (!inlines.empty()) emit(with_id(Block::paragraph(std::move(inlines)), child), inner, nested);
                return;
            }
        }
        flow(child, inner, nested);  // containers, and inline elements holding blocks
    }

    // The first paragraph of `blocks`, in reading order (in a list's first item, a quote ...),
    // if it comes before any other text; depth as the document's, which its limits bound.
    static Block* first_paragraph(std::vector<Block>& blocks) {
        if (blocks.empty()) return nullptr;
        Block& b = blocks.front();
        if (b.kind == Block::Kind::paragraph) return &b;
        if (!b.children.empty() && b.caption.empty()) return first_paragraph(b.children);
        if (b.kind == Block::Kind::list && !b.items.empty()) return first_paragraph(b.items.front());
        return nullptr;
    }

    // EPUB 3's epub:switch: one branch is read (switch_branch), the others are reported.
    void switch_element(pugi::xml_node element, const Scope& scope, std::vector<Block>* nested) {
        const pugi::xml_node chosen = switch_branch(element);
        for (pugi::xml_node c : element.children()) {
            if (!is_element(c)) continue;
            if (c == chosen) flow(c, scope, nested);
            else lose_branch(c, chosen);
        }
    }
    void lose_branch(pugi::xml_node branch, pugi::xml_node chosen) {
        if (local_name(chosen.name()) == "case")
            lose(branch, local_name(branch.name()) == "default" ? switch_default : switch_case, switch_mathml_fate);
        else
            lose(branch, switch_case, switch_case_fate);
    }

    Block with_id(Block block, pugi::xml_node element) {
        block.attributes.id = element.attribute("id").value();
        return block;
    }

    void emit(Block&& block, const Scope& scope, std::vector<Block>* nested) {
        if (block.attributes.language.empty() && !scope.language.empty() && block.kind != Block::Kind::thematic_break)
            block.attributes.language = scope.language;
        if (nested) nested->push_back(std::move(block));
        else out_.items.emplace_back(std::in_place_type<ContentBlock>, ContentBlock{std::move(block), scope.part});
    }

    void take_note(pugi::xml_node element, const Scope& scope) {
        ContentNote note;
        note.id = element.attribute("id").value();
        Scope inner = inner_scope(element, scope);
        inner.in_notes = false;
        flow(element, inner, &note.blocks);
        out_.notes.push_back(std::move(note));
    }

    void heading(pugi::xml_node element, const Scope& scope, std::vector<Block>* nested) {
        std::vector<Inline> inlines = inlines_of(element, scope);
        if (nested) {
            if (!inlines.empty()) nested->push_back(with_id(Block::paragraph(std::move(inlines)), element));
            return;
        }
        ContentHeading h;
        h.level = local_name(element.name())[1] - '0';
        h.text = collapse_whitespace(plain_text(inlines));
        h.inlines = std::move(inlines);
        h.id = element.attribute("id").value();
        // The id of the section it opens: pandoc puts it there, not on the heading.
        const pugi::xml_node parent = element.parent();
        const std::string_view parent_name = local_name(parent.name());
        if ((parent_name == "section" || parent_name == "div" || parent_name == "article") &&
            parent.find_child([](pugi::xml_node n) { return is_element(n); }) == element)
            h.section_id = parent.attribute("id").value();
        h.part = scope.part;
        out_.items.push_back(std::move(h));
    }

    Block list(pugi::xml_node element, const Scope& scope) {
        Block list;
        list.kind = Block::Kind::list;
        list.ordered = local_name(element.name()) == "ol";
        if (list.ordered) list.start = number_attribute(element, "start", 1, 1 << 30);
        const std::string_view type = element.attribute("type").value();
        if (type == "a") list.style = ListStyle::lower_alpha;
        else if (type == "A") list.style = ListStyle::upper_alpha;
        else if (type == "i") list.style = ListStyle::lower_roman;
        else if (type == "I") list.style = ListStyle::upper_roman;
        list.attributes.id = element.attribute("id").value();
        for (pugi::xml_node child : element.children()) {
            if (!is_element(child) || kind_of(child) == Kind::ignored) continue;
            if (is_note(child, scope.in_notes)) {
                take_note(child, scope);
                continue;
            }
            // A list directly inside a list (a common slip for one inside the item before it)
            // joins the item before it.
            if (local_name(child.name()) != "li" && kind_of(child) == Kind::list && !list.items.empty()) {
                flow_one(child, scope, list.items.back());
                continue;
            }
            std::vector<Block> item;
            Task task = Task::none;
            if (local_name(child.name()) == "li") {
                pugi::xml_node first = child.find_child([](pugi::xml_node n) { return is_element(n); });
                if (first && local_name(first.name()) == "p") list.tight = false;
                pugi::xml_node box = first;
                if (box && local_name(box.name()) == "p")  // a loose task item: the box in its paragraph
                    box = box.find_child([](pugi::xml_node n) { return is_element(n); });
                if (box && local_name(box.name()) == "input" &&
                    std::string_view(box.attribute("type").value()) == "checkbox") {
                    task = box.attribute("checked") ? Task::checked : Task::unchecked;
                    task_boxes_.insert(box.internal_object());  // read here: not content to report
                }
                flow(child, inner_scope(child, scope), &item);
            } else {
                flow_one(child, scope, item);
            }
            if (task != Task::none) {
                list.tasks.resize(list.items.size(), Task::unchecked);
                list.tasks.push_back(task);
            } else if (!list.tasks.empty()) {
                list.tasks.push_back(Task::unchecked);
            }
            list.items.push_back(std::move(item));
        }
        return list;
    }

    Block definitions(pugi::xml_node element, const Scope& scope) {
        Block dl;
        dl.kind = Block::Kind::definition_list;
        dl.attributes.id = element.attribute("id").value();
        auto add = [&](pugi::xml_node c) {
            const std::string_view name = local_name(c.name());
            if (name == "dt") {
                dl.definitions.push_back({inlines_of(c, scope), {}});
            } else if (name == "dd") {
                if (dl.definitions.empty()) dl.definitions.emplace_back();
                std::vector<Block> definition;
                flow(c, inner_scope(c, scope), &definition);
                dl.definitions.back().definitions.push_back(std::move(definition));
            }
        };
        for (pugi::xml_node c : element.children()) {
            if (!is_element(c)) continue;
            if (local_name(c.name()) == "div") {  // HTML allows a div around each group
                for (pugi::xml_node g : c.children())
                    if (is_element(g)) add(g);
            } else {
                add(c);
            }
        }
        return dl;
    }

    std::vector<TableRow> rows(pugi::xml_node group, const Scope& scope) {
        std::vector<TableRow> out;
        for (pugi::xml_node tr : group.children()) {
            if (!is_element(tr) || local_name(tr.name()) != "tr") continue;
            TableRow row;
            for (pugi::xml_node td : tr.children()) {
                const std::string_view name = local_name(td.name());
                if (!is_element(td) || (name != "td" && name != "th")) continue;
                TableCell cell;
                cell.header = name == "th";
                cell.row_span = number_attribute(td, "rowspan", 1, 1000);
                cell.column_span = number_attribute(td, "colspan", 1, 1000);
                cell.alignment = alignment_of(td);
                flow(td, inner_scope(td, scope), &cell.blocks);
                row.cells.push_back(std::move(cell));
            }
            out.push_back(std::move(row));
        }
        return out;
    }

    Block table(pugi::xml_node element, const Scope& scope) {
        Block t;
        t.kind = Block::Kind::table;
        t.attributes.id = element.attribute("id").value();
        auto append = [](std::vector<TableRow>& to, std::vector<TableRow> rows) {
            for (auto& r : rows) to.push_back(std::move(r));
        };
        append(t.table.body, rows(element, scope));  // rows directly in the table
        for (pugi::xml_node c : element.children()) {
            if (!is_element(c)) continue;
            const std::string_view name = local_name(c.name());
            if (name == "caption") t.caption = inlines_of(c, scope);
            else if (name == "thead") append(t.table.head, rows(c, scope));
            else if (name == "tbody") append(t.table.body, rows(c, scope));
            else if (name == "tfoot") append(t.table.foot, rows(c, scope));
        }
        std::size_t width = 0;
        for (const auto* part : {&t.table.head, &t.table.body, &t.table.foot}) {
            const auto starts = cell_columns(*part);
            for (std::size_t r = 0; r < part->size(); ++r)
                for (std::size_t c = 0; c < (*part)[r].cells.size(); ++c)
                    width = std::max(width, starts[r][c] + std::size_t((*part)[r].cells[c].column_span));
        }
        t.table.columns.resize(width);
        column_widths(element, t.table);
        column_alignments(t.table);
        return t;
    }

    // <col style="width: 40%"/>: each column's share of the table.
    static void column_widths(pugi::xml_node table, Table& out) {
        std::size_t k = 0;
        auto col = [&](pugi::xml_node c) {
            const std::string_view style = c.attribute("style").value();
            const auto at = style.find("width:");
            if (at != std::string_view::npos && k < out.columns.size()) {
                std::string_view value = style.substr(at + 6);
                while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
                double percent = 0;
                const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), percent);
                if (ec == std::errc() && end < value.data() + value.size() && *end == '%' && percent > 0 && percent <= 100)
                    out.columns[k].width = percent / 100;
            }
            ++k;
        };
        for (pugi::xml_node c : table.children()) {
            if (!is_element(c)) continue;
            if (local_name(c.name()) == "col") col(c);
            if (local_name(c.name()) == "colgroup")
                for (pugi::xml_node g : c.children())
                    if (is_element(g) && local_name(g.name()) == "col") col(g);
        }
    }

    // A column whose cells all say one alignment has it; its cells then say none.
    static void column_alignments(Table& table) {
        const std::size_t width = table.columns.size();
        std::vector<std::optional<Alignment>> agreed(width);
        std::vector<bool> differs(width, false);
        std::vector<std::vector<std::vector<std::size_t>>> starts;
        for (auto* part : {&table.head, &table.body, &table.foot}) starts.push_back(cell_columns(*part));
        int p = 0;
        for (auto* part : {&table.head, &table.body, &table.foot}) {
            for (std::size_t r = 0; r < part->size(); ++r)
                for (std::size_t c = 0; c < (*part)[r].cells.size(); ++c) {
                    const std::size_t column = starts[p][r][c];
                    if (column >= width) continue;
                    const Alignment a = (*part)[r].cells[c].alignment;
                    if (!agreed[column]) agreed[column] = a;
                    else if (*agreed[column] != a) differs[column] = true;
                }
            ++p;
        }
        p = 0;
        for (std::size_t k = 0; k < width; ++k)
            if (agreed[k] && !differs[k]) table.columns[k].alignment = *agreed[k];
        for (auto* part : {&table.head, &table.body, &table.foot}) {
            for (std::size_t r = 0; r < part->size(); ++r)
                for (std::size_t c = 0; c < (*part)[r].cells.size(); ++c) {
                    const std::size_t column = starts[p][r][c];
                    if (column < width && (*part)[r].cells[c].alignment == table.columns[column].alignment)
                        (*part)[r].cells[c].alignment = Alignment::unspecified;
                }
            ++p;
        }
    }

    Block figure(pugi::xml_node element, const Scope& scope) {
        Block f;
        f.kind = Block::Kind::figure;
        f.attributes.id = element.attribute("id").value();
        pugi::xml_node caption;
        for (pugi::xml_node c : element.children())
            if (is_element(c) && local_name(c.name()) == "figcaption") caption = c;
        if (caption) {
            f.caption = inlines_of(caption, scope);
            flow_range(element.first_child(), caption, scope, &f.children);
            flow_range(caption.next_sibling(), pugi::xml_node(), scope, &f.children);
        } else {
            flow(element, scope, &f.children);
        }
        // pandoc writes a figure's id on its image: the figure's, as links to it mean.
        if (f.attributes.id.empty() && f.children.size() == 1 && f.children[0].inlines.size() == 1 &&
            f.children[0].inlines[0].kind == Inline::Kind::image)
            f.attributes.id = std::exchange(f.children[0].inlines[0].attributes.id, {});
        return f;
    }

    // One line of a poem: an element's inlines, in a span when its language is its own.
    std::vector<Inline> line_of(pugi::xml_node element, const Scope& scope) {
        std::vector<Inline> line = inlines_of(element, scope);
        const std::string language = language_of(element);
        if (!line.empty() && !language.empty() && language != out_.language && language != scope.language) {
            Inline span = Inline::wrap(Inline::Kind::span, std::move(line));
            span.attributes.language = language;
            line = {std::move(span)};
        }
        return line;
    }

    // A poem's stanza: one line per child element (a div or p holding no block), or lines
    // between <br/>s; what else it holds (a quoted stanza) is read in order, as poetry too.
    void line_group(pugi::xml_node element, const Scope& scope, std::vector<Block>* nested) {
        Block lines;
        lines.kind = Block::Kind::line_block;
        lines.attributes.id = element.attribute("id").value();
        auto flush = [&] {
            if (!lines.lines.empty()) emit(std::move(lines), scope, nested);
            lines = Block();
            lines.kind = Block::Kind::line_block;
        };
        if (!has_block_inside(element)) {
            std::vector<Inline> all;
            for (pugi::xml_node c : element.children()) inline_node(c, scope, all);
            std::vector<Inline> line;
            // A line block as Fascicle and pandoc write it keeps each line's indent (its leading spaces).
            const bool indents = has_token(element.attribute("class").value(), "line-block");
            auto end_line = [&] {
                std::size_t indent = 0;
                if (indents && !line.empty() && line.front().kind == Inline::Kind::text)
                    indent = std::min(line.front().text.find_first_not_of(' '), line.front().text.size());
                collapse_whitespace(line);
                if (indent && !line.empty() && line.front().kind == Inline::Kind::text)
                    line.front().text.insert(0, indent, ' ');
                if (!line.empty()) lines.lines.push_back(std::move(line));
                line.clear();
            };
            for (auto& i : all) {
                if (i.kind == Inline::Kind::line_break) end_line();
                else line.push_back(std::move(i));
            }
            end_line();
            flush();
            return;
        }
        Scope poem = scope;
        poem.in_poem = true;
        for (pugi::xml_node c = element.first_child(); c; c = c.next_sibling()) {
            if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
                std::vector<Inline> text{Inline::plain(c.value())};
                collapse_whitespace(text);
                if (!text.empty()) lines.lines.push_back(std::move(text));
                continue;
            }
            if (!is_element(c)) continue;
            if (is_note(c, scope.in_notes)) {
                take_note(c, scope);
                continue;
            }
            const Kind kind = kind_of(c);
            const std::string_view name = local_name(c.name());
            if (((name == "div" || name == "p") && !has_block_inside(c)) || kind == Kind::inline_element) {
                std::vector<Inline> line = line_of(c, scope);
                if (!line.empty()) lines.lines.push_back(std::move(line));
                continue;
            }
            if (kind == Kind::ignored || kind == Kind::line_break || kind == Kind::lost) {
                if (kind == Kind::lost) lose(c, "<" + std::string(name) + "> element");
                continue;
            }
            flush();
            block_element(c, kind, inner_scope(c, poem), nested);
        }
        flush();
    }

    // One element's content as inlines, white space collapsed.
    std::vector<Inline> inlines_of(pugi::xml_node element, const Scope& scope) {
        std::vector<Inline> out;
        for (pugi::xml_node c : element.children()) inline_node(c, scope, out);
        collapse_whitespace(out);
        return out;
    }

    void inline_node(pugi::xml_node node, const Scope& scope, std::vector<Inline>& out) {
        if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) out.push_back(Inline::plain(node.value()));
        else if (is_element(node)) inline_element(node, scope, out);
    }

    void children_into(pugi::xml_node element, const Scope& scope, std::vector<Inline>& out) {
        for (pugi::xml_node c : element.children()) inline_node(c, scope, out);
    }

    Inline image(pugi::xml_node element, std::string_view src) {
        Inline i;
        i.kind = Inline::Kind::image;
        i.text = element.attribute("alt").value();
        i.title = element.attribute("title").value();
        i.attributes.id = element.attribute("id").value();
        i.target = context_.image ? context_.image(std::string(src), position(element)) : std::string();
        for (const char* size : {"width", "height"})
            if (const char* v = element.attribute(size).value(); *v) i.attributes.pairs.emplace_back(size, v);
        return i;
    }

    // A link the reader says points inside (ContentContext::reference) is a reference, resolved
    // when all is known; any other is a link. Without children.
    Inline link_of(pugi::xml_node a) {
        Inline i;
        const std::string href = a.attribute("href").value();
        if (auto target = context_.reference ? context_.reference(href) : std::nullopt) {
            i.kind = Inline::Kind::reference;
            i.target = std::move(*target);
        } else {
            i.kind = Inline::Kind::link;
            i.target = href;
            i.title = a.attribute("title").value();
        }
        return i;
    }

    void inline_element(pugi::xml_node element, const Scope& scope, std::vector<Inline>& out) {
        const std::string_view name = local_name(element.name());
        const Kind kind = kind_of(name);
        if (kind == Kind::ignored) return;
        if (kind == Kind::lost) {
            if (task_boxes_.count(element.internal_object())) return;
            lose(element, "<" + std::string(name) + "> element");
            return;
        }
        if (is_note(element, scope.in_notes)) {
            take_note(element, scope);
            return;
        }
        if (kind == Kind::line_break) {
            out.push_back(Inline::wrap(Inline::Kind::line_break, {}));
            return;
        }
        if (name == "switch") {
            const pugi::xml_node chosen = switch_branch(element);
            for (pugi::xml_node c : element.children()) {
                if (!is_element(c)) continue;
                if (c == chosen) children_into(c, scope, out);
                else lose_branch(c, chosen);
            }
            return;
        }
        if (name == "img") {
            Inline i = image(element, element.attribute("src").value());
            if (i.target.empty()) {
                if (!i.text.empty()) out.push_back(Inline::plain(i.text));
            } else {
                out.push_back(std::move(i));
            }
            return;
        }
        if (name == "svg") {
            pugi::xml_node picture = descendant_named(element, "image");
            const char* href = picture ? picture.attribute("xlink:href").value() : "";
            if (!*href && picture) href = picture.attribute("href").value();
            if (!*href) {
                lose(element, "<svg> drawing");
                return;
            }
            Inline i = image(picture, href);
            if (i.text.empty()) i.text = trimmed_text(descendant_named(element, "title"));
            if (i.text.empty()) i.text = element.attribute("aria-label").value();
            if (!i.target.empty()) out.push_back(std::move(i));
            return;
        }
        if (name == "math") {
            Inline i;
            i.kind = Inline::Kind::math;
            i.math = math_of(element);
            out.push_back(std::move(i));
            return;
        }

        Inline i;
        const std::string language = language_of(element);
        if (name == "em" || name == "i" || name == "cite" || name == "dfn" || name == "var") {
            i.kind = Inline::Kind::emphasis;
        } else if (name == "strong" || name == "b") {
            i.kind = Inline::Kind::strong;
        } else if (name == "sup") {
            i.kind = Inline::Kind::superscript;
        } else if (name == "sub") {
            i.kind = Inline::Kind::subscript;
        } else if (name == "del" || name == "s" || name == "strike") {
            i.kind = Inline::Kind::strikethrough;
        } else if (name == "code" || name == "kbd" || name == "samp" || name == "tt") {
            i.kind = Inline::Kind::code;
            append_raw_text(element, i.text);
            // <code><a href>name</a></code>, as specifications write it: a link around the code.
            if (pugi::xml_node a = descendant_named(element, "a"); a && a.attribute("href")) {
                Inline link = link_of(a);
                link.children.push_back(std::move(i));
                out.push_back(std::move(link));
                return;
            }
            out.push_back(std::move(i));
            return;
        } else if (name == "a" && element.attribute("href")) {
            if (is_backlink(element)) return;
            i = link_of(element);
            // Fascicle's writer marks the text it gave a reference that had none (the target's
            // caption or title): a reference without text again.
            if (i.kind == Inline::Kind::reference && has_token(element.attribute("class").value(), "generated-text")) {
                out.push_back(std::move(i));
                return;
            }
        } else if (has_any_token(element.attribute("class").value(), {"small-caps", "smallcaps"})) {
            i.kind = Inline::Kind::small_caps;
        } else if (!language.empty() || *element.attribute("id").value()) {
            i.kind = Inline::Kind::span;  // span, small, q, abbr ... with a language or an id
            i.attributes.id = element.attribute("id").value();
            i.attributes.classes = tokens(element.attribute("class").value());
        } else {
            children_into(element, scope, out);  // span, small, q ...: their content as it is
            return;
        }
        children_into(element, scope, i.children);
        if (!language.empty() && language != out_.language) {
            if (i.kind == Inline::Kind::span) {
                i.attributes.language = language;
            } else {
                Inline span = Inline::wrap(Inline::Kind::span, {std::move(i)});
                span.attributes.language = language;
                out.push_back(std::move(span));
                return;
            }
        }
        if (i.kind == Inline::Kind::span && i.attributes.empty()) {
            for (auto& c : i.children) out.push_back(std::move(c));
            return;
        }
        out.push_back(std::move(i));
    }

    // One element read as the only content of a container.
    void flow_one(pugi::xml_node element, const Scope& scope, std::vector<Block>& into) {
        flow_range(element, element.next_sibling(), scope, &into);
    }

    const ParsedXml& document_;
    const ContentContext& context_;
    HtmlContent& out_;
    std::set<pugi::xml_node_struct*> task_boxes_;  // the check boxes of task items
};

void add_kinds(pugi::xml_node element, std::vector<std::string>& kinds) {
    for (auto& t : tokens(element.attribute("role").value())) kinds.push_back(std::move(t));
    for (auto& t : tokens(epub_type(element))) kinds.push_back(std::move(t));
}

pugi::xml_node child_named(pugi::xml_node parent, std::string_view local) {
    for (pugi::xml_node child : parent.children())
        if (is_element(child) && local_name(child.name()) == local) return child;
    return {};
}

}  // namespace

std::vector<std::string> document_kinds(const ParsedXml& document) {
    std::vector<std::string> kinds;
    const pugi::xml_node body = child_named(document.root(), "body");
    if (!body) return kinds;
    // The body, its children, and those of a lone wrapper inside it.
    add_kinds(body, kinds);
    std::vector<pugi::xml_node> outer;
    for (pugi::xml_node child : body.children())
        if (is_element(child)) outer.push_back(child);
    if (outer.size() == 1)
        for (pugi::xml_node child : outer.front().children())
            if (is_element(child)) add_kinds(child, kinds);
    for (pugi::xml_node child : outer) add_kinds(child, kinds);
    return kinds;
}

HtmlContent read_html_fragment(const ParsedXml& document, pugi::xml_node container, const ContentContext& context) {
    HtmlContent content;
    ContentWalker(document, context, content).flow(container, Scope{}, nullptr);
    return content;
}

std::optional<HtmlContent> read_html_content(const ParsedXml& document, const ContentContext& context,
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

    HtmlContent content;
    content.language = language_of(html);
    if (pugi::xml_node head = child_named(html, "head"))
        content.head_title = collapse_whitespace(trimmed_text(child_named(head, "title")));

    content.kinds = document_kinds(document);

    Scope scope;
    scope.part = part_of(body, Part::body);
    const std::string body_language = language_of(body);
    if (content.language.empty()) content.language = body_language;
    else if (!body_language.empty() && body_language != content.language) scope.language = body_language;
    ContentWalker(document, context, content).flow(body, scope, nullptr);
    return content;
}

}  // namespace fascicle::html
