// Large inputs: the reader's cost is linear in the input (one read, one split, no quadratic string
// building). These assert correctness on sizes where a quadratic reader would not finish in time.
#include "read_text.hpp"

#include <gtest/gtest.h>

namespace fascicle::article_text {
namespace {

using test::read_text;

TEST(ReaderLargeInput, FiftyMegabyteArticle) {
    constexpr std::size_t section_count = 500;
    constexpr std::size_t paragraphs_per_section = 200;
    const std::string paragraph(500, 'x');  // 500 x 200 x 500 bytes: 50 MB of paragraphs

    std::string text = "Summary.\nIntroduction.\n";
    for (std::size_t s = 0; s < section_count; ++s) text += "- Section " + std::to_string(s) + "\n";
    for (std::size_t s = 0; s < section_count; ++s) {
        text += "Section " + std::to_string(s) + "\r\n";
        for (std::size_t p = 0; p < paragraphs_per_section; ++p) {
            text += paragraph;
            text += p == 0 ? "\r\n" : "\n";
        }
    }
    text += "The conclusion.";
    ASSERT_GE(text.size(), 50'000'000u);

    auto r = read_text(text, "large.txt");
    ASSERT_EQ(r.status, Status::ok) << r.diagnostics.text();
    EXPECT_TRUE(r.diagnostics.all.empty()) << r.diagnostics.text().substr(0, 2000);
    ASSERT_EQ(r.articles.size(), 1u);
    const Article& a = r.articles[0];
    ASSERT_EQ(a.sections.size(), section_count);
    for (const auto& s : a.sections) ASSERT_EQ(s.blocks.size(), paragraphs_per_section) << s.title_text();
    EXPECT_EQ(a.sections[499].title_text(), "Section 499");
    EXPECT_EQ(a.sections[499].id, "section-499");
    EXPECT_EQ(plain_text(a.sections[250].blocks[199]), paragraph);
    ASSERT_EQ(a.conclusion.size(), 1u);
    EXPECT_EQ(plain_text(a.conclusion[0]), "The conclusion.");
}

// One line of a megabyte as a paragraph, and as a whole file that is a single line.
TEST(ReaderLargeInput, OneMegabyteSingleLine) {
    std::string line;
    line.reserve(1 << 20);
    while (line.size() < (1u << 20)) line += "word \u2019quoted\u2019 ";
    line += "end";

    auto r = read_text("Summary.\nIntro.\n- Part\nPart\n" + line + "\nEnd.", "long-line.txt");
    ASSERT_EQ(r.status, Status::ok) << r.diagnostics.text();
    ASSERT_EQ(r.articles.size(), 1u);
    ASSERT_EQ(r.articles[0].sections.size(), 1u);
    ASSERT_EQ(r.articles[0].sections[0].blocks.size(), 1u);
    EXPECT_EQ(plain_text(r.articles[0].sections[0].blocks[0]), line);

    auto single = read_text(line, "long-line.txt");
    EXPECT_EQ(single.status, Status::failed);
    ASSERT_EQ(single.diagnostics.error_count(), 1u);
    EXPECT_EQ(single.diagnostics.all[0].line, 1u);
    EXPECT_NE(single.diagnostics.all[0].message.find("expected a table of contents"), std::string::npos);

    // A bad byte at the very end of the long line is found, with its byte column.
    auto bad = read_text("Summary.\n" + line + "\xFF", "long-line.txt");
    ASSERT_EQ(bad.diagnostics.error_count(), 1u);
    EXPECT_EQ(bad.diagnostics.all[0].line, 2u);
    EXPECT_EQ(bad.diagnostics.all[0].column, line.size() + 1);
}

}  // namespace
}  // namespace fascicle::article_text
