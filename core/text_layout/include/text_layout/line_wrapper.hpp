// Fills lines greedily up to a display width, breaking only where Unicode line breaking
// (UAX #14 of Unicode 15, via ICU) allows and never inside a grapheme cluster (UAX #29).
//
// What a line holds: the text between two breaks, less the whitespace at the break (the blanks
// before an optional break; the line terminator and the blanks before it at a mandatory one).
// So the input equals the lines joined back with, between each two, the whitespace removed
// there: the first line keeps the input's leading whitespace, the last its trailing whitespace,
// and a final line terminator ends the text with an empty line.
// A line is never wider than `columns` unless it is one unbreakable piece (a long word).
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

namespace fascicle::text_layout {

struct BreakOpportunity {
    std::size_t offset = 0;  // a line may start at this byte offset
    bool mandatory = false;  // after a line terminator: the line must end here
};

// Every place where UAX #14 lets a line start: inside the text, and at its end after a final line
// terminator (never at 0). The wrapper takes those at grapheme cluster boundaries.
std::vector<BreakOpportunity> line_break_opportunities(std::string_view text);

// Asked before each break: it would end the line at `removed_begin`, drop the whitespace up to
// `next_begin` and start the next line there. False forbids that break, even a mandatory one:
// a caller with a syntax of its own (Markdown) vetoes breaks with it.
using BreakFilter = std::function<bool(std::size_t removed_begin, std::size_t next_begin)>;

// Hands each line to `line` as a view into `text`, in order, as soon as it is complete: memory
// does not grow with the text (a paragraph may be hundreds of megabytes). Empty text gives none.
void for_each_wrapped_line(std::string_view text, std::size_t columns, const BreakFilter& may_break_before,
                           const std::function<void(std::string_view)>& line);

// The lines of for_each_wrapped_line, collected.
std::vector<std::string_view> wrap_lines(std::string_view text, std::size_t columns,
                                         const BreakFilter& may_break_before = {});

}  // namespace fascicle::text_layout
