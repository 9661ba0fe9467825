#include <text_layout/line_wrapper.hpp>

#include "ascii_line_breaks.hpp"
#include "grapheme_clusters.hpp"
#include "unicode_breaks.hpp"

#include <text_layout/code_points.hpp>


namespace fascicle::text_layout {

namespace {

bool is_line_terminator(char32_t c) {
    switch (c) {
        case U'\n': case U'\v': case U'\f': case U'\r': case 0x85: case 0x2028: case 0x2029: return true;
        default: return false;
    }
}

// Whitespace a break removes: blanks before an optional break, terminators at a mandatory one.
bool is_break_whitespace(char32_t c) { return c == U' ' || c == U'\t' || is_line_terminator(c); }

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

// The length of the printable ASCII run from `at` up to `end` (a break or the text's end), each
// character a cluster of its own: not the last when what follows it may extend its cluster.
std::size_t printable_run(std::string_view text, std::size_t at, std::size_t end) {
    if (end <= at) return 0;
    for (std::size_t i = at; i < end; ++i)
        if (!AsciiLineBreaks::printable(static_cast<unsigned char>(text[i]))) return 0;
    if (end < text.size() && static_cast<unsigned char>(text[end]) >= 0x80) --end;
    return end - at;
}

// Walks the pieces between the breaks UAX #14 allows at grapheme cluster boundaries (a break
// inside a cluster, such as before a mark after a space, is not taken) and the filter does not
// veto, handing each to `take`. It holds one piece at a time, whatever the text's length.
template <typename Take>
void for_each_piece(std::string_view text, const BreakFilter& may_break, Take&& take) {
    BoundaryWalker breaks(text, BoundaryWalker::Kind::line);
    std::size_t next_break = 0;
    bool next_mandatory = false;
    bool breaks_left = breaks.next(next_break, next_mandatory);

    GraphemeClusters clusters(text);
    Piece piece;                   // being built from clusters
    Piece pending;                 // built, and joined to the next unless a break may come after it
    bool has_pending = false;
    for (std::size_t at = 0; at < text.size();) {
        while (breaks_left && next_break <= at) breaks_left = breaks.next(next_break, next_mandatory);
        Grapheme g;
        if (const auto run = printable_run(text, at, breaks_left ? next_break : text.size())) {
            // Up to the next break, printable ASCII: one column and one cluster a character, no
            // terminator (so no mandatory break), no blank but the space. Taken at once.
            g = {at, at + run, 1, static_cast<unsigned char>(text[at + run - 1]), true};
            clusters.skip_to(g.end);
            const auto visible = text.substr(at, run).find_last_not_of(' ');
            if (visible != std::string_view::npos) {
                piece.width += piece.blank_width + visible + 1;
                piece.blank_width = run - visible - 1;
                piece.visible_end = at + visible + 1;
            } else {
                piece.blank_width += run;
            }
        } else {
            clusters.next(g);
            while (breaks_left && next_break < g.end) breaks_left = breaks.next(next_break, next_mandatory);
            if ((g.single_code_point || g.first == U'\r') && is_break_whitespace(g.first)) {
                piece.blank_width += g.width;
            } else {
                piece.width += piece.blank_width + g.width;
                piece.blank_width = 0;
                piece.visible_end = g.end;
            }
        }
        at = g.end;
        const bool at_end = g.end == text.size();
        const bool break_here = breaks_left && next_break == g.end;
        // (At the end of the text ICU always says "must break"; only a terminator counts there.)
        const bool mandatory = break_here && next_mandatory && (!at_end || is_line_terminator(g.first));
        piece.end = g.end;
        if (!(mandatory || (break_here && !at_end)) && !at_end) continue;

        piece.mandatory = mandatory;
        if (has_pending) pending.absorb(piece);
        else pending = piece;
        has_pending = true;
        const bool joins_next = (pending.end < text.size() || pending.mandatory) && may_break &&
                                !may_break(pending.visible_end, pending.end);
        if (joins_next) {
            pending.mandatory = false;
        } else {
            take(pending);
            has_pending = false;
        }
        piece = Piece{g.end, g.end, g.end};
    }
    if (has_pending) take(pending);
}

}  // namespace

std::vector<BreakOpportunity> line_break_opportunities(std::string_view text) {
    std::vector<BreakOpportunity> out;
    BoundaryWalker breaks(text, BoundaryWalker::Kind::line);
    std::size_t offset = 0;
    bool mandatory = false;
    while (breaks.next(offset, mandatory)) {
        if (offset < text.size()) {
            out.push_back({offset, mandatory});
        } else if (mandatory) {  // the end: a line starts there only after a final terminator
            // (The last code point lies in the last four bytes.)
            const auto last = code_points(text.substr(text.size() - std::min<std::size_t>(text.size(), 4))).back();
            if (is_line_terminator(last.value)) out.push_back({offset, true});
        }
    }
    return out;
}

void for_each_wrapped_line(std::string_view text, std::size_t columns, const BreakFilter& may_break_before,
                           const std::function<void(std::string_view)>& line) {
    if (text.empty()) return;

    // The line being filled: from line_begin to the end of its last visible piece.
    std::size_t line_begin = 0;
    std::size_t visible_end = 0;
    std::size_t width = 0;          // of [line_begin, visible_end)
    std::size_t pending_blank = 0;  // width of the whitespace after visible_end
    auto end_line = [&](std::size_t next_begin) {
        line(text.substr(line_begin, visible_end - line_begin));
        line_begin = visible_end = next_begin;
        width = pending_blank = 0;
    };

    for_each_piece(text, may_break_before, [&](const Piece& p) {
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
    });
    // The last line runs to the end of the text, trailing whitespace and all.
    line(text.substr(line_begin));
}

std::vector<std::string_view> wrap_lines(std::string_view text, std::size_t columns,
                                         const BreakFilter& may_break_before) {
    std::vector<std::string_view> lines;
    for_each_wrapped_line(text, columns, may_break_before, [&](std::string_view l) { lines.push_back(l); });
    return lines;
}

}  // namespace fascicle::text_layout
