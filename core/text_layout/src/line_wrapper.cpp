#include <text_layout/line_wrapper.hpp>

#include <text_layout/code_points.hpp>
#include <text_layout/display_width.hpp>

#include <linebreak.h>

#include <mutex>

namespace fascicle::text_layout {

namespace {

void ensure_libunibreak_initialized() {
    static std::once_flag once;
    std::call_once(once, [] { init_linebreak(); });
}

bool is_line_terminator(char32_t c) {
    switch (c) {
        case U'\n': case U'\v': case U'\f': case U'\r': case 0x85: case 0x2028: case 0x2029: return true;
        default: return false;
    }
}

// Whitespace a break removes: blanks before an optional break, terminators at a mandatory one.
bool is_break_whitespace(char32_t c) { return c == U' ' || c == U'\t' || is_line_terminator(c); }

// A grapheme cluster, and what UAX #14 says about a break right after it.
struct Cluster {
    Grapheme grapheme;
    bool break_after = false;
    bool mandatory = false;
    bool whitespace = false;
};

// libunibreak 1.1 (Debian 12) asserts on regional indicators, which its pair table lacks, and
// on U+FFFF, its end-of-text mark. Grapheme clusters already keep a flag's pair together, and
// a break is allowed around a flag as around an ideograph: that is the stand-in.
char32_t as_libunibreak_knows(char32_t c) {
    if (c >= 0x1F1E6 && c <= 0x1F1FF) return 0x5B57;
    if (c == 0xFFFF) return 0xFFFD;
    return c;
}

// What UAX #14 says after the code point that ends at each byte offset.
std::vector<char> breaks_at_ends(std::string_view text) {
    ensure_libunibreak_initialized();
    std::vector<char> break_at_end(text.size() + 1, LINEBREAK_NOBREAK);
    if (is_ascii(text)) {  // one code point per byte, none of them one libunibreak stumbles on
        set_linebreaks_utf8(reinterpret_cast<const utf8_t*>(text.data()), text.size(), nullptr, break_at_end.data() + 1);
        return break_at_end;
    }
    const auto cps = code_points(text);
    std::vector<utf32_t> utf32;
    utf32.reserve(cps.size());
    for (const auto& cp : cps) utf32.push_back(as_libunibreak_knows(cp.value));
    std::vector<char> breaks(utf32.size());
    set_linebreaks_utf32(utf32.data(), utf32.size(), nullptr, breaks.data());
    for (std::size_t k = 0; k < cps.size(); ++k) break_at_end[cps[k].offset + cps[k].length] = breaks[k];
    return break_at_end;
}

std::vector<Cluster> clusters_of(std::string_view text) {
    const auto break_at_end = breaks_at_ends(text);

    const auto clusters = graphemes(text);
    std::vector<Cluster> out;
    out.reserve(clusters.size());  // growing would also make the heap shrink and grow again
    for (const auto& g : clusters) {
        // (At the end of the text it always says "must break"; only a terminator counts there.)
        const char b = break_at_end[g.end];
        const bool at_end = g.end == text.size();
        Cluster c{g};
        c.mandatory = b == LINEBREAK_MUSTBREAK && (!at_end || is_line_terminator(g.first));
        c.break_after = c.mandatory || (b == LINEBREAK_ALLOWBREAK && !at_end);
        c.whitespace = (g.single_code_point || g.first == U'\r') && is_break_whitespace(g.first);
        out.push_back(c);
    }
    return out;
}

}  // namespace

std::vector<BreakOpportunity> line_break_opportunities(std::string_view text) {
    std::vector<BreakOpportunity> out;
    for (const auto& c : clusters_of(text))
        if (c.break_after) out.push_back({c.grapheme.end, c.mandatory});
    return out;
}

namespace {

// What lies between two breaks a line may take: its visible part [begin, visible_end) and the
// whitespace after it, up to `end`, which a break there removes.
struct Piece {
    std::size_t begin = 0;
    std::size_t visible_end = 0;
    std::size_t end = 0;
    std::size_t width = 0;        // of the visible part
    std::size_t blank_width = 0;  // of the whitespace
    bool mandatory = false;       // the line must end after it

    bool has_text() const { return visible_end > begin; }

    // This piece and the next as one, when no break may come between them.
    void absorb(const Piece& next) {
        if (next.has_text()) {
            width += blank_width + next.width;
            blank_width = next.blank_width;
            visible_end = next.visible_end;
        } else {
            blank_width += next.blank_width;
        }
        end = next.end;
        mandatory = next.mandatory;
    }
};

// The pieces between the breaks that UAX #14 allows and the filter does not veto.
std::vector<Piece> pieces_of(std::string_view text, const BreakFilter& may_break) {
    const auto clusters = clusters_of(text);
    std::vector<Piece> pieces;
    bool joins_previous = false;
    std::size_t first = 0;  // the piece's first cluster
    for (std::size_t i = 0; i < clusters.size(); ++i) {
        if (!clusters[i].break_after && i + 1 < clusters.size()) continue;
        std::size_t visible = i + 1;
        while (visible > first && clusters[visible - 1].whitespace) --visible;
        Piece p;
        p.begin = clusters[first].grapheme.begin;
        p.visible_end = visible > first ? clusters[visible - 1].grapheme.end : p.begin;
        p.end = clusters[i].grapheme.end;
        for (std::size_t k = first; k < visible; ++k) p.width += clusters[k].grapheme.width;
        for (std::size_t k = visible; k <= i; ++k) p.blank_width += clusters[k].grapheme.width;
        p.mandatory = clusters[i].mandatory;
        if (joins_previous)
            pieces.back().absorb(p);
        else
            pieces.push_back(p);
        const Piece& last = pieces.back();
        joins_previous = last.end < text.size() || last.mandatory
                             ? may_break && !may_break(last.visible_end, last.end)
                             : false;
        if (joins_previous) pieces.back().mandatory = false;
        first = i + 1;
    }
    return pieces;
}

}  // namespace

std::vector<std::string_view> wrap_lines(std::string_view text, std::size_t columns,
                                         const BreakFilter& may_break_before) {
    std::vector<std::string_view> lines;
    if (text.empty()) return lines;

    // The line being filled: from line_begin to the end of its last visible piece.
    std::size_t line_begin = 0;
    std::size_t visible_end = 0;
    std::size_t width = 0;          // of [line_begin, visible_end)
    std::size_t pending_blank = 0;  // width of the whitespace after visible_end
    auto end_line = [&](std::size_t next_begin) {
        lines.push_back(text.substr(line_begin, visible_end - line_begin));
        line_begin = visible_end = next_begin;
        width = pending_blank = 0;
    };

    for (const Piece& p : pieces_of(text, may_break_before)) {
        if (p.has_text()) {
            const bool line_has_text = visible_end > line_begin;
            if (line_has_text && width + pending_blank + p.width > columns) end_line(p.begin);
            width += pending_blank + p.width;
            visible_end = p.visible_end;
            pending_blank = p.blank_width;
        } else {
            pending_blank += p.blank_width;
        }
        if (p.mandatory) end_line(p.end);
    }
    // The last line runs to the end of the text, trailing whitespace and all.
    lines.push_back(text.substr(line_begin));
    return lines;
}

}  // namespace fascicle::text_layout
