#include "ascii_line_breaks.hpp"

#include <array>

namespace fascicle::text_layout {

AsciiLineBreaks::Class AsciiLineBreaks::class_of(unsigned char c) {
    // Line_Break of U+0020-U+007E (LineBreak.txt, Unicode 15.0); letters and the rest are AL.
    static constexpr auto table = [] {
        std::array<Class, 128> t{};
        t.fill(AL);
        for (unsigned char d = '0'; d <= '9'; ++d) t[d] = NU;
        t[' '] = SP;
        t['!'] = EX; t['?'] = EX;
        t['"'] = QU; t['\''] = QU;
        t['$'] = PR; t['+'] = PR; t['\\'] = PR;
        t['%'] = PO;
        t['('] = OP; t['['] = OP; t['{'] = OP;
        t[')'] = CP; t[']'] = CP;
        t['}'] = CL;
        t[','] = IS; t['.'] = IS; t[':'] = IS; t[';'] = IS;
        t['-'] = HY;
        t['/'] = SY;
        t['|'] = BA;
        return t;
    }();
    return table[c & 0x7F];
}

bool AsciiLineBreaks::may_start(std::string_view text, std::size_t at) {
    if (at == 0) return true;
    if (at < 2 || at >= text.size() || text[at - 1] != ' ') return false;
    const auto before = static_cast<unsigned char>(text[at - 2]);
    if (!printable(before)) return false;
    const Class c = class_of(before);
    return c != SP && c != OP && c != QU;
}

void AsciiLineBreaks::start(std::string_view text, std::size_t at) {
    text_ = text;
    at_ = at;
    given_ = true;  // the break before text[at] is given (or it is the text's start)
    ended_ = false;
    previous_ = SP;
    before_spaces_ = at == 0 ? AL : class_of(static_cast<unsigned char>(text[at - 2]));
    in_number_ = closed_number_ = word_initial_hyphen_ = false;
}

AsciiLineBreaks::Step AsciiLineBreaks::next(std::size_t& offset) {
    if (ended_) return Step::end;
    const std::size_t n = text_.size();
    for (;;) {
        if (at_ == n) {
            ended_ = true;
            if (n == 0) return Step::end;  // (an empty text has no boundary after its start)
            offset = n;
            return Step::boundary;
        }
        // Letters and the like after one: never a break (LB28), nothing more to remember. Most
        // of prose, so a loop of its own.
        if (previous_ == AL) {
            auto is_al = [&](std::size_t i) {
                const auto b = static_cast<unsigned char>(text_[i]);
                return printable(b) && class_of(b) == AL;
            };
            std::size_t i = at_;  // (a local: the member would be stored at every step)
            while (i + 1 < n && is_al(i) && printable(static_cast<unsigned char>(text_[i + 1]))) ++i;
            at_ = i;
            given_ = false;
        }
        // LB25 looks two characters ahead (PR × OP IS NU): those must be ours too.
        Class ahead[3] = {SP, SP, SP};  // (SP for none: no rule looks ahead for a space)
        for (std::size_t k = 0; k < 3 && at_ + k < n; ++k) {
            const auto c = static_cast<unsigned char>(text_[at_ + k]);
            if (!printable(c)) return Step::undecided;
            ahead[k] = class_of(c);
        }
        const Class cls = ahead[0];
        const bool breaks = !given_ && breaks_before(cls, ahead[1], ahead[2]);
        given_ = false;
        take(cls);
        ++at_;
        if (breaks) {
            offset = at_ - 1;
            return Step::boundary;
        }
    }
}

// UAX #14's rules in their order, those that can apply among these classes.
bool AsciiLineBreaks::breaks_before(Class c, Class next, Class after_next) const {
    const Class p = previous_;
    const bool number_follows = next == NU || (next == IS && after_next == NU);
    if (c == SP) return false;                                                      // LB7
    if (c == CL || c == CP || c == EX || c == SY) return false;                     // LB13
    const Class base = p == SP ? before_spaces_ : p;
    if (base == OP) return false;                                                   // LB14
    if (base == QU && c == OP) return false;                                        // LB15
    // LB15c and LB15d (Unicode 15.1, in ICU 72 already): "x .5" breaks before ".5"; else × IS.
    if (c == IS) return p == SP && next == NU;
    if (p == SP) return true;                                                       // LB18
    if (c == QU || p == QU) return false;                                           // LB19
    // LB20a (Unicode 15.1, which ICU 72 has already): a hyphen that starts a word stays with it.
    if (word_initial_hyphen_ && c == AL) return false;
    if (c == BA || c == HY) return false;                                           // LB21
    if ((p == AL && c == NU) || (p == NU && c == AL)) return false;                 // LB23
    if (((p == PR || p == PO) && c == AL) || (p == AL && (c == PR || c == PO))) return false;  // LB24
    // LB25 as a regular expression: (PR | PO)? (OP | HY)? IS? NU (NU | SY | IS)* (CL | CP)? (PR | PO)?
    if ((p == PR || p == PO) && (c == NU || ((c == OP || c == HY) && number_follows))) return false;
    if ((p == OP || p == HY) && c == NU) return false;
    if (p == IS && c == NU) return false;  // (ICU keeps this pair rule of LB25 besides the expression)
    if (in_number_ && (c == NU || c == SY || c == IS || c == CL || c == CP)) return false;
    if ((in_number_ || closed_number_) && (c == PR || c == PO)) return false;
    if (p == AL && c == AL) return false;                                           // LB28
    if (p == IS && c == AL) return false;                                           // LB29
    if (((p == AL || p == NU) && c == OP) || (p == CP && (c == AL || c == NU))) return false;  // LB30
    return true;                                                                    // LB31
}

void AsciiLineBreaks::take(Class c) {
    if (c == SP && previous_ != SP) before_spaces_ = previous_;
    // (The text's start counts as a space; after an opening bracket and spaces it is no word's start.)
    word_initial_hyphen_ = c == HY && previous_ == SP && before_spaces_ != OP;
    closed_number_ = in_number_ && (c == CL || c == CP);
    in_number_ = c == NU || (in_number_ && (c == SY || c == IS));
    previous_ = c;
}

}  // namespace fascicle::text_layout
