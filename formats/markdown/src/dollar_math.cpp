#include "dollar_math.hpp"

#include <cctype>

namespace fascicle::markdown {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n'; }

Inline math_inline(std::string tex) {
    Inline m;
    m.kind = Inline::Kind::math;
    m.math.tex = std::move(tex);
    return m;
}

// Where the math opened at `open` (a '$') closes, or npos.
std::size_t closing_dollar(std::string_view text, std::size_t open) {
    if (open + 1 >= text.size() || is_blank(text[open + 1])) return std::string_view::npos;
    for (std::size_t i = open + 1; i < text.size(); ++i) {
        if (text[i] == '\\') {
            ++i;
            continue;
        }
        if (text[i] != '$') continue;
        if (is_blank(text[i - 1])) continue;
        if (i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1]))) continue;
        return i;
    }
    return std::string_view::npos;
}

}  // namespace

std::vector<Inline> split_dollar_math(std::string_view text) {
    std::vector<Inline> out;
    std::string plain;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '$') {
            const bool twice = i + 1 < text.size() && text[i + 1] == '$';
            if (twice) {
                const std::size_t end = text.find("$$", i + 2);
                if (end != std::string_view::npos && end > i + 2) {
                    if (!plain.empty()) out.push_back(Inline::plain(std::move(plain)));
                    plain.clear();
                    out.push_back(math_inline(std::string(text.substr(i + 2, end - i - 2))));
                    i = end + 1;
                    continue;
                }
            } else if (const std::size_t end = closing_dollar(text, i); end != std::string_view::npos) {
                if (!plain.empty()) out.push_back(Inline::plain(std::move(plain)));
                plain.clear();
                out.push_back(math_inline(std::string(text.substr(i + 1, end - i - 1))));
                i = end;
                continue;
            }
        }
        plain += text[i];
    }
    if (!plain.empty()) out.push_back(Inline::plain(std::move(plain)));
    return out;
}

std::optional<std::string> display_math_of(std::string_view text) {
    while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
    if (text.size() < 5 || !text.starts_with("$$") || !text.ends_with("$$")) return std::nullopt;
    std::string_view tex = text.substr(2, text.size() - 4);
    if (tex.find("$$") != std::string_view::npos) return std::nullopt;
    while (!tex.empty() && is_blank(tex.front())) tex.remove_prefix(1);
    while (!tex.empty() && is_blank(tex.back())) tex.remove_suffix(1);
    if (tex.empty()) return std::nullopt;
    return std::string(tex);
}

}  // namespace fascicle::markdown
