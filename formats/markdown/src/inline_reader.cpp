#include "inline_reader.hpp"

#include "cmark_tree.hpp"
#include "dollar_math.hpp"
#include "html_tag.hpp"

#include <optional>
#include <string>
#include <utility>

namespace fascicle::markdown {

namespace {

bool is_blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

void append_all(std::vector<Inline>& out, std::vector<Inline>&& items) {
    for (auto& i : items) append_inline(out, std::move(i));
}

Inline inline_of(Inline::Kind kind) { return Inline::wrap(kind, {}); }

// The IR inline an HTML tag opens, if it is one the reader maps.
std::optional<Inline::Kind> container_kind(const std::string& tag_name) {
    if (tag_name == "em" || tag_name == "i") return Inline::Kind::emphasis;
    if (tag_name == "strong" || tag_name == "b") return Inline::Kind::strong;
    if (tag_name == "a") return Inline::Kind::link;
    if (tag_name == "sup") return Inline::Kind::superscript;
    if (tag_name == "sub") return Inline::Kind::subscript;
    if (tag_name == "del" || tag_name == "s" || tag_name == "strike") return Inline::Kind::strikethrough;
    return std::nullopt;
}

// The inline a <span> opens when its attributes are those the IR holds (id, class, lang,
// data-*) and a title (pandoc's page breaks: <span id class="pagebreak" title="12">), which is
// left out (`dropped_title`): a span with them, or small caps (class "small-caps" alone, the
// writer's form).
std::optional<Inline> span_of(const HtmlTag& tag, bool& dropped_title) {
    Inline span = Inline::wrap(Inline::Kind::span, {});
    Attributes& a = span.attributes;
    for (const auto& [name, value] : tag.attributes) {
        if (name == "id") {
            a.id = value;
        } else if (name == "class") {
            std::size_t k = 0;
            while (k < value.size()) {
                const std::size_t end = std::min(value.find(' ', k), value.size());
                if (end > k) a.classes.push_back(value.substr(k, end - k));
                k = end + 1;
            }
        } else if (name == "lang") {
            a.language = value;
        } else if (name.starts_with("data-") && name.size() > 5) {
            a.pairs.emplace_back(name.substr(5), value);
        } else if (name == "title") {
            dropped_title = true;
        } else {
            return std::nullopt;  // style, title...: the IR has no place for them, it stays HTML
        }
    }
    if (a.classes == std::vector<std::string>{"small-caps"} && a.id.empty() && a.language.empty() && a.pairs.empty())
        return Inline::wrap(Inline::Kind::small_caps, {});
    return span;
}

Inline raw_html(std::string text) {
    Inline raw;
    raw.kind = Inline::Kind::raw;
    raw.format = "html";
    raw.text = std::move(text);
    return raw;
}

std::string attribute(cmark_node* node, const char* (*get)(cmark_node*)) {
    const char* value = get(node);
    return value ? value : "";
}

// A footnote reference's number, 1-based (cmark-gfm replaces the label by it); 0 when not one.
std::size_t footnote_number(std::string_view literal) {
    std::size_t n = 0;
    for (char c : literal) {
        if (c < '0' || c > '9' || n > 1'000'000'000) return 0;
        n = n * 10 + static_cast<std::size_t>(c - '0');
    }
    return n;
}

}  // namespace

void append_inline(std::vector<Inline>& out, Inline i) {
    switch (i.kind) {
        case Inline::Kind::text:
            if (i.text.empty()) return;
            if (!out.empty() && out.back().kind == Inline::Kind::text) {
                out.back().text += i.text;
                return;
            }
            break;
        case Inline::Kind::emphasis:
        case Inline::Kind::strong:
        case Inline::Kind::strikethrough:
        case Inline::Kind::superscript:
        case Inline::Kind::subscript:
            if (i.children.empty()) return;
            break;
        default: break;
    }
    out.push_back(std::move(i));
}

// An HTML tag opened and not yet closed among the children of one node: what it builds.
struct InlineReader::OpenTag {
    Inline inline_;
    std::string name;
    std::string literal;
    std::size_t line = 0, column = 0;
    bool anchor = false;  // <a id>: its content is kept as it is
};

std::vector<Inline> InlineReader::read(cmark_node* parent, int depth) {
    fallback_line_ = line_of(parent);
    first_anchor_.clear();
    leading_anchor_.clear();
    if (cmark_node* first = cmark_node_first_child(parent); first && cmark_node_get_type(first) == CMARK_NODE_HTML_INLINE) {
        const HtmlTag tag = parse_html_tag(literal_of(first));
        if (tag.kind == HtmlTag::Kind::open && tag.name == "a" && !tag.href && tag.id) leading_anchor_ = *tag.id;
    }
    std::vector<Inline> out;
    read_children(parent, out, depth);
    return out;
}

bool InlineReader::within_limit(cmark_node* node, int depth) {
    if (depth <= max_nesting_) return true;
    if (!diagnostics_.failed())
        diagnostics_.error(line_of(node) ? line_of(node) : fallback_line_, column_of(node),
                           "emphasis, strong and links are nested more than " + std::to_string(max_nesting_) +
                               " levels deep here: Fascicle reads at most " + std::to_string(max_nesting_) +
                               " (--max-nesting N raises the limit)");
    return false;
}

void InlineReader::read_children(cmark_node* parent, std::vector<Inline>& out, int depth) {
    std::vector<OpenTag> open;
    auto target = [&]() -> std::vector<Inline>& { return open.empty() ? out : open.back().inline_.children; };
    // How deep a new inline here would be: HTML tags open in this node nest too.
    auto inner_depth = [&] { return depth + static_cast<int>(open.size()) + 1; };

    for (cmark_node* n = cmark_node_first_child(parent); n && !diagnostics_.failed(); n = cmark_node_next(n)) {
        const std::size_t line = line_of(n) ? line_of(n) : fallback_line_;
        switch (cmark_node_get_type(n)) {
            case CMARK_NODE_TEXT:
                if (context_.dollar_math)
                    append_all(target(), split_dollar_math(literal_of(n)));
                else
                    append_inline(target(), Inline::plain(std::string(literal_of(n))));
                break;
            case CMARK_NODE_SOFTBREAK: append_inline(target(), Inline::plain(" ")); break;  // a wrapped line
            case CMARK_NODE_LINEBREAK: append_inline(target(), inline_of(Inline::Kind::line_break)); break;
            case CMARK_NODE_CODE: {
                Inline code = inline_of(Inline::Kind::code);
                code.text = literal_of(n);
                append_inline(target(), std::move(code));
                break;
            }
            case CMARK_NODE_EMPH:
            case CMARK_NODE_STRONG:
            case CMARK_NODE_LINK: {
                if (!within_limit(n, inner_depth())) return;
                const auto type = cmark_node_get_type(n);
                Inline i = inline_of(type == CMARK_NODE_EMPH     ? Inline::Kind::emphasis
                                     : type == CMARK_NODE_STRONG ? Inline::Kind::strong
                                                                 : Inline::Kind::link);
                if (type == CMARK_NODE_LINK) {
                    i.target = attribute(n, cmark_node_get_url);
                    i.title = attribute(n, cmark_node_get_title);
                    if (auto reference = reference_for(i.target)) {
                        i.kind = Inline::Kind::reference;
                        i.target = std::move(*reference);
                        i.title.clear();
                    }
                }
                read_children(n, i.children, inner_depth());
                append_inline(target(), std::move(i));
                break;
            }
            case CMARK_NODE_IMAGE: {
                if (!within_limit(n, inner_depth())) return;
                std::vector<Inline> description;
                read_children(n, description, inner_depth());
                append_inline(target(), image(n, std::move(description), line));
                break;
            }
            case CMARK_NODE_FOOTNOTE_REFERENCE: footnote(n, target(), inner_depth(), line); break;
            case CMARK_NODE_HTML_INLINE: read_html(n, open, out, depth); break;
            default: {
                if (!within_limit(n, inner_depth())) return;
                std::vector<Inline> content;
                read_children(n, content, inner_depth());
                if (type_name_is(n, "strikethrough")) {
                    append_inline(target(), Inline::wrap(Inline::Kind::strikethrough, std::move(content)));
                    break;
                }
                // A node type this reader does not know: its content stays.
                context_.losses.add(std::string("Markdown '") + cmark_node_get_type_string(n) + "' inline", line,
                                    "kept as its text");
                append_inline(content, Inline::plain(std::string(literal_of(n))));
                append_all(target(), std::move(content));
                break;
            }
        }
    }

    // Tags left open: kept as the raw HTML they are (an anchor needs no closing to mean what it
    // means), their text after them.
    while (!open.empty() && !diagnostics_.failed()) {
        OpenTag tag = std::move(open.back());
        open.pop_back();
        if (!tag.anchor) append_inline(target(), raw_html(tag.literal));
        append_all(target(), std::move(tag.inline_.children));
    }
}

void InlineReader::read_html(cmark_node* node, std::vector<OpenTag>& open, std::vector<Inline>& out, int depth) {
    auto target = [&]() -> std::vector<Inline>& { return open.empty() ? out : open.back().inline_.children; };
    const std::string literal(literal_of(node));
    const std::size_t line = line_of(node) ? line_of(node) : fallback_line_;
    const std::size_t column = column_of(node);
    const HtmlTag tag = parse_html_tag(literal);

    switch (tag.kind) {
        case HtmlTag::Kind::open: {
            if (tag.name == "br") {
                append_inline(target(), inline_of(Inline::Kind::line_break));
                return;
            }
            if (tag.name == "a" && !tag.href && tag.id) {
                if (first_anchor_.empty()) first_anchor_ = *tag.id;
                if (tag.self_closing) return;
                if (!within_limit(node, depth + static_cast<int>(open.size()) + 1)) return;
                OpenTag opened{inline_of(Inline::Kind::span), tag.name, literal, line, column};
                opened.anchor = true;
                open.push_back(std::move(opened));
                return;
            }
            if (tag.name == "span" && !tag.self_closing) {
                bool dropped_title = false;
                if (auto span = span_of(tag, dropped_title)) {
                    if (!within_limit(node, depth + static_cast<int>(open.size()) + 1)) return;
                    if (dropped_title)
                        context_.losses.add("title of an HTML <span>", line, "left out (its text and other attributes are kept)");
                    open.push_back(OpenTag{std::move(*span), tag.name, literal, line, column});
                    return;
                }
            }
            auto kind = container_kind(tag.name);
            // A tag with attributes its kind cannot hold (<del class="x">) stays raw HTML; a link
            // keeps its href (and its id, as an anchor; pandoc's note references have more).
            const bool plain_tag = kind == Inline::Kind::link || tag.attributes.empty();
            if (kind && plain_tag && !tag.self_closing && (kind != Inline::Kind::link || tag.href)) {
                if (!within_limit(node, depth + static_cast<int>(open.size()) + 1)) return;
                // A link's own id (<a href id>, pandoc's note references) is an anchor before it.
                if (kind == Inline::Kind::link && tag.id && !tag.id->empty()) {
                    Inline anchor = inline_of(Inline::Kind::span);
                    anchor.attributes.id = *tag.id;
                    append_inline(target(), std::move(anchor));
                }
                OpenTag opened{inline_of(*kind), tag.name, literal, line, column};
                if (tag.href) opened.inline_.target = *tag.href;
                open.push_back(std::move(opened));
                return;
            }
            break;
        }
        case HtmlTag::Kind::close: {
            if (!open.empty() && open.back().name == tag.name) {
                OpenTag done = std::move(open.back());
                open.pop_back();
                if (done.anchor)
                    append_all(target(), std::move(done.inline_.children));
                else
                    append_inline(target(), std::move(done.inline_));
                return;
            }
            break;  // closes nothing open here: kept as the raw HTML it is
        }
        case HtmlTag::Kind::comment:
            // An empty comment is how Markdown separates things (our writer's lists): it holds nothing.
            if (!is_blank(tag.content)) append_inline(target(), raw_html(literal));
            return;
        case HtmlTag::Kind::cdata:
        case HtmlTag::Kind::other: break;
    }
    (void)column;
    append_inline(target(), raw_html(literal));
}

std::optional<std::string> InlineReader::reference_for(const std::string& url) const {
    if (auto reference = reference_in_document(url)) return reference;
    return context_.siblings.reference_for(url);
}

std::optional<std::string> InlineReader::reference_in_document(const std::string& url) const {
    if (!url.starts_with('#') || context_.article_anchors.empty()) return std::nullopt;
    const std::string anchor = url.substr(1);
    if (context_.article_anchors.count(anchor)) return anchor;
    // "#article.id": the longest article anchor followed by a '.'.
    for (std::size_t dot = anchor.rfind('.'); dot != std::string::npos && dot > 0; dot = anchor.rfind('.', dot - 1)) {
        if (context_.article_anchors.count(anchor.substr(0, dot)) && dot + 1 < anchor.size())
            return anchor.substr(0, dot) + "#" + anchor.substr(dot + 1);
        if (dot == 0) break;
    }
    return std::nullopt;
}

Inline InlineReader::image(cmark_node* node, std::vector<Inline>&& description, std::size_t line) {
    const std::string url = attribute(node, cmark_node_get_url);
    const ImageFiles::Found found = context_.images.resolve(url);
    // A path that leaves the input's folder is not read (untrusted input names no file outside
    // it): the image keeps its path, as one whose file is missing does.
    if (found.outcome == ImageFiles::Outcome::outside)
        context_.losses.add("out-of-folder image", line,
                            "not read (the path leaves the input's folder): kept as images of their paths, with no file");
    if (found.outcome == ImageFiles::Outcome::missing)
        context_.losses.add("missing image file", line, "kept as images of their paths, with no file");
    if (found.outcome == ImageFiles::Outcome::remote)
        diagnostics_.note(line, column_of(node), "the image " + url + " is remote: it stays a link to its URL");
    Inline i;
    i.kind = Inline::Kind::image;
    i.target = found.outcome == ImageFiles::Outcome::missing || found.outcome == ImageFiles::Outcome::outside
                   ? url
                   : found.target;
    i.text = plain_text(description);
    i.title = attribute(node, cmark_node_get_title);
    return i;
}

void InlineReader::footnote(cmark_node* node, std::vector<Inline>& out, int depth, std::size_t line) {
    const std::size_t number = footnote_number(literal_of(node));
    if (number == 0 || number > footnotes_.size() || !read_blocks_) {
        append_inline(out, Inline::plain("[^" + std::string(literal_of(node)) + "]"));
        return;
    }
    footnote_used_.resize(footnotes_.size());
    Inline note;
    note.kind = Inline::Kind::note;
    if (footnote_used_[number - 1]) {
        // Referred to again: the note stands where it was first referred to.
        context_.losses.add("repeated footnote reference", line, "left out (the note stands at the first)");
        return;
    }
    footnote_used_[number - 1] = true;
    if (!within_limit(node, depth)) return;
    // Reading the note's paragraphs reuses this reader: what it notes of the paragraph around stays.
    const std::size_t fallback_line = fallback_line_;
    std::string first_anchor = std::move(first_anchor_);
    std::string leading_anchor = std::move(leading_anchor_);
    note.blocks = read_blocks_(footnotes_[number - 1], depth);
    fallback_line_ = fallback_line;
    first_anchor_ = std::move(first_anchor);
    leading_anchor_ = std::move(leading_anchor);
    // An anchor opening the note's text is the note's id (the writer puts it there).
    if (!note.blocks.empty() && note.blocks[0].kind == Block::Kind::paragraph) {
        note.attributes.id = std::move(note.blocks[0].attributes.id);
        note.blocks[0].attributes.id.clear();
    }
    append_inline(out, std::move(note));
}

}  // namespace fascicle::markdown
