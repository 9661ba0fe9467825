// Escaping reads well: exactly what a reader of the Markdown source sees for ordinary prose and
// for each trap. (That it is also always correct is the round-trip tests' job.)
#include "block_renderer.hpp"
#include "inline_renderer.hpp"

#include <gtest/gtest.h>

namespace fascicle::markdown {
namespace {

std::string paragraph(const std::vector<Inline>& inlines, Flavor flavor = Flavor::commonmark) {
    return InlineRenderer(flavor).paragraph(inlines).text;
}
std::string paragraph(const std::string& text, Flavor flavor = Flavor::commonmark) {
    return paragraph({Inline::plain(text)}, flavor);
}
Inline wrap(Inline::Kind kind, std::vector<Inline> children, std::string target = "") {
    Inline i;
    i.kind = kind;
    i.children = std::move(children);
    i.target = std::move(target);
    return i;
}
Inline code(std::string text) { return Inline::code_span(std::move(text)); }

TEST(MarkdownEscaping, OrdinaryProseIsLeftAlone) {
    for (const char* prose : {"It's 7-hydroxymitragynine, (a) \"test\"; 50% off: $5 + $6 = $11!",
                              "snake_case_name and C:\\Users\\me", "2 * 3 = 6, and a < b > c", "AT&T, R&D, a & b",
                              "#hashtag, issue #12, C# and F#", "3.14 and 1.5x", "-5 degrees, +3 more",
                              "a | b and ~x~", "caf\u00e9 \u65e5\u672c\u8a9e \U0001F600", "end with a colon:"})
        EXPECT_EQ(paragraph(prose), prose);
}

TEST(MarkdownEscaping, InlineTrapsGetOneBackslash) {
    EXPECT_EQ(paragraph("*not emphasis*"), "\\*not emphasis\\*");
    EXPECT_EQ(paragraph("_not emphasis_"), "\\_not emphasis\\_");
    EXPECT_EQ(paragraph("a*b*c"), "a\\*b\\*c");
    EXPECT_EQ(paragraph("[x](y)"), "\\[x](y)");
    EXPECT_EQ(paragraph("`code`"), "\\`code\\`");
    EXPECT_EQ(paragraph("a <b> c"), "a \\<b> c");
    EXPECT_EQ(paragraph("&amp; &#35; &copy;"), "\\&amp; \\&#35; \\&copy;");
    EXPECT_EQ(paragraph("a\\*"), "a\\\\\\*");
    EXPECT_EQ(paragraph("ends with \\"), "ends with \\\\");
}

TEST(MarkdownEscaping, LineStartTrapsAreEscapedOnlyThere) {
    EXPECT_EQ(paragraph("1. item"), "1\\. item");
    EXPECT_EQ(paragraph("2) item"), "2\\) item");
    EXPECT_EQ(paragraph("1234567890. not a list"), "1234567890. not a list");
    EXPECT_EQ(paragraph("# heading"), "\\# heading");
    EXPECT_EQ(paragraph("####### seven is text"), "####### seven is text");
    EXPECT_EQ(paragraph("> quote"), "\\> quote");
    EXPECT_EQ(paragraph("- dash"), "\\- dash");
    EXPECT_EQ(paragraph("-5 degrees"), "-5 degrees");
    EXPECT_EQ(paragraph("+ plus"), "\\+ plus");
    EXPECT_EQ(paragraph("---"), "\\---");
    EXPECT_EQ(paragraph("==="), "\\===");
    EXPECT_EQ(paragraph("~~~"), "\\~~~");
    EXPECT_EQ(paragraph("a\n# b"), "a\n\\# b");
}

TEST(MarkdownEscaping, BlanksAtLineEdgesAreCharacterReferences) {
    EXPECT_EQ(paragraph("  indented"), "&#32;&#32;indented");
    EXPECT_EQ(paragraph("trailing  "), "trailing&#32;&#32;");
    EXPECT_EQ(paragraph("a  \nb"), "a&#32;&#32;\nb");
    EXPECT_EQ(paragraph("\nfirst line empty"), "&#10;first line empty");
    EXPECT_EQ(paragraph("a\r\nb"), "a&#13;\nb");
}

TEST(MarkdownEscaping, GfmAlsoEscapesTablesAndStrikethrough) {
    EXPECT_EQ(paragraph("a | b ~x~", Flavor::gfm), "a \\| b \\~x\\~");
    EXPECT_EQ(paragraph("-: not a delimiter row", Flavor::gfm), "\\-: not a delimiter row");
    EXPECT_EQ(paragraph("a | b ~x~", Flavor::commonmark), "a | b ~x~");
}

TEST(MarkdownEscaping, EmphasisUsesDelimitersWhereTheyWork) {
    EXPECT_EQ(paragraph({Inline::plain("a "), wrap(Inline::Kind::emphasis, {Inline::plain("word")}), Inline::plain(" b")}),
              "a *word* b");
    EXPECT_EQ(paragraph({wrap(Inline::Kind::strong, {Inline::plain("Hello!")}), Inline::plain(" b")}), "**Hello!** b");
    EXPECT_EQ(paragraph({Inline::plain("("), wrap(Inline::Kind::emphasis, {Inline::plain("x")}), Inline::plain(")")}),
              "(*x*)");
    // Where '*' could not open or close, CommonMark's inline HTML says it instead.
    EXPECT_EQ(paragraph({Inline::plain("un"), wrap(Inline::Kind::emphasis, {Inline::plain("\"believ\"")}),
                         Inline::plain("able")}),
              "un<em>\"believ\"</em>able");
    EXPECT_EQ(paragraph({wrap(Inline::Kind::emphasis, {Inline::plain(" spaced ")})}), "<em>&#32;spaced </em>");
}

TEST(MarkdownEscaping, CodeSpansAndLinks) {
    EXPECT_EQ(paragraph({code("a`b")}), "``a`b``");
    EXPECT_EQ(paragraph({code("`a")}), "`` `a ``");
    EXPECT_EQ(paragraph({code(" a ")}), "`  a  `");
    EXPECT_EQ(paragraph({Inline::plain("see "), wrap(Inline::Kind::link, {Inline::plain("docs")}, "https://x.org/a_(b)")}),
              "see [docs](<https://x.org/a_(b)>)");
    EXPECT_EQ(paragraph({Inline::plain("see "), wrap(Inline::Kind::link, {Inline::plain("a]b")}, "u v")}),
              "see [a\\]b](u%20v)");
    // "[`]:`..." opening a paragraph would be a link reference definition.
    EXPECT_EQ(paragraph({wrap(Inline::Kind::link, {code("]: x")}, "u&v\"")}), "<a href=\"u&amp;v%22\">`]: x`</a>");
    EXPECT_EQ(paragraph({Inline::plain("a"), Inline::wrap(Inline::Kind::line_break, {}), Inline::plain("b"),
                         Inline::wrap(Inline::Kind::line_break, {})}),
              "a\\\nb");
}

TEST(MarkdownEscaping, PipeTableCellsStayOnOneLineWithEveryPipeEscaped) {
    const InlineRenderer r(Flavor::gfm);
    EXPECT_EQ(r.table_cell({Inline::plain("a | b")}), "a \\| b");
    EXPECT_EQ(r.table_cell({code("x|y")}), "`x\\|y`");
    EXPECT_EQ(r.table_cell({code("x\\|y")}), "`x\\\\|y`");  // GFM drops one backslash: the code keeps its own
    EXPECT_EQ(r.table_cell({wrap(Inline::Kind::link, {Inline::plain("l")}, "u|v")}), "[l](u%7Cv)");
    EXPECT_EQ(r.table_cell({Inline::plain("a"), Inline::wrap(Inline::Kind::line_break, {}), Inline::plain("b")}), "a<br>b");
    // No line start inside a cell: nothing to escape there; a newline is a reference.
    EXPECT_EQ(r.table_cell({Inline::plain("- not a list\n# nor a heading")}), "- not a list&#10;# nor a heading");
}

TEST(MarkdownEscaping, Headings) {
    BlockRenderer r(Flavor::commonmark, std::nullopt);
    EXPECT_EQ(r.heading(2, "C# in 24 hours"), "## C# in 24 hours");
    EXPECT_EQ(r.heading(3, "Issue #"), "### Issue \\#");
    EXPECT_EQ(r.heading(3, "#"), "### \\#");
    EXPECT_EQ(r.heading(1, "1. Not a list, > not a quote"), "# 1. Not a list, > not a quote");
    EXPECT_EQ(r.heading(2, " padded "), "## &#32;padded&#32;");
    EXPECT_EQ(r.heading(2, ""), "##");
    EXPECT_EQ(r.heading(9, "deep"), "###### deep");
    // A heading is one line, inside emphasis too.
    EXPECT_EQ(r.heading(2, {wrap(Inline::Kind::emphasis, {Inline::plain("a\nb"), Inline::wrap(Inline::Kind::line_break, {}),
                                                          Inline::plain("c")})}),
              "## *a&#10;b c*");
}

TEST(MarkdownEscaping, WrappingNeverStartsALineWithABlockMarker) {
    BlockRenderer r(Flavor::commonmark, 10);
    const auto lines = r.blocks({Block::paragraph("aaaa - bbbb # cccc 1. dddd > eeee + ffff = gggg")});
    ASSERT_GT(lines.size(), 2u);
    for (std::size_t k = 1; k < lines.size(); ++k) {
        const char first = lines[k].front();
        EXPECT_TRUE(first != '-' && first != '#' && first != '>' && first != '+' && first != '=' &&
                    !(first == '1' && lines[k].starts_with("1. ")))
            << lines[k];
    }
}

// A long text is escaped in pieces (so that its code points are never all held at once); the
// pieces come out as the whole would: every repetition of a sentence full of traps is escaped as
// the same few repetitions are, wherever the pieces end.
TEST(MarkdownEscaping, LongTextIsEscapedAsTheWholeWouldBe) {
    const std::string unit =
        "word *a* b_c_ www.example.com a@b.co &amp; [x](y) `y` 1. <z> ~~s~~ | #1 http://e.org/ ! - x_ end ";
    for (Flavor flavor : {Flavor::commonmark, Flavor::gfm}) {
        auto repeated = [&](std::size_t n) {
            std::string text;
            for (std::size_t k = 0; k < n; ++k) text += unit;
            return text + "fin";
        };
        const std::string two = paragraph(repeated(2), flavor), three = paragraph(repeated(3), flavor);
        ASSERT_GT(three.size(), two.size());
        const std::string once = three.substr(0, three.size() - two.size());
        ASSERT_EQ(three, once + two) << "the sentence is escaped alike at the start and in the middle";
        const std::size_t n = 4000;  // about 400 kB: several pieces
        std::string expected;
        for (std::size_t k = 0; k + 2 < n; ++k) expected += once;
        expected += two;
        EXPECT_EQ(paragraph(repeated(n), flavor), expected);
    }
}

}  // namespace
}  // namespace fascicle::markdown
