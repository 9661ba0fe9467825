// UAX #14 line breaks and UAX #29 grapheme cluster boundaries of UTF-8 text, from ICU, walked in
// order without copying the text: ICU reads it in place through a UText over UTF-8.
#pragma once

#include "ascii_line_breaks.hpp"

#include <cstddef>
#include <memory>
#include <string_view>

namespace fascicle::text_layout {

// Each boundary after 0 up to and including the text's end, in order: next() gives its byte
// offset and whether a line must end there (UAX #14's mandatory breaks), or false at the end.
// Line breaks among printable ASCII come from AsciiLineBreaks, the rest from ICU.
class BoundaryWalker {
public:
    enum class Kind { line, grapheme };
    BoundaryWalker(std::string_view text, Kind kind);
    ~BoundaryWalker();
    BoundaryWalker(const BoundaryWalker&) = delete;
    BoundaryWalker& operator=(const BoundaryWalker&) = delete;

    bool next(std::size_t& offset, bool& mandatory);
    // The first boundary after `from`, wherever the walk was; false when there is none.
    bool following(std::size_t from, std::size_t& offset);

private:
    struct Icu;
    void open_window(std::size_t begin);
    bool next_from_icu(std::size_t& offset, bool& mandatory);

    AsciiLineBreaks ascii_;
    bool in_ascii_ = false;         // the line breaks come from ascii_ until it is undecided
    std::size_t fresh_start_ = 0;   // the last break given after which no rule looks back

    std::string_view text_;
    Kind kind_;
    std::unique_ptr<Icu> icu_;
    std::size_t window_begin_ = 0;  // ICU counts in int32_t: a text is walked in windows
    std::size_t window_end_ = 0;
    std::size_t last_ = 0;          // the last boundary given
};

}  // namespace fascicle::text_layout
