// The line breaks of printable ASCII that the text layout works out itself (ascii_line_breaks.cpp)
// against ICU's own, side by side: every line of Unicode's LineBreakTest.txt (the ASCII-only ones
// all through the short path; the others hand over between it and ICU), every string of up to two
// printable ASCII characters, of three and four from one character of each line break class (and
// the brackets and quotes of each kind), and those strings with a character outside ASCII before,
// inside and after them. Any difference fails, with the string.
#include <text_layout/line_wrapper.hpp>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace fascicle::text_layout {
namespace {

// ICU alone: the breaks inside the text, each with whether a line must end there.
std::vector<std::pair<std::size_t, bool>> icu_breaks(icu::BreakIterator& iterator, const std::string& text) {
    UErrorCode status = U_ZERO_ERROR;
    UText* u = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    iterator.setText(u, status);
    EXPECT_TRUE(U_SUCCESS(status));
    std::vector<std::pair<std::size_t, bool>> out;
    for (int32_t b = iterator.next(); b != icu::BreakIterator::DONE; b = iterator.next())
        if (static_cast<std::size_t>(b) < text.size()) out.emplace_back(b, iterator.getRuleStatus() >= UBRK_LINE_HARD);
    utext_close(u);
    return out;
}

std::vector<std::pair<std::size_t, bool>> ours(const std::string& text) {
    std::vector<std::pair<std::size_t, bool>> out;
    for (const auto& o : line_break_opportunities(text))
        if (o.offset < text.size()) out.emplace_back(o.offset, o.mandatory);
    return out;
}

class AsciiLineBreaksTest : public ::testing::Test {
protected:
    void SetUp() override {
        UErrorCode status = U_ZERO_ERROR;
        icu_.reset(icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), status));
        ASSERT_TRUE(U_SUCCESS(status) && icu_);
    }
    // Counts the strings compared; fails (once per string, with it) where they differ.
    void same(const std::string& text) {
        ++compared_;
        const auto expected = icu_breaks(*icu_, text);
        if (ours(text) != expected) {
            ++differing_;
            if (differing_ <= 20) ADD_FAILURE() << "breaks differ from ICU's in \"" << text << "\"";
        }
    }
    std::unique_ptr<icu::BreakIterator> icu_;
    std::size_t compared_ = 0;
    std::size_t differing_ = 0;
};

std::string utf8(char32_t c) {
    std::string out;
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
    return out;
}

TEST_F(AsciiLineBreaksTest, EveryLineOfLineBreakTestAsIcuBreaksIt) {
    std::ifstream in("/usr/share/unicode/auxiliary/LineBreakTest.txt");
    ASSERT_TRUE(in) << "LineBreakTest.txt is missing (Debian's unicode-data: scripts/install-deps.sh)";
    std::size_t ascii_only = 0;
    for (std::string line; std::getline(in, line);) {
        std::istringstream tokens(line.substr(0, line.find('#')));
        std::string text;
        for (std::string token; tokens >> token;)
            if (token != "\xC3\xB7" && token != "\xC3\x97") text += utf8(static_cast<char32_t>(std::stoul(token, nullptr, 16)));
        if (text.empty()) continue;
        bool ascii = true;
        for (unsigned char c : text) ascii = ascii && c >= 0x20 && c <= 0x7E;
        ascii_only += ascii ? 1 : 0;
        same(text);
    }
    EXPECT_EQ(ascii_only, 376u);  // (Unicode 15.0's file: the short path walks all of these alone)
    EXPECT_EQ(differing_, 0u) << "of " << compared_;
    std::cout << "LineBreakTest.txt: " << compared_ << " lines (" << ascii_only << " printable ASCII only), "
              << differing_ << " differ from ICU\n";
}

TEST_F(AsciiLineBreaksTest, EveryShortAsciiStringAsIcuBreaksIt) {
    std::string all;
    for (char c = 0x20; c <= 0x7E; ++c) all += c;
    // One of each line break class among printable ASCII, each bracket and quote, and others that
    // some rule names: AL a # ~, NU 5, SP, EX ! ?, QU " ', PR $ + \, PO %, OP ( [ {, CP ) ], CL },
    // IS , . : ;, HY -, SY /, BA |.
    const std::string classes = "a5 !\"$%(){},-./|";
    const std::string more = "a#~5 !?\"'$+\\%([{)]},.:;-/|";
    for (char a : all) {
        same(std::string(1, a));
        for (char b : all) same(std::string{a, b});
    }
    for (char a : more)
        for (char b : more)
            for (char c : more) same(std::string{a, b, c});
    for (char a : classes)
        for (char b : classes)
            for (char c : classes)
                for (char d : classes) same(std::string{a, b, c, d});
    // Where it hands over to ICU and back: a mark, a letter, an ideograph, a quotation mark and a
    // no-break space outside ASCII around strings of the classes (two and three of them).
    const std::vector<std::string> outside = {"\xCC\x81", "\xC3\xA9", "\xE4\xB8\xAD", "\xE2\x80\x99", "\xC2\xA0"};
    for (const auto& o : outside)
        for (char a : classes)
            for (char b : classes)
                for (char c : classes) {
                    const std::string s{a, b, c};
                    same(o + s);
                    same(s + o);
                    same(std::string{a} + o + std::string{b, c});
                    same(std::string{a, b} + o + std::string{c});
                    same(s + " " + o + " " + s);
                }
    EXPECT_EQ(differing_, 0u) << "of " << compared_;
    std::cout << compared_ << " strings, " << differing_ << " differ from ICU\n";
}

}  // namespace
}  // namespace fascicle::text_layout
