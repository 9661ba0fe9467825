#include "html_text.hpp"

#include <fascicle/text.hpp>

namespace fascicle_html {

namespace {

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

// Length of the well-formed UTF-8 sequence at the start of `s` and its code point; 0 when malformed.
std::size_t decode(std::string_view s, char32_t& code_point) {
    const auto lead = static_cast<unsigned char>(s[0]);
    std::size_t length;
    char32_t minimum;
    if (lead < 0x80) { code_point = lead; return 1; }
    if ((lead & 0xE0) == 0xC0) { length = 2; minimum = 0x80; code_point = lead & 0x1F; }
    else if ((lead & 0xF0) == 0xE0) { length = 3; minimum = 0x800; code_point = lead & 0x0F; }
    else if ((lead & 0xF8) == 0xF0) { length = 4; minimum = 0x10000; code_point = lead & 0x07; }
    else return 0;
    if (s.size() < length) return 0;
    for (std::size_t i = 1; i < length; ++i) {
        const auto next = static_cast<unsigned char>(s[i]);
        if ((next & 0xC0) != 0x80) return 0;
        code_point = code_point << 6 | (next & 0x3F);
    }
    if (code_point < minimum || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) return 0;
    return length;
}

// HTML forbids the C0 and C1 controls (but for white space) that XML 1.0 still allows.
bool allowed(char32_t c) {
    const bool control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    return !control && fascicle::is_xml_char(c);
}

void append_escaped(std::string& out, std::string_view text, bool in_attribute) {
    out.reserve(out.size() + text.size());
    while (!text.empty()) {
        char32_t c = 0;
        const std::size_t length = decode(text, c);
        if (length == 0) {
            out += replacement_character;
            text.remove_prefix(1);
            continue;
        }
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += in_attribute ? "&quot;" : "\""; break;
            default:
                if (allowed(c)) out += text.substr(0, length);
        }
        text.remove_prefix(length);
    }
}

}  // namespace

void append_text(std::string& out, std::string_view text) { append_escaped(out, text, false); }

void append_attribute_value(std::string& out, std::string_view text) { append_escaped(out, text, true); }

}  // namespace fascicle_html
