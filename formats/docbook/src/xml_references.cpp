#include "xml_references.hpp"

#include <fascicle/text.hpp>

#include <charconv>
#include <cstdint>

namespace fascicle::docbook {

namespace {

std::optional<char> predefined_entity(std::string_view name) {
    if (name == "lt") return '<';
    if (name == "gt") return '>';
    if (name == "amp") return '&';
    if (name == "apos") return '\'';
    if (name == "quot") return '"';
    return std::nullopt;
}

bool name_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '.' || c == ':' || u >= 0x80;
}

// The code point of a character reference's digits ("#123" or "#x7B", without '&' and ';').
std::optional<char32_t> character_reference(std::string_view body) {
    const bool hex = body.size() > 1 && body[1] == 'x';
    const auto digits = body.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 8) return std::nullopt;
    std::uint32_t value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value, hex ? 16 : 10);
    if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
    return static_cast<char32_t>(value);
}

}  // namespace

DecodedText decode_references(std::string_view raw) {
    DecodedText out;
    out.text.reserve(raw.size());
    std::size_t i = 0;
    while (i < raw.size()) {
        const auto amp = raw.find('&', i);
        out.text.append(raw.substr(i, amp == std::string_view::npos ? std::string_view::npos : amp - i));
        if (amp == std::string_view::npos) break;

        std::size_t end = amp + 1;
        while (end < raw.size() && end - amp <= 64 && (name_char(raw[end]) || raw[end] == '#')) ++end;
        if (end >= raw.size() || raw[end] != ';' || end == amp + 1) {
            out.error = ReferenceError{amp, "'&' starts no entity or character reference (write &amp; for a literal '&')"};
            return out;
        }
        const auto body = raw.substr(amp + 1, end - amp - 1);
        if (body[0] == '#') {
            const auto cp = character_reference(body);
            if (!cp || !is_xml_char(*cp)) {
                out.error = ReferenceError{amp, "the character reference &" + std::string(body) +
                                                    "; is not a character XML 1.0 allows"};
                return out;
            }
            append_utf8(out.text, *cp);
        } else if (const auto c = predefined_entity(body)) {
            out.text += *c;
        } else {
            out.error = ReferenceError{
                amp, "undeclared entity &" + std::string(body) +
                         "; (fascicle reads no DTD: it knows &lt; &gt; &amp; &apos; &quot;, the entities the DOCTYPE "
                         "declares, DocBook 4's character entities such as &mdash;, and character references such "
                         "as &#160;)"};
            return out;
        }
        i = end + 1;
    }
    return out;
}

}  // namespace fascicle::docbook
