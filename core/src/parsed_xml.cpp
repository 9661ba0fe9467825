#include <fascicle/parsed_xml.hpp>

#include <fascicle/html_entities.hpp>

#include <fascicle/text.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <string_view>

namespace fascicle::xml {

namespace {

// pugixml's defaults (escapes, CDATA, end-of-line normalisation) plus the white space between
// inline elements, which is text in HTML, and the DOCTYPE, to be inspected.
constexpr unsigned parse_options = pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_doctype;

bool name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool name_char(char c) { return name_start(c) || (c >= '0' && c <= '9') || c == '.' || c == '-'; }

bool is_xml_entity(std::string_view name) {
    return name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos";
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return out;
}

// The encoding the XML declaration names, lower-case; empty when it names none.
std::string declared_encoding(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    if (!bytes.starts_with("<?xml")) return {};
    const std::string_view declaration = bytes.substr(0, bytes.find("?>"));
    const std::size_t key = declaration.find("encoding");
    if (key == std::string_view::npos) return {};
    const std::size_t open = declaration.find_first_of("\"'", key);
    if (open == std::string_view::npos) return {};
    const std::size_t close = declaration.find(declaration[open], open + 1);
    if (close == std::string_view::npos) return {};
    return lower(declaration.substr(open + 1, close - open - 1));
}

// UTF-16 and UTF-32 (told by their byte-order mark or first bytes) and declared non-UTF-8
// encodings are left to pugixml's conversion; everything else must be UTF-8.
bool is_utf8(std::string_view bytes) {
    if (bytes.starts_with("\xFE\xFF") || bytes.starts_with("\xFF\xFE") ||
        (bytes.size() >= 2 && (bytes[0] == '\0' || bytes[1] == '\0')))
        return false;
    const std::string encoding = declared_encoding(bytes);
    return encoding.empty() || encoding == "utf-8" || encoding == "utf8";
}

// The end of the markup construct starting at `at` that holds no entity references (a comment,
// CDATA section, processing instruction or DOCTYPE), or `at` when none starts there.
std::size_t skip_literal_markup(std::string_view text, std::size_t at) {
    auto past = [&](std::string_view end) {
        const std::size_t found = text.find(end, at);
        return found == std::string_view::npos ? text.size() : found + end.size();
    };
    const std::string_view rest = text.substr(at);
    if (rest.starts_with("<!--")) return past("-->");
    if (rest.starts_with("<![CDATA[")) return past("]]>");
    if (rest.starts_with("<?")) return past("?>");
    if (rest.starts_with("<!DOCTYPE")) {
        int depth = 0;  // an internal subset between [ and ] may hold '>'
        for (std::size_t i = at; i < text.size(); ++i) {
            if (text[i] == '[') ++depth;
            else if (text[i] == ']') --depth;
            else if (text[i] == '>' && depth <= 0) return i + 1;
        }
        return text.size();
    }
    return at;
}

// The first element nested more than `limit` deep under `root`, found without recursion.
pugi::xml_node deeper_than(pugi::xml_node root, std::size_t limit) {
    std::size_t depth = 1;
    pugi::xml_node node = root;
    while (node) {
        if (pugi::xml_node child = node.find_child([](pugi::xml_node n) { return n.type() == pugi::node_element; })) {
            node = child;
            if (++depth > limit) return node;
            continue;
        }
        // Up until an element with a next element sibling.
        while (node && node != root) {
            pugi::xml_node next = node.next_sibling();
            while (next && next.type() != pugi::node_element) next = next.next_sibling();
            if (next) {
                node = next;
                break;
            }
            node = node.parent();
            --depth;
        }
        if (node == root) break;
    }
    return {};
}

}  // namespace

std::unique_ptr<ParsedXml> ParsedXml::parse(const std::string& bytes, bool html_entities, Failure& failure,
                                          std::size_t max_depth) {
    std::unique_ptr<ParsedXml> entry(new ParsedXml());
    entry->line_starts_.push_back(0);
    for (std::size_t i = 0; i < bytes.size(); ++i)
        if (bytes[i] == '\n') entry->line_starts_.push_back(i + 1);

    const bool utf8 = is_utf8(bytes);
    if (utf8) {
        if (auto bad = find_invalid_utf8(bytes)) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", unsigned(static_cast<unsigned char>(bytes[*bad])));
            failure = {std::string("the byte ") + hex + " does not begin a valid UTF-8 sequence: expected UTF-8 text",
                       entry->position_of(*bad)};
            return nullptr;
        }
    }

