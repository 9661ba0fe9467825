#include "html_content.hpp"

#include "html_text.hpp"

#include <cctype>

namespace fascicle_html {

namespace {

// Links whose target would run code when clicked are written as their text alone: the input may
// come from anywhere, the HTML may be published. `href` is the escaped target, as a browser sees it.
bool safe_href(const std::string& href) {
    std::string scheme;
    for (char c : href) {
        if (c == ':') break;
        const auto byte = static_cast<unsigned char>(c);
        if (byte > 0x20 && byte != 0x7F) scheme += static_cast<char>(std::tolower(byte));  // browsers skip these
    }
    return !href.empty() && scheme != "javascript" && scheme != "vbscript" && scheme != "data";
}

void append_inline(std::string& out, const fascicle::Inline& in) {
    using Kind = fascicle::Inline::Kind;
    switch (in.kind) {
        case Kind::text: append_text(out, in.text); break;
        case Kind::code:
            out += "<code>";
            append_text(out, in.text);
            out += "</code>";
            break;
        case Kind::emphasis:
            out += "<em>";
            append_inlines(out, in.children);
            out += "</em>";
            break;
        case Kind::strong:
            out += "<strong>";
            append_inlines(out, in.children);
            out += "</strong>";
            break;
        case Kind::link: {
            std::string href;
            append_attribute_value(href, in.target);
            if (!safe_href(href)) {
                append_inlines(out, in.children);
                break;
            }
            out += "<a href=\"" + href + "\">";
            append_inlines(out, in.children);
            out += "</a>";
            break;
        }
        case Kind::line_break: out += "<br/>"; break;
        case Kind::raw:
        case Kind::note: break;  // reported by the writer (fascicle::warn_uncarried)
        case Kind::image: append_text(out, in.text); break;
        case Kind::math: append_text(out, in.math.tex); break;
        default: append_inlines(out, in.children); break;  // strikethrough, spans...: their content
    }
}

void append_list(std::string& out, const fascicle::Block& list) {
    if (list.ordered) {
        out += "<ol";
        if (list.start != 1) out += " start=\"" + std::to_string(list.start) + "\"";
        out += ">\n";
    } else {
        out += "<ul>\n";
    }
    for (const auto& item : list.items) {
        out += "<li>";
        // A one-paragraph item is written without <p>, as a "tight" list item.
        if (item.size() == 1 && item.front().kind == fascicle::Block::Kind::paragraph) {
            append_inlines(out, item.front().inlines);
        } else {
            out += '\n';
            append_blocks(out, item);
        }
        out += "</li>\n";
    }
    out += list.ordered ? "</ol>\n" : "</ul>\n";
}

void append_block(std::string& out, const fascicle::Block& block) {
    using Kind = fascicle::Block::Kind;
    switch (block.kind) {
        case Kind::paragraph:
            out += "<p>";
            append_inlines(out, block.inlines);
            out += "</p>\n";
            break;
        case Kind::list: append_list(out, block); break;
        case Kind::block_quote:
            out += "<blockquote>\n";
            append_blocks(out, block.children);
            out += "</blockquote>\n";
            break;
        case Kind::code_block:
            out += "<pre><code>";
            append_text(out, block.text);
            out += "</code></pre>\n";
            break;
        case Kind::division: append_blocks(out, block.children); break;
        default:  // the rest as paragraphs of their text (reported by the writer)
            out += "<p>";
            append_text(out, fascicle::plain_text(block));
            out += "</p>\n";
            break;
    }
}

}  // namespace

void append_inlines(std::string& out, const std::vector<fascicle::Inline>& inlines) {
    for (const auto& in : inlines) append_inline(out, in);
}

void append_blocks(std::string& out, const std::vector<fascicle::Block>& blocks) {
    for (const auto& block : blocks) append_block(out, block);
}

}  // namespace fascicle_html
