#include "html_tag.hpp"

#include <fascicle/text.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>

namespace fascicle::markdown {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return out;
}

// The references an attribute value written by hand or by our writer holds: the five XML
// entities and numeric references. Any other '&' stays as it is.
std::string decode_references(std::string_view value) {
    static constexpr std::pair<std::string_view, char> named[] = {
        {"amp;", '&'}, {"lt;", '<'}, {"gt;", '>'}, {"quot;", '"'}, {"apos;", '\''}};
    std::string out;
    for (std::size_t k = 0; k < value.size(); ++k) {
        if (value[k] != '&') {
            out += value[k];
            continue;
        }
        const std::string_view rest = value.substr(k + 1);
        bool decoded = false;
        for (auto [name, c] : named) {
            if (rest.starts_with(name)) {
                out += c;
                k += name.size();
                decoded = true;
                break;
            }
        }
        if (!decoded && rest.starts_with('#')) {
            const bool hex = rest.size() > 1 && (rest[1] == 'x' || rest[1] == 'X');
            const std::size_t digits_begin = hex ? 2 : 1;
            const std::size_t semicolon = rest.find(';');
            unsigned long cp = 0;
            if (semicolon != std::string_view::npos && semicolon > digits_begin && semicolon - digits_begin <= 7) {
                auto [end, ec] = std::from_chars(rest.data() + digits_begin, rest.data() + semicolon, cp, hex ? 16 : 10);
                if (ec == std::errc() && end == rest.data() + semicolon) {
                    // HTML reads &#0; and code points beyond Unicode as U+FFFD.
                    append_utf8(out, cp == 0 || cp > 0x10FFFF ? U'\uFFFD' : char32_t(cp));
                    k += semicolon + 1;
                    decoded = true;
                }
            }
        }
        if (!decoded) out += '&';
    }
    return out;
}

// Reads the attributes of an open tag from `s` (after its name) up to '>' or "/>".
void read_attributes(std::string_view s, HtmlTag& tag) {
    std::size_t k = 0;
    auto skip_space = [&] {
        while (k < s.size() && is_space(s[k])) ++k;
    };
    while (k < s.size()) {
        skip_space();
        if (k >= s.size() || s[k] == '>') return;
        if (s[k] == '/') {
            tag.self_closing = true;
            return;
        }
        const std::size_t name_begin = k;
        while (k < s.size() && !is_space(s[k]) && s[k] != '=' && s[k] != '>' && s[k] != '/') ++k;
        const std::string name = lower(s.substr(name_begin, k - name_begin));
        if (k == name_begin) return;  // not an attribute CommonMark would accept
        skip_space();
        std::string_view value;
        if (k < s.size() && s[k] == '=') {
            ++k;
            skip_space();
            if (k < s.size() && (s[k] == '"' || s[k] == '\'')) {
                const char quote = s[k++];
                const std::size_t end = s.find(quote, k);
                if (end == std::string_view::npos) return;
                value = s.substr(k, end - k);
                k = end + 1;
            } else {
                const std::size_t begin = k;
                while (k < s.size() && !is_space(s[k]) && s[k] != '>') ++k;
                value = s.substr(begin, k - begin);
            }
        }
        tag.attributes.emplace_back(name, decode_references(value));
        if (name == "href") tag.href = decode_references(value);
        if (name == "id" || (name == "name" && !tag.id)) tag.id = decode_references(value);
    }
}

}  // namespace

HtmlTag parse_html_tag(std::string_view literal) {
    HtmlTag tag;
    if (literal.starts_with("<!--")) {
        tag.kind = HtmlTag::Kind::comment;
        std::string_view body = literal.substr(4);
        if (body.ends_with("-->")) body.remove_suffix(3);
        tag.content = body;
        return tag;
    }
    if (literal.starts_with("<![CDATA[")) {
        tag.kind = HtmlTag::Kind::cdata;
        std::string_view body = literal.substr(9);
        if (body.ends_with("]]>")) body.remove_suffix(3);
        tag.content = body;
        return tag;
    }
    const bool closing = literal.starts_with("</");
    std::size_t k = closing ? 2 : 1;
    const std::size_t name_begin = k;
    while (k < literal.size() && (std::isalnum(static_cast<unsigned char>(literal[k])) || literal[k] == '-')) ++k;
    if (k == name_begin || !std::isalpha(static_cast<unsigned char>(literal[name_begin]))) return tag;  // <? or <!
    tag.kind = closing ? HtmlTag::Kind::close : HtmlTag::Kind::open;
    tag.name = lower(literal.substr(name_begin, k - name_begin));
    if (!closing) read_attributes(literal.substr(k), tag);
    return tag;
}

std::optional<std::string_view> comment_text(std::string_view html) {
    while (!html.empty() && is_space(html.back())) html.remove_suffix(1);
    if (!html.starts_with("<!--") || !html.ends_with("-->") || html.size() < 7) return std::nullopt;
    const std::string_view body = html.substr(4, html.size() - 7);
    if (body.find("-->") != std::string_view::npos) return std::nullopt;  // more than one comment
    return body;
}

}  // namespace fascicle::markdown
