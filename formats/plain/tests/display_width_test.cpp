// Display width by grapheme cluster: what a terminal shows, for Latin, CJK and emoji.
#include <text_layout/display_width.hpp>

#include <gtest/gtest.h>

namespace quire::text_layout {
namespace {

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
}  // namespace quire::text_layout
