#include <fascicle/text.hpp>

#include <cstdint>
#include <cstring>

namespace fascicle {

std::optional<std::size_t> find_invalid_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        // Eight ASCII bytes at a time: most text is mostly ASCII, and every reader checks it all.
        for (std::uint64_t word; i + 8 <= n; i += 8) {
            std::memcpy(&word, p + i, 8);
            if (word & 0x8080808080808080u) break;
        }
        if (i >= n) break;
        unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len;
        char32_t min;
        char32_t cp;
        if ((c & 0xE0) == 0xC0) { len = 2; min = 0x80; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { len = 3; min = 0x800; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { len = 4; min = 0x10000; cp = c & 0x07; }
        else return i;
        if (n - i < len) return i;
        for (std::size_t k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) return i;
            cp = cp << 6 | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += len;
    }
    return std::nullopt;
}

void append_utf8(std::string& out, char32_t code_point) {
    if (code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) code_point = 0xFFFD;
    if (code_point < 0x80) {
        out += char(code_point);
    } else if (code_point < 0x800) {
        out += char(0xC0 | (code_point >> 6));
        out += char(0x80 | (code_point & 0x3F));
    } else if (code_point < 0x10000) {
        out += char(0xE0 | (code_point >> 12));
        out += char(0x80 | ((code_point >> 6) & 0x3F));
        out += char(0x80 | (code_point & 0x3F));
    } else {
        out += char(0xF0 | (code_point >> 18));
        out += char(0x80 | ((code_point >> 12) & 0x3F));
        out += char(0x80 | ((code_point >> 6) & 0x3F));
        out += char(0x80 | (code_point & 0x3F));
    }
}

bool is_xml_char(char32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
           (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

namespace {
bool ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
}  // namespace

std::string slugify(std::string_view title) {
    std::string out;
    bool pending_dash = false;
    for (std::size_t i = 0; i < title.size(); ++i) {
        char c = title[i];
        if (ascii_alnum(c)) {
            if (pending_dash && !out.empty()) out += '-';
            pending_dash = false;
            out += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
        } else if (c == '\'' || title.substr(i, 3) == "\u2019") {
            // An apostrophe joins its word: "Kratom's" gives "kratoms".
            if (c != '\'') i += 2;
        } else if (static_cast<unsigned char>(c) < 0x80 || (static_cast<unsigned char>(c) & 0xC0) == 0xC0) {
            // ASCII punctuation or the first byte of a non-ASCII character: a word break.
            pending_dash = true;
        }
    }
    return out.empty() ? "section" : out;
}

std::string to_ncname(std::string_view text, std::string_view prefix) {
    std::string out;
    out.reserve(text.size() + prefix.size());  // (a writer makes one for each part of each article)
    for (char c : text) {
        bool ok = ascii_alnum(c) || c == '_' || c == '-' || c == '.';
        out += ok ? c : '-';
    }
    if (out.empty() || !((out[0] >= 'a' && out[0] <= 'z') || (out[0] >= 'A' && out[0] <= 'Z') || out[0] == '_'))
        out.insert(0, prefix);
    return out;
}

std::string UniqueIds::take(const std::string& base) {
    std::string id = base;
    for (int n = 2; taken_.count(id); ++n) id = base + "-" + std::to_string(n);
    taken_.insert(id);
    return id;
}

}  // namespace fascicle
