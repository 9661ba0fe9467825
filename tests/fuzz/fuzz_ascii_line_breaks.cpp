// libFuzzer target, differential: the text layout's line breaks (line_break_opportunities, whose
// printable ASCII stretches ascii_line_breaks.cpp works out without ICU) against ICU's own line
// break iterator on the same text; any difference in a break or in whether it is mandatory aborts.
// The first byte chooses how the rest is read: even, as bytes (any UTF-8 or not); odd, each byte
// as a printable ASCII character, except bytes from 0xF0, which stand for one of 16 characters
// outside it (marks, letters, quotation marks, spaces, an ideograph, an emoji and a joiner), so
// that most inputs are the mostly-ASCII text the short path is for, handed over to ICU and back.
#include <text_layout/line_wrapper.hpp>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace {

void check(bool ok) {
    if (!ok) std::abort();
}

icu::BreakIterator& icu_line_breaks() {
    static std::unique_ptr<icu::BreakIterator> iterator = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> made(icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), status));
        check(U_SUCCESS(status) && made);
        return made;
    }();
    return *iterator;
}

constexpr const char* outside[16] = {
    "\xCC\x81",          // U+0301 combining acute accent (CM)
    "\xC3\xA9",          // U+00E9 e acute (AL)
    "\xE2\x80\x99",      // U+2019 right single quotation mark (QU)
    "\xE2\x80\x9C",      // U+201C left double quotation mark (QU)
    "\xC2\xA0",          // U+00A0 no-break space (GL)
    "\xE2\x80\x94",      // U+2014 em dash (B2)
    "\xE2\x80\x93",      // U+2013 en dash (BA)
    "\xE4\xB8\xAD",      // U+4E2D an ideograph (ID)
    "\xE2\x80\x8D",      // U+200D zero width joiner
    "\xE2\x80\x8B",      // U+200B zero width space (ZW)
    "\xF0\x9F\x98\x80",  // U+1F600 an emoji (ID)
    "\xD7\x90",          // U+05D0 Hebrew letter alef (HL)
    "\xE2\x80\xA6",      // U+2026 horizontal ellipsis (IN)
    "\x09",              // tab (BA)
    "\x0A",              // line feed (LF)
    "\xE3\x80\x82",      // U+3002 ideographic full stop (CL)
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    std::string text;
    if (data[0] % 2 == 0) {
        text.assign(reinterpret_cast<const char*>(data + 1), size - 1);
    } else {
        for (std::size_t i = 1; i < size; ++i)
            if (data[i] >= 0xF0) text += outside[data[i] - 0xF0];
            else text += static_cast<char>(0x20 + data[i] % 95);
    }

    auto& icu = icu_line_breaks();
    UErrorCode status = U_ZERO_ERROR;
    UText* u = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    icu.setText(u, status);
    check(U_SUCCESS(status));
    std::vector<std::pair<std::size_t, bool>> expected;
    for (int32_t b = icu.next(); b != icu::BreakIterator::DONE; b = icu.next())
        if (static_cast<std::size_t>(b) < text.size()) expected.emplace_back(b, icu.getRuleStatus() >= UBRK_LINE_HARD);
    utext_close(u);

    std::vector<std::pair<std::size_t, bool>> got;
    for (const auto& o : fascicle::text_layout::line_break_opportunities(text))
        if (o.offset < text.size()) got.emplace_back(o.offset, o.mandatory);
    check(got == expected);
    return 0;
}
