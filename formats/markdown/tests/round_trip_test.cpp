// The round trip: our Markdown, read back by a real parser (libcmark here, libcmark-gfm in the
// GFM build of this file), gives back every heading and paragraph of the IR with the same text
// and inline structure, and the summary, lists, quotes and code in their places. On the sample
// corpus, on the hostile-punctuation article, and on seeded random text and inline trees.
#include "expected_blocks.hpp"
#include "hostile_text.hpp"
#include "markdown_tree.hpp"
#include "render_markdown.hpp"
#include <sample_corpus_book.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#ifndef FASCICLE_ROUND_TRIP_SUITE
#define FASCICLE_ROUND_TRIP_SUITE CommonMarkRoundTrip
#endif

namespace fascicle::markdown::test {
namespace {

// The writer flavors this parser must read exactly: a CommonMark parser reads both (GFM output
// only escapes more), a GFM parser reads GFM output.
std::vector<std::string> writer_flavors() {
    if (std::string_view(parser_flavor()) == "gfm") return {"gfm"};
    return {"commonmark", "gfm"};
}

// Writer options: the flavor, and wrapping at `columns` unless 0.
Options options_for(const std::string& flavor, std::size_t columns) {
    Options o{{"markdown-flavor", flavor}};
    if (columns) o["columns"] = std::to_string(columns);
    return o;
}

std::string visible(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
        if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c == '\r') out += "\\r";
        else if (c < 0x20 || c >= 0x80) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            out += buf;
        } else out += char(c);
    }
    return out;
}

::testing::AssertionResult round_trips(const Book& book, const Options& options, bool split = false) {
    const std::string markdown = render_markdown(book, options, split);
    auto parsed = normalized(parse_markdown(without_metadata_block(markdown)));
    auto expected = expected_blocks(book, split);
    if (options.count("columns")) {  // wrapping turns blanks into line breaks
        parsed = with_collapsed_whitespace(std::move(parsed));
        expected = with_collapsed_whitespace(std::move(expected));
    }
    if (parsed == expected) return ::testing::AssertionSuccess();

    std::size_t k = 0;
    while (k < parsed.size() && k < expected.size() && parsed[k] == expected[k]) ++k;
    auto failure = ::testing::AssertionFailure();
    failure << "blocks: expected " << expected.size() << ", parsed " << parsed.size()
            << "; first difference at block " << k << "\n";
    if (k < expected.size()) failure << "expected:\n" << visible(describe(expected[k])) << "\n";
    if (k < parsed.size()) failure << "parsed:\n" << visible(describe(parsed[k])) << "\n";
    if (markdown.size() < 3000) failure << "markdown:\n" << markdown << "(visible: " << visible(markdown) << ")";
    return failure;
}

// How many random documents each random test writes, from which seed: fixed, unless
// FASCICLE_MARKDOWN_FUZZ_ROUNDS and FASCICLE_MARKDOWN_FUZZ_SEED ask for a longer or another run.
int fuzz_rounds(int normal) {
    const char* asked = std::getenv("FASCICLE_MARKDOWN_FUZZ_ROUNDS");
    return asked ? std::max(1, std::atoi(asked)) : normal;
}

unsigned fuzz_seed(unsigned normal) {
    const char* asked = std::getenv("FASCICLE_MARKDOWN_FUZZ_SEED");
    return asked ? static_cast<unsigned>(std::strtoul(asked, nullptr, 10)) : normal;
}

Book one_article_book(Article article) {
    Book book;
    book.articles.push_back(std::move(article));
    return book;
}

TEST(FASCICLE_ROUND_TRIP_SUITE, SampleCorpus) {
    const Book book = fascicle::test::sample_corpus_book();
    ASSERT_EQ(book.articles.size(), 5u);
    for (const auto& flavor : writer_flavors())
        for (std::size_t columns : {0, 72, 30})
            EXPECT_TRUE(round_trips(book, options_for(flavor, columns))) << flavor << " columns " << columns;
}

TEST(FASCICLE_ROUND_TRIP_SUITE, SampleCorpusSplitOneDocumentPerArticle) {
    const Book book = fascicle::test::sample_corpus_book();
    for (const auto& article : book.articles) {
        Book single = book;
        single.articles = {article};
        for (const auto& flavor : writer_flavors())
            EXPECT_TRUE(round_trips(single, options_for(flavor, 0), true)) << article.id;
    }
}

TEST(FASCICLE_ROUND_TRIP_SUITE, HostilePunctuationArticle) {
    Book book = one_article_book(hostile_punctuation_article());
    book.metadata.title = "# Book * title \\";
    ASSERT_GT(book.articles[0].introduction.size(), 32u * 30u);
    for (const auto& flavor : writer_flavors())
        for (std::size_t columns : {0, 8, 24, 72})
            EXPECT_TRUE(round_trips(book, options_for(flavor, columns))) << flavor << " columns " << columns;
}

