#include <text_layout/code_points.hpp>

#include <unicode/utf8.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace fascicle::text_layout {

std::vector<CodePoint> code_points(std::string_view text) {
    std::vector<CodePoint> out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto byte = static_cast<unsigned char>(text[pos]);
        if (byte < 0x80) {  // ASCII, most of most text, decodes to itself
            out.push_back({pos++, 1, byte, true});
            continue;
        }
        // ICU decodes at most four bytes at a time: the rest of the text need not fit an int32_t.
        const auto* bytes = reinterpret_cast<const uint8_t*>(text.data() + pos);
        const auto available = static_cast<int32_t>(std::min<std::size_t>(text.size() - pos, 4));
        int32_t n = 0;
        UChar32 cp = 0;
        U8_NEXT(bytes, n, available, cp);
        if (cp >= 0)
            out.push_back({pos, static_cast<std::size_t>(n), static_cast<char32_t>(cp), true});
        else
            out.push_back({pos, 1, 0xFFFD, false});
        pos += out.back().length;
    }
    return out;
}

bool is_ascii(std::string_view text) {
    // Eight bytes a test: the Markdown writer asks it of every piece of text it escapes.
    std::size_t i = 0;
    for (std::uint64_t word; i + 8 <= text.size(); i += 8) {
        std::memcpy(&word, text.data() + i, 8);
        if (word & 0x8080808080808080u) return false;
    }
    return std::all_of(text.begin() + static_cast<std::ptrdiff_t>(i), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace fascicle::text_layout
