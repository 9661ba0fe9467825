// Display width by grapheme cluster: what a terminal shows, for Latin, CJK and emoji.
#include <text_layout/display_width.hpp>

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace fascicle::text_layout {
namespace {

std::vector<std::size_t> cluster_ends(const std::string& text) {
    std::vector<std::size_t> ends;
    for (const auto& g : graphemes(text)) ends.push_back(g.end);
    return ends;
}

TEST(DisplayWidth, AsciiShortPathAgreesWithIcu) {
    // All-ASCII text takes a short path; text with one character outside ASCII goes through ICU's
    // cluster rules. Both must agree on every pair of ASCII characters (CR LF is one cluster).
    const std::string outside = "\u00E9";
    for (int a = 0; a < 128; ++a) {
        for (int b = 0; b < 128; ++b) {
            const std::string pair{static_cast<char>(a), static_cast<char>(b)};
            auto with_icu = cluster_ends(pair + outside);
            with_icu.pop_back();
            ASSERT_EQ(cluster_ends(pair), with_icu) << a << " " << b;
            ASSERT_EQ(display_width(pair), display_width(pair + outside) - 1) << a << " " << b;
        }
    }
}

TEST(DisplayWidth, ColumnsPerUserPerceivedCharacter) {
    EXPECT_EQ(display_width(""), 0u);
    EXPECT_EQ(display_width("abc"), 3u);
    EXPECT_EQ(display_width("\u00e9"), 1u);             // é precomposed
    EXPECT_EQ(display_width("e\u0301"), 1u);            // e + combining acute
    EXPECT_EQ(display_width("Vie\u0323\u0302t"), 4u);   // two stacked marks
    EXPECT_EQ(display_width("中"), 2u);
    EXPECT_EQ(display_width("日本語"), 6u);
    EXPECT_EQ(display_width("한국어"), 6u);
    EXPECT_EQ(display_width("\uFF71"), 1u);             // halfwidth katakana
    EXPECT_EQ(display_width("\uFF21"), 2u);             // fullwidth A
    EXPECT_EQ(display_width("😀"), 2u);
    EXPECT_EQ(display_width("👨‍👩‍👧‍👦"), 2u);         // ZWJ family: one picture
    EXPECT_EQ(display_width("🇫🇷"), 2u);               // a flag is two regional indicators
    EXPECT_EQ(display_width("👍🏽"), 2u);               // skin tone modifier
    EXPECT_EQ(display_width("❤️"), 2u);               // heart + emoji presentation selector
    EXPECT_EQ(display_width("1️⃣"), 2u);               // keycap
    EXPECT_EQ(display_width("\u200B"), 0u);             // zero width space
    EXPECT_EQ(display_width("\xFF"), 1u);               // not UTF-8: one column, no crash
}

// Each rule of code_point_width, as terminals (wcwidth) apply it.
TEST(DisplayWidth, EachWidthRule) {
    EXPECT_EQ(display_width("\x01\x1F\x7F"), 0u);      // C0 controls and DEL
    EXPECT_EQ(display_width("\u0085"), 0u);            // a C1 control
    EXPECT_EQ(display_width("\u0301"), 0u);            // a non-spacing mark alone
    EXPECT_EQ(display_width("\u20DD"), 0u);            // an enclosing mark alone
    EXPECT_EQ(display_width("\u200B\u200D\u2060"), 0u);  // format characters: ZWSP, ZWJ, word joiner
    EXPECT_EQ(display_width("\u00AD"), 1u);            // ... but the soft hyphen, which may show
    EXPECT_EQ(display_width("\u2028"), 0u);            // line separator
    EXPECT_EQ(display_width("\u1100"), 2u);            // a Hangul leading consonant: wide
    EXPECT_EQ(display_width("\u1100\u1161\u11A8"), 2u);  // ... its vowel and final join it, no wider
    EXPECT_EQ(display_width("\u3000"), 2u);            // ideographic space: fullwidth
    EXPECT_EQ(display_width("\u00A1\u00B1"), 2u);      // East Asian Ambiguous: one each
    EXPECT_EQ(display_width("\u2764"), 1u);            // a heart in text presentation
    EXPECT_EQ(display_width("\u2764\uFE0F"), 2u);      // ... shown as emoji
    EXPECT_EQ(display_width("\U0001F1EB"), 2u);        // a lone regional indicator
    EXPECT_EQ(display_width("\u0915\u093F"), 1u);      // a cluster is as wide as its widest: Devanagari KI
    EXPECT_EQ(display_width("\U00020000"), 2u);        // CJK Extension B
    EXPECT_EQ(display_width("\uE000"), 1u);            // private use
}

TEST(DisplayWidth, GraphemeClusters) {
    const auto g = graphemes("e\u0301x👨‍👩‍👧🇫🇷🇯🇵");
    ASSERT_EQ(g.size(), 5u);
    EXPECT_EQ(g[0].begin, 0u);
    EXPECT_EQ(g[0].end, 3u);
    EXPECT_FALSE(g[0].single_code_point);
    EXPECT_EQ(g[1].first, U'x');
    EXPECT_TRUE(g[1].single_code_point);
    EXPECT_EQ(g[3].end - g[3].begin, 8u);  // two regional indicators, four bytes each
}

}  // namespace
}  // namespace fascicle::text_layout
