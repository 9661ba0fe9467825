// libFuzzer target: the text layout library (ICU line breaking and grapheme clusters) that the
// plain-text and Markdown writers wrap every paragraph with. The first byte is the line width
// (1-64), the rest any bytes. Whatever they are, the wrapped lines must rejoin to the input with
// only blanks and line terminators between them, never split a grapheme cluster, and be no wider
// than the width unless nothing inside them may break; display width and cluster walks must agree.
#include <text_layout/display_width.hpp>
#include <text_layout/line_wrapper.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string_view>

namespace {

void check(bool ok) {
    if (!ok) std::abort();
}

bool removable(std::string_view gap) {
    // Blanks and line terminators: ASCII ones, NEL (C2 85), LS and PS (E2 80 A8/A9).
    for (std::size_t i = 0; i < gap.size(); ++i) {
        const auto c = static_cast<unsigned char>(gap[i]);
        if (c == ' ' || c == '\t' || (c >= '\n' && c <= '\r')) continue;
        if (gap.substr(i, 2) == "\xC2\x85") { ++i; continue; }
        if (gap.substr(i, 3) == "\xE2\x80\xA8" || gap.substr(i, 3) == "\xE2\x80\xA9") { i += 2; continue; }
        return false;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace fascicle::text_layout;
    if (size == 0) return 0;
    const std::size_t columns = 1 + data[0] % 64;
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

    std::set<std::size_t> cluster_edges{0};
    std::size_t width = 0, previous_end = 0;
    for (const auto& g : graphemes(text)) {
        check(g.begin == previous_end && g.end > g.begin);
        previous_end = g.end;
        cluster_edges.insert(g.end);
        width += g.width;
    }
    check(previous_end == text.size());
    check(width == display_width(text));

    std::set<std::size_t> breaks;
    for (const auto& o : line_break_opportunities(text)) {
        check(o.offset > 0 && o.offset <= text.size());
        breaks.insert(o.offset);
    }

    std::size_t end = 0;
    bool first = true;
    for_each_wrapped_line(text, columns, {}, [&](std::string_view line) {
        const auto begin = static_cast<std::size_t>(line.data() - text.data());
        check(begin >= end && begin + line.size() <= text.size());
        check(removable(text.substr(end, begin - end)));
        if (!first) check(breaks.count(begin) == 1 && cluster_edges.count(begin) == 1);
        check(cluster_edges.count(begin + line.size()) == 1);
        // (The last line keeps the input's trailing whitespace: it is not measured.)
        std::string_view shown = line;
        while (!shown.empty() && (shown.back() == ' ' || shown.back() == '\t' || shown.back() == '\n' ||
                                  shown.back() == '\r' || shown.back() == '\v' || shown.back() == '\f'))
            shown.remove_suffix(1);
        if (display_width(shown) > columns) {
            // Too wide only when no break the wrapper could take lies inside it after its text
            // begins (the first line keeps the input's leading whitespace).
            for (auto b = breaks.upper_bound(begin); b != breaks.end() && *b < begin + shown.size(); ++b)
                check(cluster_edges.count(*b) == 0 || removable(line.substr(0, *b - begin)));
        }
        end = begin + line.size();
        first = false;
    });
    check(text.empty() || end == text.size() || removable(text.substr(end)));
    return 0;
}
