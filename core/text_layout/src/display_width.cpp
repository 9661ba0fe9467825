#include <text_layout/display_width.hpp>

#include <text_layout/code_points.hpp>

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <bitset>
#include <cstdint>

namespace fascicle::text_layout {

namespace {

constexpr char32_t emoji_presentation_selector = 0xFE0F;

bool is_regional_indicator(char32_t c) { return c >= 0x1F1E6 && c <= 0x1F1FF; }

// Width of a code point inside a cluster. utf8proc gives East Asian Width (wide and fullwidth
// are 2, ambiguous are 1) and 0 for marks and controls; emoji that a selector or a flag pair
// shows as pictures are two columns on every terminal, whatever the base character says.
std::size_t code_point_width(char32_t c) {
    if (c == emoji_presentation_selector || is_regional_indicator(c)) return 2;
    int w = utf8proc_charwidth(static_cast<utf8proc_int32_t>(c));
    return w > 0 ? static_cast<std::size_t>(w) : 0;
}

// What utf8proc says of ASCII, asked once: each character's width, and whether a cluster
// boundary lies between each two. Most text is mostly ASCII, and asking utf8proc per character
// was a fifth of the plain-text writer's time. Between two ASCII characters the rules need no
// state, and utf8proc's state after an ASCII character is only that character's class, which
// it takes again from the previous character when the state is reset.
struct AsciiGraphemeRules {
    std::array<std::uint8_t, 128> width{};
    std::array<std::bitset<128>, 128> boundary{};  // [previous][next]
};

const AsciiGraphemeRules& ascii_grapheme_rules() {
    static const AsciiGraphemeRules rules = [] {
        AsciiGraphemeRules r;
        for (char32_t a = 0; a < 128; ++a) {
            r.width[a] = static_cast<std::uint8_t>(code_point_width(a));
            for (char32_t b = 0; b < 128; ++b) {
                utf8proc_int32_t state = 0;
                r.boundary[a][b] = utf8proc_grapheme_break_stateful(static_cast<utf8proc_int32_t>(a),
                                                                    static_cast<utf8proc_int32_t>(b), &state);
            }
        }
        return r;
    }();
    return rules;
}

}  // namespace

std::vector<Grapheme> graphemes(std::string_view text) {
    const auto& ascii = ascii_grapheme_rules();
    auto width_of = [&](char32_t c) -> std::size_t { return c < 128 ? ascii.width[c] : code_point_width(c); };
    std::vector<Grapheme> out;
    utf8proc_int32_t state = 0;
    const CodePoint* previous = nullptr;
    const auto cps = code_points(text);
    out.reserve(cps.size());
    for (const auto& cp : cps) {
        bool starts_cluster = true;
        if (previous && cp.valid && previous->valid) {
            if (previous->value < 128 && cp.value < 128) {
                starts_cluster = ascii.boundary[previous->value][cp.value];
                state = 0;
            } else {
                starts_cluster = utf8proc_grapheme_break_stateful(static_cast<utf8proc_int32_t>(previous->value),
                                                                  static_cast<utf8proc_int32_t>(cp.value), &state);
            }
        }
        if (!cp.valid) state = 0;  // start afresh after a byte that is not UTF-8
        if (starts_cluster) {
            out.push_back({cp.offset, cp.offset + cp.length, cp.valid ? width_of(cp.value) : 1, cp.value, true});
        } else {
            auto& g = out.back();
            g.end = cp.offset + cp.length;
            g.width = std::max(g.width, width_of(cp.value));
            g.single_code_point = false;
        }
        previous = &cp;
    }
    return out;
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (const auto& g : graphemes(text)) width += g.width;
    return width;
}

}  // namespace fascicle::text_layout
