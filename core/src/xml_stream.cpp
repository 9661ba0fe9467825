#include <fascicle/xml_stream.hpp>

#include <fascicle/text.hpp>

#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdint>
#include <optional>

namespace fascicle {

namespace {

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";  // U+FFFD

struct Decoded {
    char32_t code_point;
    std::size_t length;
};

// The code point starting at `i`, or nullopt when the bytes there are not valid UTF-8.
std::optional<Decoded> decode_utf8(std::string_view s, std::size_t i) {
    const auto lead = static_cast<unsigned char>(s[i]);
    if (lead < 0x80) return Decoded{lead, 1};
    std::size_t length;
    char32_t minimum;
    char32_t cp;
    if ((lead & 0xE0) == 0xC0) { length = 2; minimum = 0x80; cp = lead & 0x1F; }
    else if ((lead & 0xF0) == 0xE0) { length = 3; minimum = 0x800; cp = lead & 0x0F; }
    else if ((lead & 0xF8) == 0xF0) { length = 4; minimum = 0x10000; cp = lead & 0x07; }
    else return std::nullopt;
    if (s.size() - i < length) return std::nullopt;
    for (std::size_t k = 1; k < length; ++k) {
        const auto byte = static_cast<unsigned char>(s[i + k]);
        if ((byte & 0xC0) != 0x80) return std::nullopt;
        cp = cp << 6 | (byte & 0x3F);
    }
    if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
    return Decoded{cp, length};
}

// The ASCII bytes copied as they are, in text and in attribute values: everything but control
// characters and the ones escaped (the rest of the work is on these runs). 1 or 0, not bool: eight
// of them are and-ed bitwise, one branch for all.
constexpr std::array<std::uint8_t, 256> plain_ascii = [] {
    std::array<std::uint8_t, 256> plain{};
    for (int c = 0x20; c < 0x7F; ++c) plain[c] = 1;
    for (char c : {'&', '<', '>', '"'}) plain[static_cast<unsigned char>(c)] = 0;
    return plain;
}();

// What the stream writes as it is: XML 1.0's characters, less those it discourages and HTML
// forbids in text (DEL, the C1 controls, the noncharacters).
bool writable(char32_t c) {
    if (!is_xml_char(c)) return false;
    if (c >= 0x7F && c <= 0x9F) return false;
    if (c >= 0xFDD0 && c <= 0xFDEF) return false;
    return (c & 0xFFFE) != 0xFFFE;
}

}  // namespace

void XmlStream::declaration() { out_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"; }

void XmlStream::doctype(std::string_view root) {
    assert(open_.empty());
    out_ += "<!DOCTYPE ";
    out_ += root;
    out_ += ">\n";
}

void XmlStream::start_line() { out_.append(2 * (indent_ + open_.size()), ' '); }

void XmlStream::start_tag(std::string_view name, const XmlAttributes& attributes, bool self_closing) {
    out_ += '<';
    out_ += name;
    for (const auto& [attribute, value] : attributes) {
        out_ += ' ';
        out_ += attribute;
        out_ += "=\"";
        escaped(value, true);
        out_ += '"';
    }
    out_ += self_closing ? "/>" : ">";
}

void XmlStream::open_block(std::string_view name, const XmlAttributes& attributes) {
    assert(!in_inline() && "a block element cannot go inside an inline one");
    start_line();
    start_tag(name, attributes, false);
    out_ += '\n';
    open_.push_back({std::string(name), false});
}

void XmlStream::open_inline(std::string_view name, const XmlAttributes& attributes) {
    if (!in_inline()) start_line();
    start_tag(name, attributes, false);
    open_.push_back({std::string(name), true});
}

void XmlStream::empty(std::string_view name, const XmlAttributes& attributes) {
    const bool inline_child = in_inline();
    if (!inline_child) start_line();
    start_tag(name, attributes, true);
    if (!inline_child) out_ += '\n';
}

void XmlStream::close() {
    assert(!open_.empty());
    const Open element = std::move(open_.back());
    open_.pop_back();
    if (!element.is_inline) start_line();
    out_ += "</";
    out_ += element.name;
    out_ += '>';
    if (!in_inline()) out_ += '\n';
}

void XmlStream::text_element(std::string_view name, std::string_view content, const XmlAttributes& attributes) {
    open_inline(name, attributes);
    text(content);
    close();
}

void XmlStream::text(std::string_view content) {
    assert(in_inline() && "text goes inside an inline element");
    escaped(content, false);
}

void XmlStream::markup(std::string_view xml) {
    assert(in_inline() && "markup goes inside an inline element");
    out_ += xml;
}

void XmlStream::processing_instruction(std::string_view target) {
    const bool inline_child = in_inline();
    if (!inline_child) start_line();
    out_ += "<?";
    out_ += target;
    out_ += "?>";
    if (!inline_child) out_ += '\n';
}

namespace {

// `root_attributes` go on the first element copied, and only there.
void copy_node(XmlStream& xml, pugi::xml_node node, const XmlAttributes* root_attributes) {
    for (auto child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            xml.text(child.value());
        } else if (child.type() == pugi::node_element) {
            XmlAttributes attributes;
            for (auto a : child.attributes()) attributes.emplace_back(a.name(), a.value());
            if (root_attributes) {
                for (const auto& added : *root_attributes) {
                    auto same = std::find_if(attributes.begin(), attributes.end(),
                                             [&](const auto& a) { return a.first == added.first; });
                    if (same != attributes.end()) same->second = added.second;
                    else attributes.push_back(added);
                }
                root_attributes = nullptr;
            }
            xml.open_inline(child.name(), attributes);
            copy_node(xml, child, nullptr);
            xml.close();
        }
    }
}

}  // namespace

std::string namespaced_mathml(std::string_view math) {
    constexpr std::string_view mathml_namespace = " xmlns=\"http://www.w3.org/1998/Math/MathML\"";
    const auto start = math.find("<math");
    if (start == std::string_view::npos) return std::string(math);
    const auto end_of_tag = math.find('>', start);
    if (math.substr(start, end_of_tag - start).find("xmlns") != std::string_view::npos) return std::string(math);
    std::string out(math);
    out.insert(start + 5, mathml_namespace);
    return out;
}

bool XmlStream::fragment(std::string_view xml, const XmlAttributes& root_attributes) {
    pugi::xml_document document;
    if (!document.load_buffer(xml.data(), xml.size(), pugi::parse_default,
                              pugi::encoding_utf8))
        return false;
    std::size_t elements = 0;
    for (auto child : document.children())
        if (child.type() == pugi::node_element) ++elements;
    if (elements != 1) return false;
    copy_node(*this, document, &root_attributes);
    return true;
}

std::string XmlStream::carried(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto decoded = decode_utf8(text, i);
        if (!decoded || !writable(decoded->code_point)) {
            out += replacement_character;
            i += decoded ? decoded->length : 1;
        } else {
            out.append(text, i, decoded->length);
            i += decoded->length;
        }
    }
    return out;
}

