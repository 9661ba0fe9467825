#include <text_layout/code_points.hpp>

#include <utf8proc.h>

#include <algorithm>

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
        utf8proc_int32_t cp = 0;
        auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                                  static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
        if (n > 0)
            out.push_back({pos, static_cast<std::size_t>(n), static_cast<char32_t>(cp), true});
        else
            out.push_back({pos, 1, 0xFFFD, false});
        pos += out.back().length;
    }
    return out;
}

bool is_ascii(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace fascicle::text_layout
