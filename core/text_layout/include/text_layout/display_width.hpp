// How wide UTF-8 text is on a terminal, measured per grapheme cluster (UAX #29, via ICU):
// wide East Asian characters and emoji take two columns, combining marks none, and an emoji
// ZWJ sequence or a flag counts once.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace fascicle::text_layout {

// One user-perceived character: bytes [begin, end) of the text and its width in columns.
// A byte that does not start valid UTF-8 is a cluster of its own, one column wide.
struct Grapheme {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::size_t width = 0;
    char32_t first = 0;  // its first code point (U+FFFD for an invalid byte)
    bool single_code_point = true;
};

std::vector<Grapheme> graphemes(std::string_view text);

std::size_t display_width(std::string_view text);

}  // namespace fascicle::text_layout
