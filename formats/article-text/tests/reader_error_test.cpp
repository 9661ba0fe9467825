// Errors: the reader names the file, the line (and the byte column for bad characters), says what
// it expected, and hands no article on.
#include "read_text.hpp"

#include <gtest/gtest.h>

namespace fascicle::article_text {
namespace {

using test::read_text;

// The only error of a failed read, after checking that no article came out.
Diagnostic only_error(const test::ReadResult& r) {
    EXPECT_EQ(r.status, Status::failed);
    EXPECT_TRUE(r.articles.empty());
    EXPECT_EQ(r.diagnostics.error_count(), 1u) << r.diagnostics.text();
    const auto errors = r.diagnostics.of(Severity::error);
    return errors.empty() ? Diagnostic{} : errors.front();
}

void expect_error(const test::ReadResult& r, std::size_t line, std::size_t column, const std::string& fragment) {
    const auto d = only_error(r);
    EXPECT_EQ(d.file, "broken.txt");
    EXPECT_EQ(d.line, line);
    EXPECT_EQ(d.column, column);
    EXPECT_NE(d.message.find(fragment), std::string::npos) << d.format();
}

const std::string head = "Summary.\nIntro.\n- First\n- Second\n- Third\n";  // lines 1-5

TEST(ReaderErrors, InvalidUtf8ByteGivesLineAndColumn) {
    auto r = read_text(head + "First\nA caf\xE9 au lait.\nSecond\nS.\nThird\nT.\nEnd.", "broken.txt");
    expect_error(r, 7, 6, "the byte 0xE9 does not begin a valid UTF-8 sequence");
}

TEST(ReaderErrors, TruncatedUtf8SequenceAtEndOfLine) {
    auto r = read_text("Summary \xE2\x80\r\nmore", "broken.txt");
    expect_error(r, 1, 9, "0xE2");
}

// Columns count bytes from the start of the physical line, the byte-order mark included.
TEST(ReaderErrors, InvalidUtf8AfterByteOrderMark) {
    auto r = read_text("\xEF\xBB\xBF" "ab\xFF", "broken.txt");
    expect_error(r, 1, 6, "0xFF");
}

TEST(ReaderErrors, OverlongUtf8IsInvalid) {
    auto r = read_text(head + "First\n\xC0\xAF\n", "broken.txt");
    expect_error(r, 7, 1, "0xC0");
}

TEST(ReaderErrors, EmptyFile) {
    auto r = read_text("", "broken.txt");
    expect_error(r, 1, 0, "the file is empty: expected a summary paragraph");
}

TEST(ReaderErrors, OnlyBlankLines) {
    auto r = read_text("\xEF\xBB\xBF\r\n  \n\t\n", "broken.txt");
    expect_error(r, 1, 0, "the file holds only blank lines");
}

TEST(ReaderErrors, NoTableOfContents) {
    auto r = read_text("Summary.\nIntro.\nA heading\nText.\n-not an entry\nEnd.\n", "broken.txt");
    expect_error(r, 6, 0, "expected a table of contents (lines beginning with \"- \")");
}

TEST(ReaderErrors, LastEntryHasNoHeading) {
    auto r = read_text(head + "First\nF.\nSecond\nS.\nEnd.", "broken.txt");
    expect_error(r, 10, 0,
                 "expected the heading \"Third\" (table of contents entry 3, line 5) but reached the end of the file");
}

TEST(ReaderErrors, TableOfContentsIsTheEndOfTheFile) {
    auto r = read_text(head, "broken.txt");
    expect_error(r, 5, 0, "expected the heading \"First\" (table of contents entry 1, line 3) but reached the end");
}

TEST(ReaderErrors, MiddleEntryHasNoHeading) {
    auto r = read_text(head + "First\nF.\nS.\nThird\nT.\nEnd.", "broken.txt");
    expect_error(r, 9, 0,
                 "expected the heading \"Second\" (table of contents entry 2, line 4) but found the heading of "
                 "table of contents entry 3 \"Third\"; the body has no heading \"Second\"");
}

TEST(ReaderErrors, HeadingsOutOfOrder) {
    auto r = read_text(head + "First\nF.\nThird\nT.\nSecond\nS.\nEnd.", "broken.txt");
    expect_error(r, 8, 0, "the headings are out of order (\"Second\" comes later, at line 10)");
}

TEST(ReaderErrors, FirstHeadingMissingBodyStartsWithParagraph) {
    auto r = read_text(head + "F.\nSecond\nS.\nThird\nT.\nEnd.", "broken.txt");
    expect_error(r, 6, 0,
                 "expected the heading \"First\" (table of contents entry 1, line 3) after the table of contents but "
                 "found a paragraph; the body has no heading \"First\"");
}

TEST(ReaderErrors, ParagraphBeforeFirstHeading) {
    auto r = read_text(head + "\nStray.\nFirst\nF.\nSecond\nS.\nThird\nT.\nEnd.", "broken.txt");
    expect_error(r, 7, 0, "found a paragraph (the heading comes only at line 8)");
}

TEST(ReaderErrors, HeadingRepeated) {
    auto r = read_text(head + "First\nF.\nSecond\nFirst\nThird\nT.\nEnd.", "broken.txt");
    expect_error(r, 9, 0,
                 "the heading \"First\" of table of contents entry 1 appears again (its section began at line 6); "
                 "expected the heading \"Third\"");
}

TEST(ReaderErrors, HeadingRepeatedAfterTheLastSection) {
    auto r = read_text(head + "First\nF.\nSecond\nS.\nThird\nT.\n  second \nEnd.", "broken.txt");
    // "second" differs in case: an ordinary paragraph. "Second" with spaces is the heading again.
    ASSERT_EQ(r.status, Status::ok) << r.diagnostics.text();
    r = read_text(head + "First\nF.\nSecond\nS.\nThird\nT.\n  Second \nEnd.", "broken.txt");
    expect_error(r, 12, 0, "appears again (its section began at line 8); expected a paragraph");
}

TEST(ReaderErrors, ControlCharacter) {
    auto r = read_text(head + "First\nRing the \a bell.\n", "broken.txt");
    expect_error(r, 7, 10, "control character U+0007 in the text");
}

TEST(ReaderErrors, NulCharacter) {
    auto r = read_text(std::string("Sum\0mary.", 9), "broken.txt");
    expect_error(r, 1, 4, "control character U+0000");
}

TEST(ReaderErrors, FormFeedIsNotALineEnd) {
    auto r = read_text("Summary.\r\nIntro.\f\r\n", "broken.txt");
    expect_error(r, 2, 7, "U+000C");
}

TEST(ReaderErrors, DeleteCharacter) {
    auto r = read_text("Summary.\n\x7F", "broken.txt");
    expect_error(r, 2, 1, "U+007F");
}

TEST(ReaderErrors, C1ControlCharacter) {
    auto r = read_text("Summary \xC2\x85 next line.", "broken.txt");
    expect_error(r, 1, 9, "U+0085");
}

// Tab is the one control character the text may hold; a non-breaking space (C2 A0) is text.
TEST(ReaderErrors, TabAndNoBreakSpaceAreText) {
    auto r = read_text("Sum\tmary\xC2\xA0.\nIntro.\n- A\nA\nText.\nEnd.", "broken.txt");
    ASSERT_EQ(r.status, Status::ok) << r.diagnostics.text();
    ASSERT_EQ(r.articles.size(), 1u);
    EXPECT_EQ(plain_text(r.articles[0].summary[0]), "Sum\tmary\xC2\xA0.");
}

// The first error stops the read: nothing half-read reaches the sink, warnings included or not.
TEST(ReaderErrors, WarningsBeforeAnErrorStillGiveNoArticle) {
    auto r = read_text("Summary.\n- A\n- B\nA\nText.\n", "broken.txt");
    EXPECT_EQ(r.diagnostics.warning_count(), 1u) << r.diagnostics.text();
    expect_error(r, 5, 0, "expected the heading \"B\"");
}

}  // namespace
}  // namespace fascicle::article_text
