#include <fascicle/uri.hpp>

namespace fascicle {

namespace {

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// RFC 3986: unreserved, gen-delims and sub-delims; '%' and '#' are decided apart.
bool uri_character(char c) {
    if (is_alpha(c) || is_digit(c)) return true;
    static constexpr std::string_view allowed = "-._~:/?[]@!$&'()*+,;=";
    return allowed.find(c) != std::string_view::npos;
}

bool blank(char c) { return static_cast<unsigned char>(c) <= 0x20; }

}  // namespace

std::string percent_encoded(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    bool fragment = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        bool keep = uri_character(c);
        if (c == '%') keep = i + 2 < text.size() && is_hex(text[i + 1]) && is_hex(text[i + 2]);
        if (c == '#') {
            keep = !fragment;
            fragment = true;
        }
        if (keep) {
            out += c;
        } else {
            const auto byte = static_cast<unsigned char>(c);
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 0xF];
        }
    }
    return out;
}

std::optional<std::string> normalized_uri(std::string_view text) {
    while (!text.empty() && blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && blank(text.back())) text.remove_suffix(1);
    if (text.empty()) return std::nullopt;
    std::string kept;
    kept.reserve(text.size());
    for (char c : text)
        if (c != '\t' && c != '\n' && c != '\r') kept += c;
    // A ':' before any '/', '?' or '#' ends a scheme, which must be a letter then letters,
    // digits, '+', '-' or '.'; else the reference would be a path whose first segment has a ':'.
    const auto colon = kept.find(':');
    if (colon != std::string::npos && colon < kept.find_first_of("/?#")) {
        if (colon == 0 || !is_alpha(kept[0])) return std::nullopt;
        for (std::size_t i = 1; i < colon; ++i)
            if (!is_alpha(kept[i]) && !is_digit(kept[i]) && kept[i] != '+' && kept[i] != '-' && kept[i] != '.')
                return std::nullopt;
    }
    return percent_encoded(kept);
}

}  // namespace fascicle
