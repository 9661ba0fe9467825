#include "gfm_autolink_guard.hpp"

#include <array>
#include <string_view>

namespace fascicle::markdown {

namespace {

char32_t lower(char32_t c) { return c >= U'A' && c <= U'Z' ? c + 32 : c; }
bool is_ascii_alnum(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9'); }

// Whether `word` (lower case ASCII) ends at `end` (exclusive), case-insensitively.
bool ends_with(const CodePointView& t, std::size_t end, std::string_view word) {
    if (end < word.size()) return false;
    for (std::size_t k = 0; k < word.size(); ++k)
        if (lower(t[end - word.size() + k]) != static_cast<char32_t>(word[k])) return false;
    return true;
}

// Whether a domain as the extension takes one starts at `i`: letters, digits, '-' and '_', with a
// '.' followed by a letter or digit among them, ending in a letter (cmark-gfm's autolink.c).
bool domain_follows(const CodePointView& t, std::size_t i) {
    bool dot = false;
    std::size_t k = i;
    for (; k < t.size(); ++k) {
        const char32_t c = t[k];
        if (c == U'.' && k + 1 < t.size() && is_ascii_alnum(t[k + 1]) && k > i) dot = true;
        else if (!is_ascii_alnum(c) && c != U'-' && c != U'_') break;
    }
    const char32_t last = k > i ? lower(t[k - 1]) : U' ';
    return dot && last >= U'a' && last <= U'z';
}

}  // namespace

std::vector<std::size_t> autolink_triggers(const CodePointView& t) {
    const std::size_t n = t.size();
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < n; ++i) {
        const char32_t c = t[i];
        if (c == U':' && i + 2 < n && t[i + 1] == U'/' && t[i + 2] == U'/') {
            for (std::string_view scheme : {"http", "https", "ftp"})
                if (ends_with(t, i, scheme)) {
                    out.push_back(i);
                    break;
                }
        } else if (c == U'.' && ends_with(t, i, "www")) {
            out.push_back(i);
        } else if (c == U'@' && i > 0 && domain_follows(t, i + 1)) {
            const char32_t before = t[i - 1];
            if (is_ascii_alnum(before) || before == U'.' || before == U'-' || before == U'_' || before == U'+') out.push_back(i);
        }
    }
    return out;
}

}  // namespace fascicle::markdown
