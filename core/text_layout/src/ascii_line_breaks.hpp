// UAX #14 line breaks among printable ASCII characters (U+0020-U+007E), without ICU: most text is
// mostly ASCII, and ICU's rule machine was the largest cost of wrapping it. Gives exactly ICU 72's
// breaks (Unicode 15.0, LB25 tailored as ICU and LineBreakTest.txt do) where it answers at all;
// it stops where a break would depend on a character outside that range, and ICU takes over.
// Proved by tests/fuzz/fuzz_ascii_line_breaks.cpp and formats/plain/tests/ascii_line_breaks_test.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace fascicle::text_layout {

class AsciiLineBreaks {
public:
    static bool printable(unsigned char c) { return c >= 0x20 && c <= 0x7E; }

    // Whether a walk may start at `at`, a break ICU gave (or 0): what lies before it cannot change
    // a later break, because it is a space after a character that no rule looks back to across
    // spaces (not an opening bracket nor a quotation mark; LB14, LB15).
    static bool may_start(std::string_view text, std::size_t at);

    // Starts a walk at `at`, where may_start holds.
    void start(std::string_view text, std::size_t at);

    enum class Step { boundary, end, undecided };
    // The next break after the last: `boundary` (its offset; the text's end is one), `end` after
    // the text's end was given, `undecided` when the next break may depend on a character outside
    // printable ASCII (ICU goes on from the last break given).
    Step next(std::size_t& offset);

private:
    enum Class : std::uint8_t { AL, NU, SP, EX, QU, PR, PO, OP, CP, CL, IS, HY, SY, BA };
    static Class class_of(unsigned char c);
    bool breaks_before(Class c, Class next, Class after_next) const;
    void take(Class c);

    std::string_view text_;
    std::size_t at_ = 0;           // the next character, whose break before is not decided yet
    bool given_ = true;            // the break before it is given already (or it is the first)
    bool ended_ = false;
    Class previous_ = SP;
    Class before_spaces_ = AL;     // the last character that is not a space, when previous_ is SP
    bool in_number_ = false;       // the text so far ends with NU (NU | SY | IS)*
    bool closed_number_ = false;   // ... or with NU (NU | SY | IS)* (CL | CP)
    bool word_initial_hyphen_ = false;  // the text so far ends with a hyphen after a space or at its start
};

}  // namespace fascicle::text_layout
