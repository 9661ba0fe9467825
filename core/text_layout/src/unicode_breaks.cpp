#include "unicode_breaks.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <mutex>
#include <stdexcept>
#include <string>

namespace fascicle::text_layout {

namespace {

// ICU's break iterators index with int32_t: longer texts are walked a window at a time. A window
// starts at a boundary already given, so only the one ICU reports at a window's cut is not real.
constexpr std::size_t window_size = std::size_t(1) << 30;

// Making a break iterator loads and builds its rules (tens of microseconds): one of each kind is
// made once for the process and cloned for each walk. Not thread_local: a thread's ICU objects
// would be destroyed as it exits, which raced LeakSanitizer's check at process exit under load.
icu::BreakIterator* make_iterator(BoundaryWalker::Kind kind) {
    static std::mutex made;
    static std::unique_ptr<icu::BreakIterator> line, grapheme;
    const std::lock_guard<std::mutex> lock(made);
    auto& prototype = kind == BoundaryWalker::Kind::line ? line : grapheme;
    if (!prototype) {
        UErrorCode status = U_ZERO_ERROR;
        prototype.reset(kind == BoundaryWalker::Kind::line
                            ? icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), status)
                            : icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
        if (U_FAILURE(status) || !prototype)
            throw std::runtime_error(std::string("ICU has no break rules: ") + u_errorName(status));
    }
    return prototype->clone();
}

}  // namespace

struct BoundaryWalker::Icu {
    std::unique_ptr<icu::BreakIterator> iterator;
    UText* text = nullptr;
    ~Icu() { utext_close(text); }
};

BoundaryWalker::BoundaryWalker(std::string_view text, Kind kind) : text_(text), kind_(kind), icu_(std::make_unique<Icu>()) {
    if (kind == Kind::line) {
        // ICU is made when the text first needs it: most paragraphs' line breaks are all ASCII's.
        ascii_.start(text_, 0);
        in_ascii_ = true;
    } else {
        open_window(0);
    }
}

BoundaryWalker::~BoundaryWalker() = default;

void BoundaryWalker::open_window(std::size_t begin) {
    if (!icu_->iterator) icu_->iterator.reset(make_iterator(kind_));
    window_begin_ = begin;
    window_end_ = begin + std::min(window_size, text_.size() - begin);
    UErrorCode status = U_ZERO_ERROR;
    icu_->text = utext_openUTF8(icu_->text, text_.data() + begin, static_cast<int64_t>(window_end_ - begin), &status);
    if (U_SUCCESS(status)) icu_->iterator->setText(icu_->text, status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU cannot read the text: ") + u_errorName(status));
}

bool BoundaryWalker::next(std::size_t& offset, bool& mandatory) {
    if (in_ascii_) {
        switch (ascii_.next(offset)) {
            case AsciiLineBreaks::Step::boundary:
                // (ICU calls the text's end a mandatory break, whatever ends it.)
                mandatory = offset == text_.size();
                last_ = offset;
                if (AsciiLineBreaks::may_start(text_, offset)) fresh_start_ = offset;
                return true;
            case AsciiLineBreaks::Step::end: return false;
            case AsciiLineBreaks::Step::undecided: {
                in_ascii_ = false;
                // ICU goes on as if from the text's start at the last break after which no rule
                // looks back (see may_start): cheaper than making it find its way back to the
                // last break given (following(), which backs up and walks again), and the same
                // breaks after it. Those up to the last given are given already.
                const std::size_t given = last_;
                open_window(fresh_start_);
                do {
                    if (!next_from_icu(offset, mandatory)) return false;
                } while (offset <= given);
                break;
            }
        }
    } else if (!next_from_icu(offset, mandatory)) {
        return false;
    }
    if (kind_ == Kind::line && !mandatory && AsciiLineBreaks::may_start(text_, offset)) {
        ascii_.start(text_, offset);
        in_ascii_ = true;
        fresh_start_ = offset;
    }
    return true;
}

bool BoundaryWalker::next_from_icu(std::size_t& offset, bool& mandatory) {
    for (;;) {
        const int32_t b = icu_->iterator->next();
        if (b == icu::BreakIterator::DONE) return false;
        offset = window_begin_ + static_cast<std::size_t>(b);
        if (offset == window_end_ && window_end_ < text_.size()) {
            // The window's cut, not a boundary: walk on from the last real one (or from the
            // cut, when a whole window had none: a run of 1 GiB is broken there).
            open_window(last_ > window_begin_ ? last_ : window_end_);
            if (window_begin_ == offset) {
                last_ = offset;
                mandatory = false;
                return true;
            }
            continue;
        }
        mandatory = kind_ == Kind::line && icu_->iterator->getRuleStatus() >= UBRK_LINE_HARD;
        last_ = offset;
        return true;
    }
}

bool BoundaryWalker::following(std::size_t from, std::size_t& offset) {
    if (from < window_begin_ || from >= window_end_) open_window(from);
    const int32_t b = icu_->iterator->following(static_cast<int32_t>(from - window_begin_));
    if (b == icu::BreakIterator::DONE) return false;
    offset = window_begin_ + static_cast<std::size_t>(b);
    if (offset == window_end_ && window_end_ < text_.size() && from > window_begin_) {
        open_window(from);  // the window's cut: look again from where the caller is
        return following(from, offset);
    }
    last_ = offset;
    return true;
}

}  // namespace fascicle::text_layout