namespace {

// Appends `s` escaped to `out` (see XmlStream); returns how many characters became U+FFFD.
std::size_t append_escaped(std::string& out, std::string_view s, bool in_attribute) {
    // Room for a long text at once, with some for the markup after it: growing by doubling would
    // copy it and, while copying, hold it twice (a paragraph may be hundreds of megabytes).
    constexpr std::size_t long_text = 1 << 16;
    if (s.size() >= long_text && s.size() > out.capacity() - out.size())
        out.reserve(out.size() + s.size() + s.size() / 16 + 4096);
    std::size_t replaced = 0;
    std::size_t copied = 0;  // s[copied, i) is plain text not yet appended
    std::size_t i = 0;
    auto replace = [&](std::size_t length, std::string_view by) {
        out.append(s.data() + copied, i - copied);
        out += by;
        i += length;
        copied = i;
    };
    const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
    while (i < s.size()) {
        // Eight bytes a test while they are all plain ASCII (most of any text), one branch for all.
        while (i + 8 <= s.size() && (plain_ascii[bytes[i]] & plain_ascii[bytes[i + 1]] & plain_ascii[bytes[i + 2]] &
                                     plain_ascii[bytes[i + 3]] & plain_ascii[bytes[i + 4]] & plain_ascii[bytes[i + 5]] &
                                     plain_ascii[bytes[i + 6]] & plain_ascii[bytes[i + 7]]))
            i += 8;
        if (i == s.size()) break;
        if (plain_ascii[bytes[i]]) {
            ++i;
            continue;
        }
        const auto decoded = decode_utf8(s, i);
        if (!decoded || !writable(decoded->code_point)) {
            replace(decoded ? decoded->length : 1, replacement_character);
            ++replaced;
            continue;
        }
        switch (s[i]) {
            case '&': replace(1, "&amp;"); break;
            case '<': replace(1, "&lt;"); break;
            case '>': replace(1, "&gt;"); break;  // also keeps "]]>" out of character data
            // A parser turns a literal CR into LF, and whitespace in attributes into spaces:
            // character references keep them as they were.
            case '\r': replace(1, "&#13;"); break;
            case '"':
                if (in_attribute) replace(1, "&quot;");
                else ++i;
                break;
            case '\n':
                if (in_attribute) replace(1, "&#10;");
                else ++i;
                break;
            case '\t':
                if (in_attribute) replace(1, "&#9;");
                else ++i;
                break;
            default: i += decoded->length;  // a character beyond ASCII
        }
    }
    out.append(s.data() + copied, i - copied);
    return replaced;
}

}  // namespace

void XmlStream::escaped(std::string_view s, bool in_attribute) { replacements_ += append_escaped(out_, s, in_attribute); }

// Declared in text.hpp: the same escaping (and replacement with U+FFFD) for a value written into
// XML by hand: one engine for every character that reaches an XML document.
std::string xml_escape(std::string_view text, bool in_attribute) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    append_escaped(out, text, in_attribute);
    return out;
}

}  // namespace fascicle
