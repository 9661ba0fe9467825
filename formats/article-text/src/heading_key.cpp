#include "heading_key.hpp"

#include <algorithm>
#include <array>

namespace fascicle::article_text {

namespace {

struct Replacement {
    std::string_view utf8;
    char ascii;  // ' ' marks white space
};

// U+00A0, U+2000-U+200A, U+202F, U+205F, U+3000 are spaces; U+2018-U+201B and U+201C-U+201F quotes.
constexpr std::array<Replacement, 23> replacements{{
    {"\u00A0", ' '}, {"\u2000", ' '}, {"\u2001", ' '}, {"\u2002", ' '}, {"\u2003", ' '},
    {"\u2004", ' '}, {"\u2005", ' '}, {"\u2006", ' '}, {"\u2007", ' '}, {"\u2008", ' '},
    {"\u2009", ' '}, {"\u200A", ' '}, {"\u202F", ' '}, {"\u205F", ' '}, {"\u3000", ' '},
    {"\u2018", '\''}, {"\u2019", '\''}, {"\u201A", '\''}, {"\u201B", '\''},
    {"\u201C", '"'}, {"\u201D", '"'}, {"\u201E", '"'}, {"\u201F", '"'},
}};

}  // namespace

std::string heading_key(std::string_view text, std::size_t limit) {
    std::string key;
    key.reserve(std::min(text.size(), limit) + 1);
    bool pending_space = false;
    std::size_t i = 0;
    while (i < text.size() && key.size() <= limit) {
        char c = text[i];
        std::size_t length = 1;
        // Every replacement begins with C2, E2 or E3: other bytes need no look at the table.
        const auto lead = static_cast<unsigned char>(c);
        if (lead == 0xC2 || lead == 0xE2 || lead == 0xE3) {
            for (const auto& r : replacements) {
                if (text.substr(i, r.utf8.size()) == r.utf8) {
                    c = r.ascii;
                    length = r.utf8.size();
                    break;
                }
            }
        }
        if (c == ' ' || c == '\t') {
            pending_space = true;
        } else {
            if (pending_space && !key.empty()) key += ' ';
            pending_space = false;
            key += c;
        }
        i += length;
    }
    return key;
}

}  // namespace fascicle::article_text
