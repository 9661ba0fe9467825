#include <fascicle/uri.hpp>

#include <utility>

namespace fascicle {

namespace {

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// RFC 3986: unreserved, gen-delims and sub-delims; '%', '#', '[' and ']' are decided apart.
bool uri_character(char c) {
    if (is_alpha(c) || is_digit(c)) return true;
    static constexpr std::string_view allowed = "-._~:/?@!$&'()*+,;=";
    return allowed.find(c) != std::string_view::npos;
}

bool scheme_character(char c) { return is_alpha(c) || is_digit(c) || c == '+' || c == '-' || c == '.'; }

// The length of "scheme:" at the start of `text`, 0 when there is none.
std::size_t scheme_length(std::string_view text) {
    if (text.empty() || !is_alpha(text[0])) return 0;
    for (std::size_t i = 1; i < text.size(); ++i) {
        if (text[i] == ':') return i + 1;
        if (!scheme_character(text[i])) return 0;
    }
    return 0;
}

// Where the authority (after "//": user@host:port) of `text` lies, [begin, end); {0, 0} when it has none.
std::pair<std::size_t, std::size_t> authority_span(std::string_view text) {
    const std::size_t begin = scheme_length(text);
    if (text.substr(begin, 2) != "//") return {0, 0};
    const std::size_t end = text.find_first_of("/?#", begin + 2);
    return {begin + 2, end == std::string_view::npos ? text.size() : end};
}

// The host of a URL whose scheme has one by definition (http, https, ws, wss, ftp), as URL parsers
// (WHATWG's, epubcheck's) accept it: an IP literal in brackets, or dot-separated labels of
// letters, digits, '-' and '_' (and the %XX of a non-ASCII name's UTF-8), none empty but a last.
bool parsable_host(std::string_view authority) {
    if (const auto at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
    if (authority.starts_with('[')) {
        const auto close = authority.find(']');
        if (close == std::string_view::npos || close == 1) return false;
        for (char c : authority.substr(1, close - 1))
            if (!is_hex(c) && c != ':' && c != '.') return false;
        authority.remove_prefix(close + 1);
        if (authority.empty()) return true;
        if (authority[0] != ':') return false;
        for (char c : authority.substr(1))
            if (!is_digit(c)) return false;
        return true;
    }
    if (const auto colon = authority.find(':'); colon != std::string_view::npos) {
        for (char c : authority.substr(colon + 1))
            if (!is_digit(c)) return false;
        authority = authority.substr(0, colon);
    }
    if (authority.ends_with('.')) authority.remove_suffix(1);
    if (authority.empty()) return false;
    std::size_t label = 0;
    for (std::size_t i = 0; i < authority.size(); ++i) {
        const char c = authority[i];
        if (c == '.') {
            if (label == 0) return false;
            label = 0;
            continue;
        }
        if (c == '%') {  // only the escaped UTF-8 of a character outside ASCII
            if (i + 2 >= authority.size() || !is_hex(authority[i + 1]) || !is_hex(authority[i + 2]) ||
                authority[i + 1] < '8')
                return false;
            i += 2;
        } else if (!is_alpha(c) && !is_digit(c) && c != '-' && c != '_') {
            return false;
        }
        ++label;
    }
    return label > 0;
}

bool has_host_by_definition(std::string_view scheme) {
    for (std::string_view special : {"http", "https", "ws", "wss", "ftp"})
        if (is_scheme(scheme, special)) return true;
    return false;
}

bool blank(char c) { return static_cast<unsigned char>(c) <= 0x20; }

}  // namespace

std::string percent_encoded(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    bool fragment = false;
    // Brackets belong to an IP literal in the authority only (RFC 3986 3.2.2); elsewhere they
    // are escaped, as cmark escapes them.
    const auto [authority_begin, authority_end] = authority_span(text);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        bool keep = uri_character(c) || ((c == '[' || c == ']') && i >= authority_begin && i < authority_end);
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
    if (colon != std::string::npos && colon < kept.find_first_of("/?#") && scheme_length(kept) != colon + 1)
        return std::nullopt;
    return percent_encoded(kept);
}

bool has_parsable_host(std::string_view uri) {
    const std::size_t scheme = scheme_length(uri);
    if (scheme == 0 || !has_host_by_definition(uri.substr(0, scheme - 1))) return true;
    const auto [begin, end] = authority_span(uri);
    return begin == 0 || parsable_host(uri.substr(begin, end - begin));
}

std::string_view uri_scheme(std::string_view uri) {
    const std::size_t length = scheme_length(uri);
    return length == 0 ? std::string_view() : uri.substr(0, length - 1);
}

bool is_scheme(std::string_view scheme, std::string_view lowercase_name) {
    if (scheme.size() != lowercase_name.size()) return false;
    for (std::size_t i = 0; i < scheme.size(); ++i) {
        const char c = scheme[i];
        if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c) != lowercase_name[i]) return false;
    }
    return true;
}

}  // namespace fascicle
