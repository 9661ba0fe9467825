#include <text_layout/display_width.hpp>

#include "grapheme_clusters.hpp"

#include <text_layout/code_points.hpp>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace fascicle::text_layout {

namespace {

constexpr char32_t emoji_presentation_selector = 0xFE0F;

bool is_regional_indicator(char32_t c) { return c >= 0x1F1E6 && c <= 0x1F1FF; }

std::size_t ascii_width(unsigned char c) { return c < 0x20 || c == 0x7F ? 0 : 1; }

}  // namespace

// What terminals do (the rules of wcwidth, with Unicode 15's data from ICU): controls, marks
// that do not space, format characters but the soft hyphen, and the vowels and final consonants
// that join a Hangul syllable take no column; East Asian Wide and Fullwidth characters take two,
// as do emoji that a presentation selector or a flag pair shows as pictures; the rest one
// (Ambiguous ones too, as in a Western locale).
std::size_t code_point_width(char32_t c) {
    if (c < 0x80) return ascii_width(static_cast<unsigned char>(c));
    if (c == emoji_presentation_selector || is_regional_indicator(c)) return 2;
    const auto cp = static_cast<UChar32>(c);
    switch (u_charType(cp)) {
        case U_CONTROL_CHAR:
        case U_NON_SPACING_MARK:
        case U_ENCLOSING_MARK:
        case U_LINE_SEPARATOR:
        case U_PARAGRAPH_SEPARATOR: return 0;
        case U_FORMAT_CHAR: return c == 0xAD ? 1 : 0;
        default: break;
    }
    if ((c >= 0x1160 && c <= 0x11FF) || (c >= 0xD7B0 && c <= 0xD7FF)) return 0;
    const auto width = u_getIntPropertyValue(cp, UCHAR_EAST_ASIAN_WIDTH);
    return width == U_EA_WIDE || width == U_EA_FULLWIDTH ? 2 : 1;
}

GraphemeClusters::GraphemeClusters(std::string_view text) : text_(text) {}

bool GraphemeClusters::next(Grapheme& out) {
    if (begin_ >= text_.size()) return false;
    const auto* bytes = reinterpret_cast<const uint8_t*>(text_.data());
    const std::size_t after = begin_ + 1;
    // An ASCII character followed by one (or the end) is a cluster of its own, CR LF excepted:
    // nothing ASCII extends a cluster or is a prefix (GB9-GB9b, GB11-GB13). Most text is mostly
    // ASCII, and this short path is most of the clusters.
    if (bytes[begin_] < 0x80 && (after == text_.size() || bytes[after] < 0x80)) {
        const std::size_t end = bytes[begin_] == '\r' && after < text_.size() && bytes[after] == '\n' ? after + 1 : after;
        out = {begin_, end, ascii_width(bytes[begin_]), bytes[begin_], end == after};
        begin_ = end;
        return true;
    }
    if (!boundaries_) boundaries_.emplace(text_, BoundaryWalker::Kind::grapheme);
    std::size_t end = text_.size();
    if (!boundaries_->following(begin_, end)) end = text_.size();
    // Each code point, a byte that is not UTF-8 read as U+FFFD (one column), as ICU read it.
    out = {begin_, end, 0, 0, true};
    std::size_t count = 0;
    for (std::size_t i = begin_; i < end; ++count) {
        UChar32 c = 0;
        auto at = static_cast<int32_t>(i - begin_);
        U8_NEXT_OR_FFFD(bytes + begin_, at, static_cast<int32_t>(end - begin_), c);
        i = begin_ + static_cast<std::size_t>(at);
        if (count == 0) out.first = static_cast<char32_t>(c);
        out.width = std::max(out.width, code_point_width(static_cast<char32_t>(c)));
    }
    out.single_code_point = count == 1;
    begin_ = end;
    return true;
}

std::vector<Grapheme> graphemes(std::string_view text) {
    std::vector<Grapheme> out;
    GraphemeClusters clusters(text);
    for (Grapheme g; clusters.next(g);) out.push_back(g);
    return out;
}

std::size_t display_width(std::string_view text) {
    if (is_ascii(text))
        return static_cast<std::size_t>(
            std::count_if(text.begin(), text.end(), [](char c) { return ascii_width(static_cast<unsigned char>(c)) == 1; }));
    std::size_t width = 0;
    GraphemeClusters clusters(text);
    for (Grapheme g; clusters.next(g);) width += g.width;
    return width;
}

}  // namespace fascicle::text_layout
