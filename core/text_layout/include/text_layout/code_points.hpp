// UTF-8 decoded the way the text layout code agrees on: a byte that does not start a valid
// sequence is one U+FFFD of its own, so any byte string can be measured and wrapped.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace fascicle::text_layout {

struct CodePoint {
    std::size_t offset = 0;  // of its first byte
    std::size_t length = 0;  // in bytes
    char32_t value = 0;
    bool valid = true;
};

std::vector<CodePoint> code_points(std::string_view text);

// True when every byte is ASCII: the text layout code then takes its short paths.
bool is_ascii(std::string_view text);

}  // namespace fascicle::text_layout
