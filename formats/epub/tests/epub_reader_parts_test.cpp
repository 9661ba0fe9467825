// The reader's small parts on their own: archive paths, id inversion, white space, entities.
#include "archive_paths.hpp"
#include <fascicle/html_entities.hpp>
#include "html_whitespace.hpp"
#include "xml_id_inversion.hpp"

#include <fascicle/ir.hpp>

#include <gtest/gtest.h>

namespace fascicle::epub::test {
namespace {

using namespace fascicle::epub::reader;
using fascicle::html::html_entity;

TEST(ReaderParts, EntryNamesThatEscape) {
    for (const char* bad :
         {"", "/abs", "\\abs", "C:x", "c:/x", "..", "../x", "a/../../x", "a/..", "a\\..\\x", "./../x"})
        EXPECT_TRUE(escapes_archive(bad)) << bad;
    for (const char* good : {"mimetype", "EPUB/package.opf", "a/b/c.xhtml", "..x", "x..", "a/..b/c", "dir/", "ab:c"})
        EXPECT_FALSE(escapes_archive(good)) << good;
}

TEST(ReaderParts, HrefsResolveInsideTheArchive) {
    EXPECT_EQ(resolve_href("EPUB/package.opf", "text/ch1.xhtml"), "EPUB/text/ch1.xhtml");
    EXPECT_EQ(resolve_href("EPUB/text/ch1.xhtml", "../images/a%20b.png"), "EPUB/images/a b.png");
    EXPECT_EQ(resolve_href("EPUB/nav.xhtml", "text/ch1.xhtml#section-2"), "EPUB/text/ch1.xhtml");
    EXPECT_EQ(resolve_href("EPUB/nav.xhtml", "#toc"), "EPUB/nav.xhtml");
    EXPECT_EQ(resolve_href("EPUB/nav.xhtml", "./a/./b.xhtml?x=1"), "EPUB/a/b.xhtml");
    EXPECT_EQ(resolve_href("content.opf", "ch.xhtml"), "ch.xhtml");
    EXPECT_EQ(resolve_href("", "OEBPS/content.opf"), "OEBPS/content.opf");
    EXPECT_EQ(resolve_href("EPUB/p.opf", "100%.xhtml"), "EPUB/100%.xhtml");  // not an escape: kept
    EXPECT_EQ(resolve_href("EPUB/package.opf", "../../etc/passwd"), std::nullopt);
    EXPECT_EQ(resolve_href("EPUB/package.opf", "/etc/passwd"), std::nullopt);
    EXPECT_EQ(resolve_href("EPUB/package.opf", "https://example.org/x.xhtml"), std::nullopt);
    EXPECT_EQ(resolve_href("EPUB/package.opf", "file:///etc/passwd"), std::nullopt);
    EXPECT_EQ(entry_stem("EPUB/text/ch001.xhtml"), "ch001");
    EXPECT_EQ(entry_stem("title_page"), "title_page");
}

TEST(ReaderParts, HrefsOfEntriesRelativeToADocument) {
    EXPECT_EQ(relative_href("EPUB/text/ch002.xhtml", "EPUB/text/@"), "@");
    EXPECT_EQ(relative_href("EPUB/text/ch002.xhtml", "EPUB/text/other.html#part-2"), "other.html#part-2");
    EXPECT_EQ(relative_href("EPUB/text/ch002.xhtml", "EPUB/images/a b.png"), "../images/a%20b.png");
    EXPECT_EQ(relative_href("EPUB/text/ch002.xhtml", "notes/100%?.xhtml"), "../../notes/100%25%3F.xhtml");
    EXPECT_EQ(relative_href("ch.xhtml", "sub/dir/page.xhtml"), "sub/dir/page.xhtml");
    // What resolve_href reads back is the entry it was made from.
    for (const std::string entry : {"EPUB/text/@", "EPUB/images/a b.png", "notes/100%?.xhtml", "EPUB/é.xhtml"})
        EXPECT_EQ(resolve_href("EPUB/text/ch002.xhtml", relative_href("EPUB/text/ch002.xhtml", entry)), entry);
}

TEST(ReaderParts, ArticleIdsInverted) {
    // Every id the writer could have been given, and what article_xml_id made of it.
    for (const std::string id : {"000_f53ed46ec5733f67", "chapter", "_x", "1", "-x", ".x", "hostile", "a-b", "A-1x"})
        EXPECT_EQ(article_id_from_xml_id(article_xml_id(id)), id) << id;
    EXPECT_EQ(article_id_from_xml_id("a-1"), "1");  // the ambiguous case: "1" (a file name) wins over "a-1"
    EXPECT_EQ(article_id_from_xml_id("making-paper"), "making-paper");
}

TEST(ReaderParts, SectionIdsInverted) {
    struct Case {
        std::string id, title;
    };
    for (const Case& c : std::vector<Case>{{"kratoms-chemical-key", "Kratom's Chemical Key"},
                                           {"2024-review", "2024 Review"},
                                           {"s-2", "S 2"},
                                           {"s-2-2", "S 2"},
                                           {"section", "!?"},
                                           {"section-2", "..."},
                                           {"conclusion", "Conclusion"},
                                           {"1", "One"}}) {
        const std::string heading_id = part_xml_id("0a", c.id);
        EXPECT_EQ(section_id_from_xml_id(heading_id, article_xml_id("0a"), c.title), c.id) << heading_id;
    }
    EXPECT_EQ(section_id_from_xml_id("other.s-1", "a-0a", "x"), std::nullopt);
    EXPECT_EQ(section_id_from_xml_id("a-0a.", "a-0a", "x"), std::nullopt);
}

TEST(ReaderParts, WhiteSpaceCollapses) {
    EXPECT_EQ(collapse_whitespace("  a \t\n b  "), "a b");
    EXPECT_EQ(collapse_whitespace(" \n "), "");
    EXPECT_EQ(collapse_whitespace("a\u00A0\u00A0b"), "a\u00A0\u00A0b");  // no-break spaces are text

    Inline em;
    em.kind = Inline::Kind::emphasis;
    em.children = {Inline::plain(" b ")};
    Inline code;
    code.kind = Inline::Kind::code;
    code.text = "  c  ";
    Inline empty_strong;
    empty_strong.kind = Inline::Kind::strong;
    empty_strong.children = {Inline::plain("\n")};
    Inline line_break = Inline::wrap(Inline::Kind::line_break, {});
    std::vector<Inline> inlines{Inline::plain("\n a "), em,         Inline::plain(" "),   code, empty_strong,
                                Inline::plain(" d "),   line_break, Inline::plain(" e\n")};
    collapse_whitespace(inlines);
    Inline em_after;
    em_after.kind = Inline::Kind::emphasis;
    em_after.children = {Inline::plain("b ")};
    const std::vector<Inline> expected{Inline::plain("a "), em_after,   code,
                                       Inline::plain(" d"), line_break, Inline::plain("e")};
    EXPECT_EQ(inlines, expected);
}

TEST(ReaderParts, HtmlEntities) {
    EXPECT_EQ(html_entity("nbsp"), U'\u00A0');
    EXPECT_EQ(html_entity("mdash"), U'\u2014');
    EXPECT_EQ(html_entity("AElig"), U'\u00C6');
    EXPECT_EQ(html_entity("zwnj"), U'\u200C');
    EXPECT_EQ(html_entity("amp"), std::nullopt);  // XML's own: the parser's business
    EXPECT_EQ(html_entity("NBSP"), std::nullopt);
    EXPECT_EQ(html_entity("bogus"), std::nullopt);
}

}  // namespace
}  // namespace fascicle::epub::test
