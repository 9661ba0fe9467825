// Compiled twice: against libcmark (CommonMark) and, with FASCICLE_TEST_GFM, against libcmark-gfm,
// whose API has the same names.
#include "markdown_tree.hpp"

#ifdef FASCICLE_TEST_GFM
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#else
#include <cmark.h>
#endif

#include <memory>
#include <string_view>
#include <utility>
#include <sstream>
#include <stdexcept>

namespace fascicle::markdown::test {

namespace {

std::string literal_of(cmark_node* node) {
    const char* s = cmark_node_get_literal(node);
    return s ? s : "";
}

// The value of an HTML attribute as written by the Markdown writer's link fallback.
std::string html_unescaped(const std::string& value) {
    std::string out;
    for (std::size_t k = 0; k < value.size(); ++k) {
        bool replaced = false;
        for (auto [entity, c] : {std::pair{"&amp;", '&'}, {"&quot;", '"'}, {"&lt;", '<'}, {"&gt;", '>'}}) {
            if (value.compare(k, std::string_view(entity).size(), entity) == 0) {
                out += c;
                k += std::string_view(entity).size() - 1;
                replaced = true;
                break;
            }
        }
        if (!replaced) out += value[k];
    }
    return out;
}

// Builds IR inlines from a node's inline children; the inline HTML the writer falls back to
// (<em>, <strong>, <a href>) opens and closes emphasis, strong and links; its anchors
// (<a id="...">) are left out.
class InlineCollector {
public:
    std::vector<Inline> collect(cmark_node* parent) {
        stack_.assign(1, Inline{});
        tag_names_.assign(1, "");
        children(parent);
        while (stack_.size() > 1) close("unclosed " + tag_names_.back());
        return std::move(stack_.front().children);
    }

private:
    void children(cmark_node* parent) {
        for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) node(n);
    }

    void add(Inline i) { stack_.back().children.push_back(std::move(i)); }

    void close(const std::string& problem) {
        Inline done = std::move(stack_.back());
        stack_.pop_back();
        tag_names_.pop_back();
        if (!problem.empty()) add(Inline::plain("{" + problem + "}"));
        add(std::move(done));
    }

    void node(cmark_node* n) {
        switch (cmark_node_get_type(n)) {
            case CMARK_NODE_TEXT: add(Inline::plain(literal_of(n))); break;
            case CMARK_NODE_SOFTBREAK: add(Inline::plain("\n")); break;
            case CMARK_NODE_LINEBREAK: add(Inline::wrap(Inline::Kind::line_break, {})); break;
            case CMARK_NODE_CODE: add(Inline::code_span(literal_of(n))); break;
            case CMARK_NODE_EMPH:
            case CMARK_NODE_STRONG:
            case CMARK_NODE_LINK: {
                InlineCollector inner;
                Inline i;
                i.kind = cmark_node_get_type(n) == CMARK_NODE_EMPH     ? Inline::Kind::emphasis
                         : cmark_node_get_type(n) == CMARK_NODE_STRONG ? Inline::Kind::strong
                                                                       : Inline::Kind::link;
                i.children = inner.collect(n);
                if (i.kind == Inline::Kind::link) {
                    const char* url = cmark_node_get_url(n);
                    i.target = url ? url : "";
                }
                add(std::move(i));
                break;
            }
            case CMARK_NODE_HTML_INLINE: {
                const std::string tag = literal_of(n);
                const std::string link_open = "<a href=\"";
                if (tag == "<!---->") {
                    // The empty comment the GFM writer puts after an '@' that would autolink: nothing.
                } else if (tag == "<em>" || tag == "<strong>") {
                    stack_.push_back(Inline::wrap(tag == "<em>" ? Inline::Kind::emphasis : Inline::Kind::strong, {}));
                    tag_names_.push_back(tag);
                } else if (tag.starts_with(link_open) && tag.ends_with("\">")) {
                    Inline link = Inline::link_to({}, {});
                    link.target = html_unescaped(tag.substr(link_open.size(), tag.size() - link_open.size() - 2));
                    stack_.push_back(std::move(link));
                    tag_names_.push_back("<a>");
                } else if (tag.starts_with("<a id=\"") && tag.ends_with("\">")) {
                    // An anchor the writer puts where an id is: it says nothing of the text.
                    stack_.push_back(Inline::wrap(Inline::Kind::span, {}));
                    tag_names_.push_back("<anchor>");
                } else if (tag == "</a>" && !tag_names_.empty() && tag_names_.back() == "<anchor>") {
                    Inline anchor = std::move(stack_.back());
                    stack_.pop_back();
                    tag_names_.pop_back();
                    for (auto& c : anchor.children) add(std::move(c));
                } else if ((tag == "</em>" || tag == "</strong>" || tag == "</a>") && !tag_names_.empty() &&
                           tag_names_.back() == "<" + tag.substr(2)) {
                    close("");
                } else {
                    add(Inline::plain("{html " + tag + "}"));
                }
                break;
            }
            default:
                add(Inline::plain(std::string("{") + cmark_node_get_type_string(n) + "}"));
                break;
        }
    }