// Each hostile string alone as a paragraph, so that it is also the paragraph's first line.
TEST(FASCICLE_ROUND_TRIP_SUITE, HostileParagraphsAlone) {
    for (const auto& text : hostile_paragraphs()) {
        Article a;
        a.id = "a";
        a.title = fascicle::title_inlines(text);
        a.summary.push_back(Block::paragraph(text));
        a.introduction.push_back(Block::paragraph(text));
        const Book book = one_article_book(a);
        for (const auto& flavor : writer_flavors())
            ASSERT_TRUE(round_trips(book, options_for(flavor, 0))) << flavor << " text: " << visible(text);
    }
}

TEST(FASCICLE_ROUND_TRIP_SUITE, RandomTextInTitlesAndParagraphs) {
    std::mt19937 random(fuzz_seed(20240611));
    for (int round = 0, rounds = fuzz_rounds(1500); round < rounds; ++round) {
        Book book;
        book.metadata.title = random_text(random, 12);
        Article a;
        a.id = "a";
        a.title = fascicle::title_inlines(random_text(random, 12));
        a.summary.push_back(Block::paragraph(random_text(random, 30)));
        a.introduction.push_back(Block::paragraph(random_text(random, 40)));
        Section s;
        s.id = "s";
        s.title = fascicle::title_inlines(random_text(random, 12));
        s.blocks.push_back(Block::paragraph(random_text(random, 60)));
        a.sections.push_back(s);
        book.articles.push_back(a);
        for (const auto& flavor : writer_flavors())
            for (std::size_t columns : {0, 10})
                ASSERT_TRUE(round_trips(book, options_for(flavor, columns)))
                    << "round " << round << ", " << flavor << ", columns " << columns;
    }
}

TEST(FASCICLE_ROUND_TRIP_SUITE, RandomInlineTrees) {
    std::mt19937 random(fuzz_seed(7));
    for (int round = 0, rounds = fuzz_rounds(1500); round < rounds; ++round) {
        Article a;
        a.id = "a";
        a.title = fascicle::title_inlines("t");
        Block p;
        p.inlines = random_inlines(random, 3);
        a.introduction.push_back(p);
        const Book book = one_article_book(a);
        for (const auto& flavor : writer_flavors())
            for (std::size_t columns : {0, 12})
                ASSERT_TRUE(round_trips(book, options_for(flavor, columns)))
                    << "round " << round << ", " << flavor << ", columns " << columns << "\n" << dump(a);
    }
}

TEST(FASCICLE_ROUND_TRIP_SUITE, ListsQuotesAndCodeKeepTheirPlaces) {
    auto item = [](std::vector<Block> blocks) { return blocks; };
    Block bullets;
    bullets.kind = Block::Kind::list;
    bullets.items = {item({Block::paragraph("1. first")}), item({Block::paragraph("- second")}), item({})};
    Block bullets_again = bullets;  // must stay a separate list
    Block ordered;
    ordered.kind = Block::Kind::list;
    ordered.ordered = true;
    ordered.start = 7;
    Block code;
    code.kind = Block::Kind::code_block;
    code.text = "```\n~~~\n\n    indented ``` `\n";
    Block quote;
    quote.kind = Block::Kind::block_quote;
    quote.children = {Block::paragraph("> quoted"), code, bullets};
    ordered.items = {item({Block::paragraph("seven"), quote}), item({code}), item({bullets, Block::paragraph("after")})};
    Block ordered_again = ordered;
    ordered_again.start = 1;

    Article a;
    a.id = "a";
    a.title = fascicle::title_inlines("Containers");
    a.summary = {Block::paragraph("summary"), bullets, code};
    a.introduction = {bullets, bullets_again, ordered, ordered_again, quote, quote, code, Block::paragraph("end")};
    Section s;
    s.id = "s";
    s.title = fascicle::title_inlines("Sub");
    Section sub;
    sub.id = "sub";
    sub.title = fascicle::title_inlines("Deeper");
    sub.blocks = {quote};
    for (int depth = 0; depth < 6; ++depth) {  // beyond level 6 stays 6
        Section deeper = sub;
        sub.subsections = {deeper};
    }
    s.subsections = {sub};
    a.sections = {s};
    a.conclusion = {ordered};
    const Book book = one_article_book(a);
    for (const auto& flavor : writer_flavors())
        for (std::size_t columns : {0, 6, 40})
            EXPECT_TRUE(round_trips(book, options_for(flavor, columns))) << flavor << " columns " << columns;
}

TEST(FASCICLE_ROUND_TRIP_SUITE, StandaloneDocumentsParseAfterTheirMetadataBlock) {
    Book book = one_article_book(hostile_punctuation_article());
    book.metadata.title = "Title: \"quoted\" # not a heading";
    book.metadata.set_authors({"A. Writer", "B. --- Other"});
    book.metadata.language = "en";
    for (const auto& flavor : writer_flavors()) {
        Options o = options_for(flavor, 0);
        o["standalone"] = "true";
        EXPECT_TRUE(round_trips(book, o)) << flavor;
        EXPECT_TRUE(round_trips(book, o, true)) << flavor << " split";
    }
}

}  // namespace
}  // namespace fascicle::markdown::test
