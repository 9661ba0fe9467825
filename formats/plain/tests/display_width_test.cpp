// Display width by grapheme cluster: what a terminal shows, for Latin, CJK and emoji.
#include <text_layout/display_width.hpp>

#include <gtest/gtest.h>
#include <utf8proc.h>

#include <random>
#include <string>
#include <vector>

namespace fascicle::text_layout {
namespace {

// Cluster boundaries as utf8proc gives them asked for every code point, with no short path for
// ASCII: graphemes() must agree with it on any mix of ASCII and other text.
std::vector<std::size_t> utf8proc_cluster_ends(const std::string& text) {
    std::vector<std::size_t> ends;
    utf8proc_int32_t state = 0, previous = -1;
    std::size_t pos = 0;
    while (pos < text.size()) {
        utf8proc_int32_t cp = 0;
        const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                                        static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
        if (n <= 0) throw std::runtime_error("the test texts are valid UTF-8");
        if (previous >= 0 && utf8proc_grapheme_break_stateful(previous, cp, &state)) ends.push_back(pos);
        previous = cp;
        pos += static_cast<std::size_t>(n);
    }
    if (!text.empty()) ends.push_back(text.size());
    return ends;
}

TEST(DisplayWidth, AsciiShortPathAgreesWithUtf8procOnMixedText) {
    // Pieces whose boundaries depend on their neighbours: CR LF, marks and joiners after ASCII,
    // flags and emoji sequences next to ASCII, controls.
    const std::vector<std::string> pieces = {
        "a", "Z", " ", "\t", "\r", "\n", "\r\n", "'", "-", "1", "\x01", "\x7F", "\u0301", "\u0308\u0323",
        "\u200D", "\uFE0F", "\u20E3", "\U0001F1EB", "\U0001F1F7", "\U0001F468", "\U0001F3FD", "\u2019",
        "\u00E9", "中", "\u1100", "\u1161", "\u11A8", "\u0E33", "\u200B"};
    std::mt19937 random(20261201);
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        const int length = 1 + static_cast<int>(random() % 12);
        for (int k = 0; k < length; ++k) text += pieces[random() % pieces.size()];
        std::vector<std::size_t> ends;
        for (const auto& g : graphemes(text)) ends.push_back(g.end);
        ASSERT_EQ(ends, utf8proc_cluster_ends(text)) << "text: " << text;
    }
    for (char c = 0; c >= 0; ++c) {
        const int expected = utf8proc_charwidth(c);
        EXPECT_EQ(display_width(std::string(1, c)), expected > 0 ? std::size_t(expected) : 0u) << int(c);
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
