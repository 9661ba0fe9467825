#include "html_fragment.hpp"

#include <fascicle/html_entities.hpp>

#include <algorithm>

namespace fascicle::markdown {

namespace {

bool is_void(std::string_view name) {
    static constexpr std::string_view voids[] = {"area", "base", "br",    "col",   "embed", "hr",  "img",
                                                 "input", "link", "meta", "param", "source", "track", "wbr"};
    return std::find(std::begin(voids), std::end(voids), name) != std::end(voids);
}

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == ':' ||
           c == '_';
}

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Whether `text` (at a '&') starts a character reference an XML parser with HTML's entities reads:
// "&#38;", "&#x26;", "&amp;", "&eacute;".
bool starts_reference(std::string_view text) {
    const std::size_t semicolon = text.find(';');
    if (semicolon == std::string_view::npos || semicolon < 2 || semicolon > 40) return false;
    const std::string_view name = text.substr(1, semicolon - 1);
    if (name.front() == '#') {
        const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
        const std::string_view digits = name.substr(hex ? 2 : 1);
        return !digits.empty() && std::all_of(digits.begin(), digits.end(), [hex](char c) {
            return (c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
        });
    }
    for (std::string_view xml : {"amp", "lt", "gt", "quot", "apos"})
        if (name == xml) return true;
    return html::html_entity(name).has_value();
}

// Text (or an attribute's) as XML: HTML reads a '&' that starts no reference ("?a=1&b=2",
// "&hl;") and a '<' that starts no tag as themselves; XML needs them escaped.
void append_text(std::string& out, std::string_view text) {
    for (std::size_t k = 0; k < text.size(); ++k) {
        if (text[k] == '&' && !starts_reference(text.substr(k))) out += "&amp;";
        else if (text[k] == '<') out += "&lt;";
        else out += text[k];
    }
}

// Where a tag that starts at `from` ends (its '>'), quotes respected; npos when it does not.
std::size_t tag_end(std::string_view html, std::size_t from) {
    char quote = 0;
    for (std::size_t i = from; i < html.size(); ++i) {
        if (quote) {
            if (html[i] == quote) quote = 0;
        } else if (html[i] == '"' || html[i] == '\'') {
            quote = html[i];
        } else if (html[i] == '>') {
            return i;
        }
    }
    return std::string_view::npos;
}

bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The value of the attribute `id` among a tag's attributes, quoted; empty when none.
std::string id_attribute(std::string_view attributes) {
    for (std::size_t at = attributes.find("id"); at != std::string_view::npos; at = attributes.find("id", at + 2)) {
        if (at > 0 && !is_html_space(attributes[at - 1])) continue;
        std::size_t k = at + 2;
        while (k < attributes.size() && is_html_space(attributes[k])) ++k;
        if (k >= attributes.size() || attributes[k] != '=') continue;
        ++k;
        while (k < attributes.size() && is_html_space(attributes[k])) ++k;
        if (k >= attributes.size() || (attributes[k] != '"' && attributes[k] != '\'')) return {};
        const std::size_t end = attributes.find(attributes[k], k + 1);
        if (end == std::string_view::npos) return {};
        return std::string(attributes.substr(k + 1, end - k - 1));
    }
    return {};
}

}  // namespace

std::optional<std::vector<std::string>> wrapper_ids(std::string_view html) {
    static constexpr std::string_view wrappers[] = {"div",    "section", "article", "aside",
                                                    "header", "footer",  "main",    "nav"};
    std::vector<std::string> ids;
    std::size_t i = 0;
    bool any = false;
    while (i < html.size()) {
        if (is_html_space(html[i])) {
            ++i;
            continue;
        }
        if (html[i] != '<') return std::nullopt;  // text: not only tags
        const bool closing = html.substr(i).starts_with("</");
        const std::size_t name_at = i + (closing ? 2 : 1);
        std::size_t name_end = name_at;
        while (name_end < html.size() && is_name_char(html[name_end])) ++name_end;
        std::string name(html.substr(name_at, name_end - name_at));
        std::transform(name.begin(), name.end(), name.begin(), lower_ascii);
        if (std::find(std::begin(wrappers), std::end(wrappers), name) == std::end(wrappers)) return std::nullopt;
        const std::size_t end = tag_end(html, name_end);
        if (end == std::string_view::npos || html[end - 1] == '/') return std::nullopt;
        if (!closing)
            if (std::string id = id_attribute(html.substr(name_end, end - name_end)); !id.empty())
                ids.push_back(std::move(id));
        any = true;
        i = end + 1;
    }
    if (!any) return std::nullopt;
    return ids;
}

XmlFragment xml_from_html(std::string_view html) {
    XmlFragment out;
    out.xml.reserve(html.size() + 16);
    std::size_t i = 0;
    while (i < html.size()) {
        const std::size_t lt = html.find('<', i);
        if (lt == std::string_view::npos) {
            append_text(out.xml, html.substr(i));
            break;
        }
        append_text(out.xml, html.substr(i, lt - i));
        i = lt;
        auto copy_through = [&](std::string_view end) {
            const std::size_t at = html.find(end, i);
            const std::size_t stop = at == std::string_view::npos ? html.size() : at + end.size();
            out.xml.append(html.substr(i, stop - i));
            i = stop;
        };
        const std::string_view rest = html.substr(i);
        if (rest.starts_with("<!--")) {
            copy_through("-->");
            continue;
        }
        if (rest.starts_with("<![CDATA[")) {
            copy_through("]]>");
            continue;
        }
        const bool closing = rest.starts_with("</");
        const std::size_t name_at = i + (closing ? 2 : 1);
        std::size_t name_end = name_at;
        while (name_end < html.size() && is_name_char(html[name_end])) ++name_end;
        const std::size_t end = name_end > name_at ? tag_end(html, name_end) : std::string_view::npos;
        if (end == std::string_view::npos) {  // not a tag ("a < b", "<!DOCTYPE", "<?pi"): as it is
            if (rest.starts_with("<!") || rest.starts_with("<?")) out.xml += html[i++];
            else append_text(out.xml, html.substr(i++, 1));
            continue;
        }
        std::string name(html.substr(name_at, name_end - name_at));
        std::transform(name.begin(), name.end(), name.begin(), lower_ascii);
        out.xml += closing ? "</" : "<";
        out.xml += name;
        const std::string_view attributes = html.substr(name_end, end - name_end);
        append_text(out.xml, attributes);
        const bool self_closed = attributes.ends_with('/');
        if (name == "pre" && !self_closed) out.open_preformatted += closing ? -1 : 1;
        if (closing) {
            if (!is_void(name)) --out.open_elements;
        } else if (is_void(name) && !self_closed) {
            out.xml += '/';
        } else if (!self_closed) {
            ++out.open_elements;
        }
        out.xml += '>';
        i = end + 1;
    }
    return out;
}

}  // namespace fascicle::markdown
