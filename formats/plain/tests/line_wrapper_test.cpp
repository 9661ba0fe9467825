// Wrapping multi-byte text (accented Latin, combining marks, CJK, Hangul, emoji) at every width:
// no line wider than the limit unless it is one unbreakable piece, every break one that UAX #14
// allows (line_break_opportunities, itself checked against the Unicode Consortium's
// LineBreakTest.txt in unicode_conformance_test.cpp), no break earlier than needed, and the lines,
// rejoined with the whitespace removed at each break, equal the input byte for byte.
#include <text_layout/display_width.hpp>
#include <text_layout/line_wrapper.hpp>

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace fascicle::text_layout {
namespace {

const std::vector<std::string> multi_byte_texts = {
    "Ça a été très différent à l'époque : naïve café crème brûlée, Øresund, Łódź — déjà-vu façade.",
    "Decomposed: Cafe\u0301 re\u0301sume\u0301 nai\u0308ve, Vie\u0323\u0302t Nam, Tiếng Việt có dấu: người được.",
    "中文文本没有空格，换行可以在任何两个汉字之间发生。但是标点符号不能出现在行首，例如句号。",
    "日本語のテキストは、ひらがな・カタカナ・漢字が混在します。「括弧」の前後も注意が必要です。",
    "한국어 텍스트는 띄어쓰기를 사용합니다 그리고 한글 음절은 두 칸을 차지합니다.",
    "Family 👨‍👩‍👧‍👦 and flags 🇫🇷🇯🇵🇰🇷 and skin tones 👍🏽👋🏿 keycaps 1️⃣ 2️⃣ hearts ❤️❤️ faces 😀😃😄😁 done.",
    "Mixed 中文 and English, emoji 🎉 and café; 100\u00A0km of (parenthesised) text, well-known words.",
    "Supercalifragilisticexpialidocious pneumonoultramicroscopicsilicovolcanoconiosis "
    "https://example.com/a/very/long/path/that/goes/on and 東京都千代田区丸の内一丁目.",
    "Lines\nwith mandatory\n\nbreaks and  two  spaces\tand a tab.",
};

bool is_removable(char c) { return c == ' ' || c == '\t' || c == '\n'; }

struct Placed {
    std::size_t begin, end;  // the line's bytes in the input
};

// Where each line lies in the input (lines are views into it). Fails the test unless the lines,
// rejoined with the whitespace between them, equal the input, and that whitespace is all a
// break removed: blanks and line terminators only.
std::vector<Placed> place(const std::string& text, const std::vector<std::string_view>& lines) {
    std::vector<Placed> out;
    std::string rejoined;
    std::size_t previous_end = 0;
    for (const auto& line : lines) {
        EXPECT_TRUE(line.data() >= text.data() && line.data() + line.size() <= text.data() + text.size());
        const std::size_t begin = std::size_t(line.data() - text.data());
        EXPECT_GE(begin, previous_end);
        const std::string gap = text.substr(previous_end, begin - previous_end);
        for (char c : gap) EXPECT_TRUE(is_removable(c)) << "the break removed a non-blank";
        rejoined += gap;
        rejoined += line;
        out.push_back({begin, begin + line.size()});
        previous_end = begin + line.size();
    }
    EXPECT_EQ(rejoined, text) << "the lines do not rejoin to the input";
    return out;
}

TEST(LineWrapper, MultiByteTextAtEveryWidth) {
    for (const auto& text : multi_byte_texts) {
        std::set<std::size_t> opportunities;
        for (auto o : line_break_opportunities(text)) opportunities.insert(o.offset);
        for (std::size_t columns : {1, 2, 3, 5, 8, 10, 13, 20, 31, 40, 72}) {
            SCOPED_TRACE(text + " @ " + std::to_string(columns));
            const auto lines = wrap_lines(text, columns);
            const auto placed = place(text, lines);
            for (std::size_t k = 0; k < lines.size(); ++k) {
                const auto [begin, end] = placed[k];
                // Every break is one UAX #14 allows, and removes only whitespace.
                if (k > 0) {
                    EXPECT_TRUE(opportunities.count(begin)) << "line " << k << " starts where no break is allowed";
                    for (std::size_t p = placed[k - 1].end; p < begin; ++p) EXPECT_TRUE(is_removable(text[p]));
                }
                // No line is wider than the limit unless nothing inside it allows a break.
                if (display_width(lines[k]) > columns) {
                    for (auto o : opportunities)
                        EXPECT_FALSE(o > begin && o < end) << "line " << k << " is too wide and breakable: " << lines[k];
                }
                // No break comes early: the next line's first piece would not have fitted.
                if (k + 1 < lines.size() && text[placed[k + 1].begin - 1] != '\n') {
                    const std::size_t next = placed[k + 1].begin;
                    auto after = opportunities.upper_bound(next);
                    std::size_t piece_end = after == opportunities.end() ? text.size() : *after;
                    std::string_view piece = std::string_view(text).substr(next, piece_end - next);
                    while (!piece.empty() && is_removable(piece.back())) piece.remove_suffix(1);
                    const std::size_t joined = display_width(std::string_view(text).substr(begin, next - begin)) +
                                               display_width(piece);
                    EXPECT_GT(joined, columns) << "line " << k << " broke early: " << lines[k];
                }
            }
        }
    }
}

TEST(LineWrapper, NeverSplitsAGraphemeCluster) {
    const std::string text = "👨‍👩‍👧‍👦👨‍👩‍👧‍👦 🇫🇷🇯🇵 👍🏽👋🏿 e\u0301e\u0301e\u0301 中\u0301文";
    for (std::size_t columns = 1; columns < 12; ++columns) {
        std::set<std::size_t> boundaries;
        for (const auto& g : graphemes(text)) boundaries.insert(g.begin);
        boundaries.insert(text.size());
        for (auto line : wrap_lines(text, columns)) {
            EXPECT_TRUE(boundaries.count(std::size_t(line.data() - text.data()))) << columns;
            EXPECT_TRUE(boundaries.count(std::size_t(line.data() - text.data()) + line.size())) << columns;
        }
    }
}

std::vector<std::string> wrapped(const std::string& text, std::size_t columns) {
    std::vector<std::string> out;
    for (auto l : wrap_lines(text, columns)) out.emplace_back(l);
    return out;
}

using Lines = std::vector<std::string>;

TEST(LineWrapper, WideCharactersCountTwoColumns) {
    EXPECT_EQ(wrapped("中文文本没有空格", 6), (Lines{"中文文", "本没有", "空格"}));
    EXPECT_EQ(wrapped("中文文本没有空格", 7), (Lines{"中文文", "本没有", "空格"}));
    EXPECT_EQ(wrapped("ab中文", 4), (Lines{"ab中", "文"}));
    EXPECT_EQ(wrapped("😀😀😀", 4), (Lines{"😀😀", "😀"}));
}

TEST(LineWrapper, PunctuationStaysWhereUax14KeepsIt) {
    // No line starts with a closing mark or full stop; none ends with an opening bracket.
    for (std::size_t columns = 2; columns < 16; ++columns) {
        for (auto line : wrapped("中文，换行。「括弧」前后（注意）文本。", columns)) {
            EXPECT_FALSE(line.starts_with("，") || line.starts_with("。") || line.starts_with("」") ||
                         line.starts_with("）"))
                << line;
            EXPECT_FALSE(line.ends_with("「") || line.ends_with("（")) << line;
        }
    }
    EXPECT_EQ(wrapped("100\u00A0km away", 3), (Lines{"100\u00A0km", "away"}));
    EXPECT_EQ(wrapped("a well-known word", 8), (Lines{"a well-", "known", "word"}));
}

TEST(LineWrapper, AWordLongerThanTheLineStandsAlone) {
    EXPECT_EQ(wrapped("a Supercalifragilisticexpialidocious b", 10),
              (Lines{"a", "Supercalifragilisticexpialidocious", "b"}));
    EXPECT_EQ(wrapped("Supercalifragilisticexpialidocious", 5), (Lines{"Supercalifragilisticexpialidocious"}));
}

TEST(LineWrapper, WhitespaceAtBreaksAndEnds) {
    EXPECT_EQ(wrapped("aaa   bbb", 4), (Lines{"aaa", "bbb"}));
    EXPECT_EQ(wrapped("aaa bbb", 7), (Lines{"aaa bbb"}));
    EXPECT_EQ(wrapped("  lead and trail  ", 40), (Lines{"  lead and trail  "}));
    EXPECT_EQ(wrapped("a\nb", 40), (Lines{"a", "b"}));
    EXPECT_EQ(wrapped("a  \n  b", 40), (Lines{"a", "  b"}));
    EXPECT_EQ(wrapped("a\n\nb", 40), (Lines{"a", "", "b"}));
    EXPECT_EQ(wrapped("a\r\nb", 40), (Lines{"a", "b"}));
    EXPECT_EQ(wrapped("a\n", 40), (Lines{"a", ""}));
    EXPECT_EQ(wrapped("a\u2028b", 40), (Lines{"a", "b"}));
    EXPECT_TRUE(wrap_lines("", 10).empty());
}

TEST(LineWrapper, AnyBytesAreSafe) {
    // Not UTF-8, a noncharacter, lone flags: each is measured and wrapped, nothing aborts.
    const std::string text = "a\xFF b \xC3 c \xED\xA0\x80 d \xEF\xBF\xBF e 🇫 f 🇫🇷🇯 g";
    for (std::size_t columns = 1; columns < 8; ++columns) {
        std::string rejoined;
        std::size_t end = 0;
        for (auto line : wrap_lines(text, columns)) {
            const std::size_t begin = std::size_t(line.data() - text.data());
            rejoined += text.substr(end, begin - end);
            rejoined += line;
            end = begin + line.size();
        }
        EXPECT_EQ(rejoined, text);
    }
}

// The cases of issue 17, each a rule a reader would see broken.
TEST(LineWrapper, CurrentUnicodeLineBreaking) {
    // UAX #14 LB24 (Unicode 13 on): no break between a letter and a backslash (a prefix sign), so
    // a Windows path breaks at most after its colon, never inside a name.
    for (std::size_t columns = 1; columns < 24; ++columns)
        for (auto line : wrapped("see C:\\typewriter\\notes now", columns)) {
            EXPECT_FALSE(line.ends_with("typewriter")) << columns;
            EXPECT_FALSE(line.starts_with("\\notes")) << columns;
        }
    EXPECT_EQ(wrapped("see C:\\typewriter\\notes now", 12), (Lines{"see C:", "\\typewriter\\notes", "now"}));
    // A flag is one cluster: never split; a break may come between two flags.
    EXPECT_EQ(wrapped("go 🇫🇷🇯🇵 now", 3), (Lines{"go", "🇫🇷", "🇯🇵", "now"}));
    // CJK without spaces breaks between ideographs, with spaces at the spaces too.
    EXPECT_EQ(wrapped("東京都千代田区", 6), (Lines{"東京都", "千代田", "区"}));
    EXPECT_EQ(wrapped("東京 大阪 京都", 6), (Lines{"東京", "大阪", "京都"}));
    // A URL breaks after a slash, never before one (LB13 and LB17... as UAX #14 has it).
    for (auto line : wrapped("https://example.com/a/very/long/path", 12)) EXPECT_FALSE(line.starts_with("/")) << line;
    // A long hyphenated compound breaks after its hyphens only.
    EXPECT_EQ(wrapped("mother-in-law's well-being", 10), (Lines{"mother-in-", "law's", "well-being"}));
}

TEST(LineWrapper, LinesStreamWithoutHoldingTheParagraph) {
    std::string text;
    for (int i = 0; i < 20000; ++i) text += i % 7 == 0 ? "élan vital " : "word ";
    std::size_t count = 0;
    for_each_wrapped_line(text, 40, {}, [&](std::string_view line) {
        ++count;
        EXPECT_LE(display_width(line), 40u);
    });
    const auto lines = wrap_lines(text, 40);
    EXPECT_EQ(count, lines.size());
    EXPECT_GT(count, 2000u);
}

TEST(LineWrapper, AFilterCanVetoBreaks) {
    const std::string text = "one two-three four\u2028five";
    // Only at spaces: the hyphen and the line separator do not break.
    auto spaces_only = [&](std::size_t removed_begin, std::size_t next_begin) {
        auto removed = std::string_view(text).substr(removed_begin, next_begin - removed_begin);
        return !removed.empty() && removed.find_first_not_of(' ') == std::string_view::npos;
    };
    std::vector<std::string> lines;
    for (auto l : wrap_lines(text, 4, spaces_only)) lines.emplace_back(l);
    EXPECT_EQ(lines, (Lines{"one", "two-three", "four\u2028five"}));
    // A vetoed break does not stop an earlier allowed one from being taken.
    lines.clear();
    for (auto l : wrap_lines("aa bb-cc", 4, [](std::size_t b, std::size_t e) { return e - b == 1; }))
        lines.emplace_back(l);
    EXPECT_EQ(lines, (Lines{"aa", "bb-cc"}));
}

}  // namespace
}  // namespace fascicle::text_layout
