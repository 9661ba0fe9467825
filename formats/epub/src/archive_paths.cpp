#include "archive_paths.hpp"

#include <fascicle/uri.hpp>

#include <vector>

namespace fascicle::epub::reader {

namespace {

bool ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool ascii_digit(char c) { return c >= '0' && c <= '9'; }

// RFC 3986: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), then ':'.
bool href_has_scheme(std::string_view href) { return !uri_scheme(href).empty(); }

int hex_value(char c) {
    if (ascii_digit(c)) return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// "%20" -> " "; a '%' not followed by two hex digits stays as it is.
std::string percent_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            const int high = hex_value(text[i + 1]);
            const int low = hex_value(text[i + 2]);
            if (high >= 0 && low >= 0) {
                out += char(high * 16 + low);
                i += 2;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

}  // namespace

bool escapes_archive(std::string_view name) {
    if (name.empty() || name[0] == '/' || name[0] == '\\') return true;
    if (name.size() >= 2 && ascii_letter(name[0]) && name[1] == ':') return true;
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t end = name.find_first_of("/\\", start);
        if (end == std::string_view::npos) end = name.size();
        if (name.substr(start, end - start) == "..") return true;
        start = end + 1;
    }
    return false;
}

std::optional<std::string> resolve_href(std::string_view base, std::string_view href) {
    if (href_has_scheme(href)) return std::nullopt;
    href = href.substr(0, href.find_first_of("#?"));
    if (href.empty()) return std::string(base);
    if (href[0] == '/') return std::nullopt;

    const std::size_t slash = base.rfind('/');
    const std::string path =
        (slash == std::string_view::npos ? std::string() : std::string(base.substr(0, slash + 1))) +
        percent_decode(href);

    std::vector<std::string> segments;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string::npos) end = path.size();
        const std::string segment = path.substr(start, end - start);
        if (segment == "..") {
            if (segments.empty()) return std::nullopt;
            segments.pop_back();
        } else if (segment != "." && !segment.empty()) {
            segments.push_back(segment);
        }
        start = end + 1;
    }
    if (segments.empty()) return std::nullopt;
    std::string out;
    for (const auto& s : segments) out += (out.empty() ? "" : "/") + s;
    return out;
}

std::string percent_decoded(std::string_view text) { return percent_decode(text); }

namespace {

std::vector<std::string_view> path_segments(std::string_view path) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        out.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

// A decoded name as an href's segment: what would read as an escape, a query or a fragment is
// escaped first, then what a URI cannot hold.
std::string encoded_segment(std::string_view segment) {
    std::string out;
    for (char c : segment) {
        if (c == '%') out += "%25";
        else if (c == '#') out += "%23";
        else if (c == '?') out += "%3F";
        else out += c;
    }
    return percent_encoded(out);
}

}  // namespace

std::string relative_href(std::string_view base, std::string_view target) {
    const std::size_t hash = target.find('#');
    const std::string_view path = target.substr(0, hash);
    std::vector<std::string_view> from = path_segments(base);
    from.pop_back();  // the document's own name
    const std::vector<std::string_view> to = path_segments(path);
    std::size_t common = 0;
    while (common < from.size() && common + 1 < to.size() && from[common] == to[common]) ++common;
    std::string out;
    for (std::size_t i = common; i < from.size(); ++i) out += "../";
    for (std::size_t i = common; i < to.size(); ++i) out += (i > common ? "/" : "") + encoded_segment(to[i]);
    if (hash != std::string_view::npos) out += "#" + percent_encoded(target.substr(hash + 1));
    return out;
}

std::string entry_stem(std::string_view name) {
    const std::size_t slash = name.rfind('/');
    std::string_view file = slash == std::string_view::npos ? name : name.substr(slash + 1);
    const std::size_t dot = file.rfind('.');
    if (dot != std::string_view::npos && dot > 0) file = file.substr(0, dot);
    return std::string(file);
}

}  // namespace fascicle::epub::reader
