// The page map read from FOP's intermediate format: hand-made IF pages with the ids FOP writes,
// for the cases a real layout seldom shows together (the real one: tests/print_pages).
#include "print_page_map.hpp"

#include <fascicle/page_map.hpp>

#include <test_support.hpp>

#include <gtest/gtest.h>

#include <fstream>

namespace fascicle::pdf {
namespace {

Article article_of(const std::string& id, int paragraphs) {
    Article a;
    a.id = id;
    for (int n = 0; n < paragraphs; ++n) a.introduction.push_back(Block::paragraph("p" + std::to_string(n)));
    return a;
}

// One IF page: its folio and the ids painted on it, in order.
std::string page(const std::string& name, const std::vector<std::string>& ids) {
    std::string out = "<page index=\"0\" name=\"" + name + "\"><content>";
    for (const auto& id : ids) out += "<id name=\"" + id + "\"/><text>...</text>";
    return out + "</content></page>";
}

std::optional<PageMap> map_of(const std::string& pages, const PrintAnchors& anchors, std::string& error) {
    fascicle::test::TempDir dir;
    const auto file = dir / "book.if.xml";
    std::ofstream(file) << "<?xml version=\"1.0\"?><document xmlns=\"http://xmlgraphics.apache.org/fop/intermediate\">"
                           "<page-sequence>"
                        << pages << "</page-sequence></document>";
    return page_map_from_intermediate_format(file, anchors, error);
}

TEST(PrintPageMap, BodyPagesAtTheirFirstParagraphOrWithinTheOneTheyGoOnFrom) {
    PrintAnchors anchors;
    anchors.add_article(article_of("one", 3));
    anchors.add_article(article_of("two", 2));
    const auto a = [](const char* article, int n) { return page_anchor_xml_id(article, std::size_t(n)); };
    const std::string pages =
        page("i", {"toc", a("one", 0)}) +               // front matter: not in the map (a TOC entry, say)
        page("ii", {}) +
        page("1", {"a-one", a("one", 1), a("one", 0)}) +  // painted out of order: the first in the book wins
        page("2", {a("one", 1)}) +                       // goes on from one/1: seen already
        page("3", {a("one", 2)}) +
        page("4", {}) +                                  // a blank verso
        page("5", {a("two", 0), a("two", 1)});
    std::string error;
    const auto map = map_of(pages, anchors, error);
    ASSERT_TRUE(map) << error;
    // one/0 was first seen on page i: page 1 begins at one/1, the first anchor new there.
    EXPECT_EQ(map->pages, (std::vector<PageStart>{{"1", "one", 1, false},
                                                  {"2", "one", 1, true},
                                                  {"3", "one", 2, false},
                                                  {"4", "one", 2, true},
                                                  {"5", "two", 0, false}}));
}

TEST(PrintPageMap, BodyPagesBeforeTheFirstParagraphTakeItsStart) {
    PrintAnchors anchors;
    anchors.add_article(article_of("one", 1));
    std::string error;
    const auto map = map_of(page("1", {"a-one"}) + page("2", {page_anchor_xml_id("one", 0)}), anchors, error);
    ASSERT_TRUE(map) << error;
    EXPECT_EQ(map->pages, (std::vector<PageStart>{{"1", "one", 0, false}, {"2", "one", 0, false}}));
}

TEST(PrintPageMap, ALayoutWithoutAnchorsOrPagesIsAnError) {
    PrintAnchors anchors;
    anchors.add_article(article_of("one", 1));
    std::string error;
    EXPECT_FALSE(map_of(page("1", {}), anchors, error));
    EXPECT_NE(error.find("1 body page(s) and not one page anchor"), std::string::npos) << error;
    EXPECT_FALSE(map_of("", anchors, error));
    EXPECT_NE(error.find("no pages"), std::string::npos) << error;
}

}  // namespace
}  // namespace fascicle::pdf
