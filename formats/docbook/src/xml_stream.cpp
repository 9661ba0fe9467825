#include "xml_stream.hpp"

#include <quire/text.hpp>

#include <cassert>
#include <optional>

namespace quire::docbook {

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

}  // namespace

void XmlStream::declaration() { out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"; }

void XmlStream::start_line() {
    for (std::size_t i = 0; i < open_.size(); ++i) out_ << "  ";
}

void XmlStream::start_tag(std::string_view name, const XmlAttributes& attributes, bool self_closing) {
    out_ << '<' << name;
    for (const auto& [attribute, value] : attributes) {
        out_ << ' ' << attribute << "=\"";
        escaped(value, true);
        out_ << '"';
    }
    out_ << (self_closing ? "/>" : ">");
}

void XmlStream::open_block(std::string_view name, const XmlAttributes& attributes) {
    assert(!in_inline() && "a block element cannot go inside an inline one");
    start_line();
    start_tag(name, attributes, false);
    out_ << '\n';
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
    if (!inline_child) out_ << '\n';
}

void XmlStream::close() {
    assert(!open_.empty());
    const Open element = std::move(open_.back());
    open_.pop_back();
    if (!element.is_inline) start_line();
    out_ << "</" << element.name << '>';
    if (!in_inline()) out_ << '\n';
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

void XmlStream::processing_instruction(std::string_view target) {
    assert(in_inline());
    out_ << "<?" << target << "?>";
}

void XmlStream::escaped(std::string_view s, bool in_attribute) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto decoded = decode_utf8(s, i);
        if (!decoded || !is_xml_char(decoded->code_point)) {
            out_ << replacement_character;
            ++replacements_;
            i += decoded ? decoded->length : 1;
            continue;
        }
        const char c = s[i];
        switch (c) {
            case '&': out_ << "&amp;"; break;
            case '<': out_ << "&lt;"; break;
            case '>': out_ << "&gt;"; break;  // also keeps "]]>" out of character data
            // A parser turns a literal CR into LF, and whitespace in attributes into spaces:
            // character references keep them as they were.
            case '\r': out_ << "&#13;"; break;
            case '"':
                if (in_attribute) out_ << "&quot;";
                else out_ << c;
                break;
            case '\n':
                if (in_attribute) out_ << "&#10;";
                else out_ << c;
                break;
            case '\t':
                if (in_attribute) out_ << "&#9;";
                else out_ << c;
                break;
            default: out_.write(s.data() + i, static_cast<std::streamsize>(decoded->length));
        }
        i += decoded->length;
    }
}

}  // namespace quire::docbook