    std::vector<Inline> stack_;
    std::vector<std::string> tag_names_;
};

void walk(cmark_node* parent, const std::string& containers, std::vector<LeafBlock>& out) {
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
        LeafBlock b;
        b.containers = containers;
        switch (cmark_node_get_type(n)) {
            case CMARK_NODE_HEADING:
                b.kind = LeafBlock::Kind::heading;
                b.level = cmark_node_get_heading_level(n);
                b.inlines = InlineCollector().collect(n);
                break;
            case CMARK_NODE_PARAGRAPH:
                b.kind = LeafBlock::Kind::paragraph;
                b.inlines = InlineCollector().collect(n);
                break;
            case CMARK_NODE_CODE_BLOCK:
                b.kind = LeafBlock::Kind::code_block;
                b.text = literal_of(n);
                break;
            case CMARK_NODE_THEMATIC_BREAK: b.kind = LeafBlock::Kind::thematic_break; break;
            case CMARK_NODE_HTML_BLOCK:
                b.kind = LeafBlock::Kind::html_block;
                b.text = literal_of(n);
                break;
            case CMARK_NODE_BLOCK_QUOTE:
                walk(n, containers.empty() ? "quote" : containers + "/quote", out);
                continue;
            case CMARK_NODE_LIST: {
                std::string list = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST
                                       ? "ordered-" + std::to_string(cmark_node_get_list_start(n))
                                       : "bullet";
                walk(n, containers.empty() ? list : containers + "/" + list, out);
                continue;
            }
            case CMARK_NODE_ITEM: walk(n, containers + "/item", out); continue;
            default:
                b.kind = LeafBlock::Kind::other;
                b.text = cmark_node_get_type_string(n);
                break;
        }
        out.push_back(std::move(b));
    }
}

}  // namespace

std::string describe(const LeafBlock& b) {
    static const char* kinds[] = {"heading", "paragraph", "code_block", "thematic_break", "html_block", "other"};
    std::ostringstream s;
    s << kinds[int(b.kind)];
    if (b.kind == LeafBlock::Kind::heading) s << " " << b.level;
    if (!b.containers.empty()) s << " in " << b.containers;
    Article a;  // dump() shows inlines through a paragraph
    Block p;
    p.inlines = b.inlines;
    a.introduction.push_back(p);
    std::string d = dump(a);
    s << "\n" << d.substr(d.find("introduction"));
    if (!b.text.empty()) s << "  text: \"" << b.text << "\"\n";
    return s.str();
}

std::string describe(const std::vector<LeafBlock>& blocks) {
    std::string out;
    for (const auto& b : blocks) out += describe(b);
    return out;
}

std::vector<LeafBlock> parse_markdown(const std::string& markdown) {
#ifdef FASCICLE_TEST_GFM
    cmark_gfm_core_extensions_ensure_registered();
    std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(cmark_parser_new(CMARK_OPT_DEFAULT),
                                                                       cmark_parser_free);
    for (const char* name : {"table", "strikethrough", "autolink", "tagfilter", "tasklist"})
        if (auto* ext = cmark_find_syntax_extension(name)) cmark_parser_attach_syntax_extension(parser.get(), ext);
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    std::unique_ptr<cmark_node, decltype(&cmark_node_free)> doc(cmark_parser_finish(parser.get()), cmark_node_free);
#else
    std::unique_ptr<cmark_node, decltype(&cmark_node_free)> doc(
        cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT), cmark_node_free);
#endif
    if (!doc) throw std::runtime_error("cmark could not parse the document");
    std::vector<LeafBlock> out;
    walk(doc.get(), "", out);
    return out;
}

const char* parser_flavor() {
#ifdef FASCICLE_TEST_GFM
    return "gfm";
#else
    return "commonmark";
#endif
}

}  // namespace fascicle::markdown::test