    std::string parsed;
    if (html_entities && utf8) entry->expand_html_entities(bytes, parsed);
    const std::string& text = html_entities && utf8 ? parsed : bytes;

    const pugi::xml_parse_result result =
        entry->document_.load_buffer(text.data(), text.size(), parse_options, pugi::encoding_auto);
    if (!result) {
        failure = {std::string("not well-formed XML: ") + result.description(),
                   entry->position_of(entry->original_offset(std::size_t(std::max<std::ptrdiff_t>(0, result.offset))))};
        return nullptr;
    }
    for (pugi::xml_node node = entry->document_.first_child(); node; node = node.next_sibling()) {
        if (node.type() != pugi::node_doctype) continue;
        const std::size_t declaration = std::string_view(node.value()).find("<!ENTITY");
        if (declaration == std::string_view::npos) continue;
        const std::ptrdiff_t at = node.offset_debug();
        failure = {"the DOCTYPE declares entities: refused (fascicle reads no DTD and expands no entity it declares)",
                   at < 0 ? XmlPosition{} : entry->position_of(entry->original_offset(std::size_t(at) + declaration))};
        return nullptr;
    }
    if (!entry->root()) {
        failure = {"no root element", {1, 1}};
        return nullptr;
    }
    if (pugi::xml_node deep = deeper_than(entry->root(), max_depth)) {
        failure = {"elements nest more than " + std::to_string(max_depth) +
                       " deep, the most the reader takes (--max-nesting N changes it, up to " +
                       std::to_string(max_nesting_most) + "): refused",
                   entry->position(deep)};
        return nullptr;
    }
    return entry;
}

void ParsedXml::expand_html_entities(const std::string& bytes, std::string& out) {
    const std::string_view text = bytes;
    out.reserve(text.size());
    std::ptrdiff_t delta = 0;  // original offset - parsed offset, after the last expansion
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '<') {
            const std::size_t end = skip_literal_markup(text, i);
            if (end != i) {
                out.append(text.substr(i, end - i));
                i = end;
                continue;
            }
        }
        if (text[i] == '&' && i + 1 < text.size() && name_start(text[i + 1])) {
            std::size_t end = i + 1;
            while (end < text.size() && name_char(text[end])) ++end;
            if (end < text.size() && text[end] == ';') {
                const std::string_view name = text.substr(i + 1, end - i - 1);
                if (!is_xml_entity(name)) {
                    if (auto code_point = html::html_entity(name)) {
                        const std::string reference = "&#" + std::to_string(std::uint32_t(*code_point)) + ";";
                        out += reference;
                        delta += std::ptrdiff_t(end + 1 - i) - std::ptrdiff_t(reference.size());
                        shifts_.push_back({out.size(), delta});
                        i = end + 1;
                        continue;
                    }
                    unknown_entities_.push_back({std::string(name), position_of(i)});
                }
            }
        }
        out += text[i++];
    }
}

std::size_t ParsedXml::original_offset(std::size_t parsed_offset) const {
    const auto after = std::upper_bound(shifts_.begin(), shifts_.end(), parsed_offset,
                                        [](std::size_t offset, const Shift& s) { return offset < s.parsed_from; });
    if (after == shifts_.begin()) return parsed_offset;
    return std::size_t(std::ptrdiff_t(parsed_offset) + std::prev(after)->to_original);
}

XmlPosition ParsedXml::position_of(std::size_t original_offset) const {
    const auto line = std::upper_bound(line_starts_.begin(), line_starts_.end(), original_offset);
    const std::size_t number = std::size_t(line - line_starts_.begin());
    return {number, original_offset - *std::prev(line) + 1};
}

XmlPosition ParsedXml::position(pugi::xml_node node) const {
    const std::ptrdiff_t offset = node.offset_debug();
    if (offset < 0) return {};
    return position_of(original_offset(std::size_t(offset)));
}

}  // namespace fascicle::xml
