// What the grammar tolerates: each variant of a well-formed article reads to the same IR, silently
// or with a warning that names the file and line.
#include "read_text.hpp"

#include <gtest/gtest.h>

namespace fascicle::article_text {
namespace {

using test::read_text;

// A small article in canonical form, one line per entry of `lines`.
const std::vector<std::string> canonical_lines{
    "Summary paragraph.",                  // 1
    "Introduction, first paragraph.",      // 2
    "Introduction, second paragraph.",     // 3
    "- The reader's \"first\" part",       // 4
    "- Second part",                       // 5
    "The reader's \"first\" part",         // 6
    "Paragraph 1.1, with\ta tab.",         // 7
    "Second part",                         // 8
    "Paragraph 2.1.",                      // 9
    "Paragraph 2.2.",                      // 10
    "In conclusion, it reads.",            // 11
};

std::string join(const std::vector<std::string>& lines, std::string_view line_end, bool final_line_end) {
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        out += lines[i];
        if (i + 1 < lines.size() || final_line_end) out += line_end;
    }
    return out;
}

Article expected_article() {
    Article a;
    a.id = "article";
    a.source = "article.txt";
    a.title = fascicle::title_inlines("The reader's \"first\" part");
    a.summary = {Block::paragraph("Summary paragraph.")};
    a.introduction = {Block::paragraph("Introduction, first paragraph."),
                      Block::paragraph("Introduction, second paragraph.")};
    a.sections = {
        {"the-readers-first-part",
         fascicle::title_inlines("The reader's \"first\" part"),
         {Block::paragraph("Paragraph 1.1, with\ta tab.")},
         {}},
        {"second-part", fascicle::title_inlines("Second part"), {Block::paragraph("Paragraph 2.1.")}, {}},
    };
    a.sections[1].blocks.push_back(Block::paragraph("Paragraph 2.2."));
    a.conclusion = {Block::paragraph("In conclusion, it reads.")};
    return a;
}

void expect_silently_same(const test::ReadResult& r) {
    ASSERT_EQ(r.status, Status::ok) << r.diagnostics.text();
    EXPECT_TRUE(r.diagnostics.all.empty()) << r.diagnostics.text();
    ASSERT_EQ(r.articles.size(), 1u);
    EXPECT_EQ(r.articles[0], expected_article()) << dump(r.articles[0]);
}

// The one warning a tolerated deviation gives, and that the article is still the expected one.
void expect_one_warning(const test::ReadResult& r, std::size_t line, const std::string& fragment) {
    ASSERT_EQ(r.status, Status::ok) << r.diagnostics.text();
    ASSERT_EQ(r.diagnostics.all.size(), 1u) << r.diagnostics.text();
    const auto& d = r.diagnostics.all[0];
    EXPECT_EQ(d.severity, Severity::warning);
    EXPECT_EQ(d.file, "article.txt");
    EXPECT_EQ(d.line, line);
    EXPECT_NE(d.message.find(fragment), std::string::npos) << d.message;
    ASSERT_EQ(r.articles.size(), 1u);
    EXPECT_EQ(r.articles[0], expected_article()) << dump(r.articles[0]);
}

TEST(ReaderTolerance, CanonicalFormWithFinalNewline) {
    expect_silently_same(read_text(join(canonical_lines, "\n", true)));
}

TEST(ReaderTolerance, MissingFinalNewline) { expect_silently_same(read_text(join(canonical_lines, "\n", false))); }

TEST(ReaderTolerance, ByteOrderMark) {
    expect_silently_same(read_text("\xEF\xBB\xBF" + join(canonical_lines, "\n", true)));
}

TEST(ReaderTolerance, CrlfLineEnds) { expect_silently_same(read_text(join(canonical_lines, "\r\n", true))); }

TEST(ReaderTolerance, CrLineEnds) { expect_silently_same(read_text(join(canonical_lines, "\r", false))); }

TEST(ReaderTolerance, MixedLineEnds) {
    std::string text;
    const char* ends[] = {"\n", "\r\n", "\r"};
    for (std::size_t i = 0; i < canonical_lines.size(); ++i) text += canonical_lines[i] + ends[i % 3];
    expect_silently_same(read_text(text));
}

TEST(ReaderTolerance, BlankLinesBetweenParagraphs) {
    std::vector<std::string> lines;
    lines.push_back("");
    for (const auto& l : canonical_lines) {
        lines.push_back(l);
        lines.push_back("");
        lines.push_back(" \t ");
    }
    expect_silently_same(read_text(join(lines, "\n", true)));
}

TEST(ReaderTolerance, LeadingAndTrailingSpaces) {
    std::vector<std::string> lines;
    for (const auto& l : canonical_lines) lines.push_back("  " + l + " \t ");
    lines[3] = "- \t The reader's \"first\" part  ";  // spaces after the marker too
    expect_silently_same(read_text(join(lines, "\n", true)));
}

TEST(ReaderTolerance, HeadingDiffersInWhiteSpace) {
    auto lines = canonical_lines;
    lines[7] = "Second  \t part";
    expect_one_warning(read_text(join(lines, "\n", true)), 8, "differs from its table of contents entry");
}

TEST(ReaderTolerance, HeadingDiffersInNonBreakingSpace) {
    auto lines = canonical_lines;
    lines[7] = "Second\u00A0part";
    expect_one_warning(read_text(join(lines, "\n", true)), 8, "\"Second part\" (line 5)");
}

TEST(ReaderTolerance, HeadingHasTypographicQuotes) {
    auto lines = canonical_lines;
    lines[5] = "The reader\u2019s \u201Cfirst\u201D part";
    expect_one_warning(read_text(join(lines, "\n", true)), 6, "in white space or quotes");
}

// The other way round: the table of contents is typographic, the heading straight. The section
// takes the table of contents title.
TEST(ReaderTolerance, TableOfContentsHasTypographicQuotes) {
    auto lines = canonical_lines;
    lines[3] = "- The reader\u2019s \u201Cfirst\u201D part";
    auto r = read_text(join(lines, "\n", true));
    ASSERT_EQ(r.status, Status::ok);
    ASSERT_EQ(r.diagnostics.warning_count(), 1u) << r.diagnostics.text();
    EXPECT_EQ(r.diagnostics.all[0].line, 6u);
    EXPECT_EQ(r.diagnostics.all[0].file, "article.txt");
    ASSERT_EQ(r.articles.size(), 1u);
    EXPECT_EQ(r.articles[0].sections[0].title_text(), "The reader\u2019s \u201Cfirst\u201D part");
    EXPECT_EQ(r.articles[0].title_text(), "The reader\u2019s \u201Cfirst\u201D part");
    EXPECT_EQ(r.articles[0].sections[0].id, "the-readers-first-part");
}

TEST(ReaderTolerance, EveryToleranceAtOnce) {
    auto lines = canonical_lines;
    for (auto& l : lines) l = " " + l + "  ";
    lines[7] = "Second   part";
    lines.insert(lines.begin() + 5, "");
    auto r = read_text("\xEF\xBB\xBF" + join(lines, "\r\n", false));
    expect_one_warning(r, 9, "differs");
}

// Deviations the IR can still hold: a warning each, the article produced.
TEST(ReaderTolerance, NoIntroductionWarns) {
    auto r = read_text("Summary.\n- Part\nPart\nText.\nEnd.\n");
    ASSERT_EQ(r.status, Status::ok);
    ASSERT_EQ(r.diagnostics.all.size(), 1u) << r.diagnostics.text();
    EXPECT_EQ(r.diagnostics.all[0].severity, Severity::warning);
    EXPECT_EQ(r.diagnostics.all[0].line, 2u);
    EXPECT_NE(r.diagnostics.all[0].message.find("no introduction"), std::string::npos);
    ASSERT_EQ(r.articles.size(), 1u);
    EXPECT_EQ(r.articles[0].summary.size(), 1u);
    EXPECT_TRUE(r.articles[0].introduction.empty());
    EXPECT_EQ(r.articles[0].conclusion.size(), 1u);
}

TEST(ReaderTolerance, NoSummaryWarns) {
    auto r = read_text("\n- Part\nPart\nText.\nEnd.");
    ASSERT_EQ(r.status, Status::ok);
    ASSERT_EQ(r.diagnostics.all.size(), 1u) << r.diagnostics.text();
    EXPECT_EQ(r.diagnostics.all[0].line, 2u);
    EXPECT_NE(r.diagnostics.all[0].message.find("expected the summary paragraph"), std::string::npos);
    ASSERT_EQ(r.articles.size(), 1u);
    EXPECT_TRUE(r.articles[0].summary.empty());
    EXPECT_TRUE(r.articles[0].introduction.empty());
}

// Taking the last paragraph as the conclusion would leave the last section empty: it stays.
TEST(ReaderTolerance, LastSectionWithOneParagraphKeepsIt) {
    auto r = read_text("Summary.\nIntro.\n- A\n- B\nA\nText A.\nB\nOnly paragraph of B.");
    ASSERT_EQ(r.status, Status::ok);
    ASSERT_EQ(r.diagnostics.all.size(), 1u) << r.diagnostics.text();
    EXPECT_EQ(r.diagnostics.all[0].file, "article.txt");
    EXPECT_EQ(r.diagnostics.all[0].line, 8u);
    EXPECT_NE(r.diagnostics.all[0].message.find("no conclusion"), std::string::npos);
    ASSERT_EQ(r.articles.size(), 1u);
    EXPECT_TRUE(r.articles[0].conclusion.empty());
    ASSERT_EQ(r.articles[0].sections[1].blocks.size(), 1u);
    EXPECT_EQ(plain_text(r.articles[0].sections[1].blocks[0]), "Only paragraph of B.");
}

TEST(ReaderTolerance, LastSectionWithoutParagraphs) {
    auto r = read_text("Summary.\nIntro.\n- A\n- B\nA\nText A.\nB\n");
    ASSERT_EQ(r.status, Status::ok);
    ASSERT_EQ(r.diagnostics.all.size(), 1u) << r.diagnostics.text();
    EXPECT_EQ(r.diagnostics.all[0].line, 7u);
    EXPECT_NE(r.diagnostics.all[0].message.find("\"B\" has no paragraphs"), std::string::npos);
    ASSERT_EQ(r.articles.size(), 1u);
    EXPECT_TRUE(r.articles[0].sections[1].blocks.empty());
    EXPECT_TRUE(r.articles[0].conclusion.empty());
}

TEST(ReaderTolerance, EmptyMiddleSectionWarns) {
    auto r = read_text("Summary.\nIntro.\n- A\n- B\nA\nB\nText B.\nThe end.");
    ASSERT_EQ(r.status, Status::ok);
    ASSERT_EQ(r.diagnostics.all.size(), 1u) << r.diagnostics.text();
    EXPECT_EQ(r.diagnostics.all[0].line, 5u);
    EXPECT_NE(r.diagnostics.all[0].message.find("\"A\" has no paragraphs"), std::string::npos);
    ASSERT_EQ(r.articles.size(), 1u);
    EXPECT_TRUE(r.articles[0].sections[0].blocks.empty());
    EXPECT_EQ(r.articles[0].sections[1].blocks.size(), 1u);
    EXPECT_EQ(r.articles[0].conclusion.size(), 1u);
}

// Sections with the same title get distinct ids; a body line "- ..." is an ordinary paragraph.
TEST(ReaderTolerance, RepeatedTitlesAndDashParagraphs) {
    auto r = read_text("Summary.\nIntro.\n- Notes\n- Data\n- Notes\nNotes\n- not an entry\nData\nD.\nNotes\nN.\nEnd.");
    ASSERT_EQ(r.status, Status::ok) << r.diagnostics.text();
    EXPECT_TRUE(r.diagnostics.all.empty()) << r.diagnostics.text();
    ASSERT_EQ(r.articles.size(), 1u);
    const auto& s = r.articles[0].sections;
    ASSERT_EQ(s.size(), 3u);
    EXPECT_EQ(s[0].id, "notes");
    EXPECT_EQ(s[1].id, "data");
    EXPECT_EQ(s[2].id, "notes-2");
    ASSERT_EQ(s[0].blocks.size(), 1u);
    EXPECT_EQ(plain_text(s[0].blocks[0]), "- not an entry");
}

}  // namespace
}  // namespace fascicle::article_text
