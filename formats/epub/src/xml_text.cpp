#include "xml_text.hpp"

#include <fascicle/text.hpp>

namespace fascicle::epub {

namespace {

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

// Length and code point of the valid UTF-8 sequence at the start of `s`, or length 0.
std::pair<std::size_t, char32_t> decode(std::string_view s) {
    const auto lead = static_cast<unsigned char>(s[0]);
    if (lead < 0x80) return {1, lead};
    std::size_t length;
    char32_t code_point;
    char32_t smallest;
    if ((lead & 0xE0) == 0xC0) { length = 2; code_point = lead & 0x1F; smallest = 0x80; }
    else if ((lead & 0xF0) == 0xE0) { length = 3; code_point = lead & 0x0F; smallest = 0x800; }
    else if ((lead & 0xF8) == 0xF0) { length = 4; code_point = lead & 0x07; smallest = 0x10000; }
    else return {0, 0};
    if (s.size() < length) return {0, 0};
    for (std::size_t k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(s[k]);
        if ((next & 0xC0) != 0x80) return {0, 0};
        code_point = code_point << 6 | (next & 0x3F);
    }
    if (code_point < smallest || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF))
        return {0, 0};
    return {length, code_point};
}

}  // namespace

std::string xml_safe_text(std::string_view text) {
    // Fast path: the usual text needs no change.
    bool clean = !find_invalid_utf8(text).has_value();
    for (std::size_t i = 0; clean && i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xEF) clean = false;
    }
    if (clean) return std::string(text);

    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto [length, code_point] = decode(text.substr(i));
        if (length == 0) {
            out += replacement_character;
            ++i;
            continue;
        }
        if (is_xml_char(code_point)) out.append(text.substr(i, length));
        i += length;
    }
    return out;
}

}  // namespace fascicle::epub
