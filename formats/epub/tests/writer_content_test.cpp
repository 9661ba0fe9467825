// The content documents: chapters, navigation, NCX — structure, text, ids, languages, escaping.
#include "epub_archive.hpp"
#include "test_books.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace fascicle::epub::test {
namespace {

using fascicle::test::TempDir;

class EpubContent : public ::testing::Test {
protected:
    void SetUp() override {
        written = write_epub(book, dir.path());
        ASSERT_EQ(written.status, Status::ok) << written.diagnostics.text();
        archive = std::make_unique<EpubArchive>(written.path);
    }

    std::unique_ptr<pugi::xml_document> chapter(int number) {
        char name[64];
        std::snprintf(name, sizeof name, "EPUB/text/chapter-%04d.xhtml", number);
        return archive->xml(name);
    }

    ScopedEnvironment no_epoch{"SOURCE_DATE_EPOCH", std::nullopt};
    Book book = feature_book();
    TempDir dir;
    WrittenEpub written;
    std::unique_ptr<EpubArchive> archive;
};

// The text of every paragraph of the article, in reading order, as the chapter should show it.
void paragraphs_of(const std::vector<Block>& blocks, std::vector<std::string>& out) {
    for (const auto& b : blocks) {
        switch (b.kind) {
            case Block::Kind::paragraph: out.push_back(plain_text(b.inlines)); break;
            case Block::Kind::block_quote: paragraphs_of(b.children, out); break;
            case Block::Kind::list:
                for (const auto& item : b.items) paragraphs_of(item, out);
                break;
            case Block::Kind::code_block: break;
            default: break;  // not in the books these tests write
        }
    }
}

void paragraphs_of(const Section& s, std::vector<std::string>& out) {
    paragraphs_of(s.blocks, out);
    for (const auto& sub : s.subsections) paragraphs_of(sub, out);
}

std::vector<std::string> paragraphs_of(const Article& a) {
    std::vector<std::string> out;
    paragraphs_of(a.summary, out);
    paragraphs_of(a.introduction, out);
    for (const auto& s : a.sections) paragraphs_of(s, out);
    paragraphs_of(a.conclusion, out);
    return out;
}

TEST_F(EpubContent, EveryDocumentIsWellFormedAndSaysItsLanguage) {
    for (const auto& entry : archive->entries()) {
        if (!entry.name.ends_with(".xhtml")) continue;
        auto document = archive->xml(entry.name);
        const auto html = document->child("html");
        const std::string expected = entry.name == "EPUB/text/chapter-0002.xhtml" ? "fr" : "en-GB";
        EXPECT_EQ(std::string(html.attribute("lang").value()), expected) << entry.name;
        EXPECT_EQ(std::string(html.attribute("xml:lang").value()), expected) << entry.name;
        EXPECT_STREQ(html.attribute("xmlns").value(), "http://www.w3.org/1999/xhtml") << entry.name;
        EXPECT_TRUE(document->select_node("/html/head/title")) << entry.name;
        EXPECT_TRUE(document->select_node("/html/head/link[@rel='stylesheet']")) << entry.name;
    }
    EXPECT_STREQ(archive->xml("EPUB/toc.ncx")->child("ncx").attribute("xml:lang").value(), "en-GB");
}

TEST_F(EpubContent, AChapterHasTitleAbstractIntroductionSectionsAndConclusion) {
    auto doc = chapter(1);
    const auto body = doc->select_node("/html/body").node();
    EXPECT_STREQ(body.attribute("epub:type").value(), "bodymatter");
    const auto article = body.child("section");
    EXPECT_STREQ(article.attribute("role").value(), "doc-chapter");
    EXPECT_STREQ(article.attribute("epub:type").value(), "chapter");
    EXPECT_EQ(texts(*doc, "//h1"), std::vector<std::string>{"Alpha & Omega <one>"});

    const auto abstract = doc->select_node("//section[@role='doc-abstract']").node();
    ASSERT_TRUE(abstract);
    EXPECT_STREQ(abstract.attribute("epub:type").value(), "abstract");
    EXPECT_EQ(texts(abstract, "p"), std::vector<std::string>{"A summary with <angle brackets> & an ampersand."});

    const auto introduction = texts(*doc, "//div[@class='introduction']/p");
    ASSERT_EQ(introduction.size(), 2u);
    EXPECT_EQ(introduction[0], "The introduction.");
    EXPECT_EQ(texts(*doc, "//h2"), (std::vector<std::string>{"First steps", "Conclusion", "Conclusion"}));
    EXPECT_EQ(texts(*doc, "//h3"), std::vector<std::string>{"Deeper \"still\""});
    EXPECT_EQ(texts(*doc, "//h4"), std::vector<std::string>{"Deepest"});

    const auto conclusion = doc->select_node("//section[@role='doc-conclusion']").node();
    ASSERT_TRUE(conclusion);
    EXPECT_STREQ(conclusion.attribute("epub:type").value(), "conclusion");
    EXPECT_EQ(texts(conclusion, "h2"), std::vector<std::string>{"Conclusion"});
    EXPECT_EQ(texts(conclusion, "p"), std::vector<std::string>{"The real conclusion."});
    EXPECT_FALSE(chapter(2)->select_node("//section[@role='doc-conclusion']")) << "the second has none";
    EXPECT_FALSE(chapter(2)->select_node("//section[@role='doc-abstract']")) << "nor a summary";
}

TEST_F(EpubContent, EveryParagraphIsInItsChapterInOrder) {
    for (std::size_t i = 0; i < book.articles.size(); ++i) {
        auto doc = chapter(int(i) + 1);
        // A tight list's items of one paragraph hold its text without a <p>.
        std::vector<std::string> shown = texts(*doc, "//*[self::p or (self::li and not(p) and not(ul) and not(ol))]");
        std::vector<std::string> expected = paragraphs_of(book.articles[i]);
        // The control character XML cannot hold is U+FFFD: replaced where it was, not dropped unseen.
        if (i == 2) expected[1] = "Text with a form feed\xEF\xBF\xBD inside.";
        EXPECT_EQ(shown, expected) << book.articles[i].id;
    }
}

TEST_F(EpubContent, EveryHeadingHasAnIdUniqueInItsDocument) {
    for (int n = 1; n <= 3; ++n) {
        auto doc = chapter(n);
        std::set<std::string> seen;
        for (const auto& id : ids(*doc)) EXPECT_TRUE(seen.insert(id).second) << "duplicate id " << id;
        for (const auto& h : doc->select_nodes("//*[self::h1 or self::h2 or self::h3 or self::h4]")) {
            const std::string id = h.node().attribute("id").value();
            EXPECT_FALSE(id.empty()) << h.node().text().get();
            // The section around a heading is labelled by it.
            EXPECT_EQ(std::string(h.node().parent().attribute("aria-labelledby").value()), id);
        }
    }
    auto doc = chapter(1);
    EXPECT_STREQ(doc->select_node("//h1").node().attribute("id").value(), "alpha-1");
    EXPECT_STREQ(doc->select_node("//h2").node().attribute("id").value(), "alpha-1.first-steps");
    EXPECT_STREQ(chapter(3)->select_node("//h1").node().attribute("id").value(), "a-42-odd-id");
}

TEST_F(EpubContent, TheConclusionHeadingCanBeRenamed) {
    Book renamed = small_book();
    renamed.metadata.extra["conclusion-title"] = "To sum up";
    Article second = renamed.articles[0];
    second.id = "second";
    second.metadata.extra["conclusion-title"] = "Finally";
    renamed.articles.push_back(second);
    auto again = write_epub(renamed, dir.path(), "renamed.epub");
    ASSERT_EQ(again.status, Status::ok);
    EpubArchive renamed_archive(again.path);
    EXPECT_EQ(texts(*renamed_archive.xml("EPUB/text/chapter-0001.xhtml"), "//section[@role='doc-conclusion']/h2"),
              std::vector<std::string>{"To sum up"});
    EXPECT_EQ(texts(*renamed_archive.xml("EPUB/text/chapter-0002.xhtml"), "//section[@role='doc-conclusion']/h2"),
              std::vector<std::string>{"Finally"});
    EXPECT_EQ(texts(*renamed_archive.xml("EPUB/nav.xhtml"), "//nav[@id='toc']/ol/li/ol/li[last()]/a"),
              (std::vector<std::string>{"To sum up", "Finally"}));
}

// Resolves a navigation href (relative to the package folder) to the element it points to.
pugi::xml_node target_of(const EpubArchive& archive, const std::string& href,
                         std::map<std::string, std::unique_ptr<pugi::xml_document>>& cache) {
    const auto hash = href.find('#');
    const std::string file = "EPUB/" + href.substr(0, hash);
    auto& doc = cache[file];
    if (!doc) doc = archive.xml(file);
    if (hash == std::string::npos) return doc->document_element();
    return doc->select_node(("//*[@id='" + href.substr(hash + 1) + "']").c_str()).node();
}

TEST_F(EpubContent, TheNavigationListsArticlesAndTheirSectionsInOrder) {
    auto nav = archive->xml("EPUB/nav.xhtml");
    const auto toc = nav->select_node("//nav[@epub:type='toc']").node();
    ASSERT_TRUE(toc);
    EXPECT_STREQ(toc.attribute("role").value(), "doc-toc");

    const auto articles = toc.child("ol").children("li");
    std::vector<std::string> titles;
    std::map<std::string, std::unique_ptr<pugi::xml_document>> cache;
    std::size_t i = 0;
    for (const auto& li : articles) {
        const Article& article = book.articles.at(i++);
        titles.push_back(li.child("a").text().get());
        std::vector<std::string> sections;
        for (const auto& sub : li.child("ol").children("li")) sections.push_back(sub.child("a").text().get());
        std::vector<std::string> expected;
        for (const auto& s : article.sections) expected.push_back(s.title_text());
        if (!article.conclusion.empty()) expected.push_back("Conclusion");
        EXPECT_EQ(sections, expected) << article.id;
    }
    EXPECT_EQ(titles, (std::vector<std::string>{"Alpha & Omega <one>", "Deuxième article",
                                                "Control\xEF\xBF\xBD and invalid \xEF\xBF\xBD bytes"}));
    // A title in another language than the book's says so.
    EXPECT_STREQ(toc.select_node("ol/li[2]/a").node().attribute("xml:lang").value(), "fr");
    EXPECT_STREQ(toc.select_node("ol/li[2]/ol/li/a").node().attribute("lang").value(), "fr");
    EXPECT_FALSE(toc.select_node("ol/li[1]/a").node().attribute("lang"));
    // Nested sections are nested in the list.
    EXPECT_EQ(texts(toc, "ol/li[1]/ol/li[1]/ol/li/a"), std::vector<std::string>{"Deeper \"still\""});
    EXPECT_EQ(texts(toc, "ol/li[1]/ol/li[1]/ol/li/ol/li/a"), std::vector<std::string>{"Deepest"});

    // Every link lands on a heading that says the same thing (or on the chapter's document).
    for (const auto& a : toc.select_nodes(".//a")) {
        const std::string href = a.node().attribute("href").value();
        const auto target = target_of(*archive, href, cache);
        ASSERT_TRUE(target) << href;
        if (href.find('#') != std::string::npos) {
            EXPECT_EQ(inner_text(target), a.node().text().get()) << href;
        }
    }

    const auto landmarks = nav->select_node("//nav[@epub:type='landmarks']").node();
    std::vector<std::string> kinds;
    for (const auto& a : landmarks.select_nodes(".//a")) {
        kinds.push_back(a.node().attribute("epub:type").value());
        EXPECT_TRUE(target_of(*archive, a.node().attribute("href").value(), cache)) << kinds.back();
    }
    EXPECT_EQ(kinds, (std::vector<std::string>{"titlepage", "toc", "bodymatter"}));
}

TEST_F(EpubContent, TheNcxMirrorsTheNavigation) {
    auto ncx = archive->xml("EPUB/toc.ncx");
    auto nav = archive->xml("EPUB/nav.xhtml");
    EXPECT_EQ(texts(*ncx, "//navPoint/navLabel/text"), texts(*nav, "//nav[@id='toc']//a"));
    std::vector<std::string> sources;
    for (const auto& c : ncx->select_nodes("//navPoint/content")) sources.push_back(c.node().attribute("src").value());
    std::vector<std::string> hrefs;
    for (const auto& a : nav->select_nodes("//nav[@id='toc']//a")) hrefs.push_back(a.node().attribute("href").value());
    EXPECT_EQ(sources, hrefs);
    int expected_order = 0;
    for (const auto& point : ncx->select_nodes("//navPoint"))
        EXPECT_EQ(point.node().attribute("playOrder").as_int(), ++expected_order);
    EXPECT_STREQ(ncx->select_node("//meta[@name='dtb:depth']").node().attribute("content").value(), "4");
    EXPECT_EQ(texts(*ncx, "/ncx/docAuthor/text"), (std::vector<std::string>{"Ada Lovelace", "Émile Zola"}));
}

TEST_F(EpubContent, MarkupCharactersAreEscapedAndForbiddenCharactersReplaced) {
    // Every document parsed (the fixture would have thrown); the text reads back as given.
    EXPECT_EQ(texts(*archive->xml("EPUB/text/title-page.xhtml"), "//h1"),
              std::vector<std::string>{"Notes & Queries: <Tests> \"in\" 'quotes'"});
    EXPECT_EQ(texts(*chapter(3), "//h1"),
              std::vector<std::string>{"Control\xEF\xBF\xBD and invalid \xEF\xBF\xBD bytes"});
    const std::string raw = archive->read("EPUB/text/chapter-0001.xhtml");
    EXPECT_NE(raw.find("Alpha &amp; Omega &lt;one&gt;"), std::string::npos);
    EXPECT_EQ(raw.find("<one>"), std::string::npos);
}

TEST_F(EpubContent, InlineMarkupIsKept) {
    auto doc = chapter(1);
    const auto p = doc->select_node("//div[@class='introduction']/p[2]").node();
    EXPECT_EQ(texts(p, "em"), std::vector<std::string>{"emphasis"});
    EXPECT_EQ(texts(p, "strong"), std::vector<std::string>{"strong"});
    EXPECT_EQ(texts(p, "code"), std::vector<std::string>{"a < b && c"});
    EXPECT_EQ(texts(p, "a"), std::vector<std::string>{"a link"});
    EXPECT_STREQ(p.child("a").attribute("href").value(), "https://example.org/a%20b?x=1&y=2");
    EXPECT_TRUE(p.child("br"));
    // A link that would point nowhere in the book keeps its text, not the link.
    EXPECT_EQ(inner_text(p), plain_text(book.articles[0].introduction[1].inlines));
}

TEST_F(EpubContent, LinksKeepEveryAbsoluteAddressAndSayWhichTheyCannotKeep) {
    Book linked = small_book();
    auto text = [](const char* t) { return std::vector<Inline>{Inline::plain(t)}; };
    linked.articles[0].introduction = {Block::paragraph(std::vector<Inline>{
        Inline::link_to("ftp://example.org/f", text("ftp")), Inline::link_to("urn:isbn:0451450523", text("urn")),
        Inline::link_to("/url", text("root")), Inline::link_to("javascript:alert(1)", text("script")),
        Inline::link_to("file:///etc/passwd", text("disk")), Inline::link_to("IRC://foo.bar:2233/b z", text("irc")),
        Inline::link_to("made-up-scheme://foo", text("made")), Inline::link_to("https://../", text("nohost"))})};
    linked.articles[0].source = "corpus/small.txt";
    auto written = write_epub(linked, dir.path(), "links.epub");
    ASSERT_EQ(written.status, Status::ok) << written.diagnostics.text();
    EpubArchive links(written.path);
    auto doc = links.xml("EPUB/text/chapter-0001.xhtml");
    std::vector<std::string> hrefs;
    for (const auto& a : doc->select_nodes("//div[@class='introduction']//a")) hrefs.push_back(a.node().attribute("href").value());
    EXPECT_EQ(hrefs, (std::vector<std::string>{"ftp://example.org/f", "urn:isbn:0451450523", "IRC://foo.bar:2233/b%20z"}));
    EXPECT_EQ(inner_text(doc->select_node("//div[@class='introduction']/p").node()), "ftpurnrootscriptdiskircmadenohost");
    const auto warnings = written.diagnostics.of(Severity::warning);
    ASSERT_EQ(warnings.size(), 1u) << written.diagnostics.text();
    EXPECT_EQ(warnings[0].format(),
              "corpus/small.txt: warning: article 'small': 5 links have no address a reader can follow from inside the book (such as '/url': a relative "
                  "path, a script, an address no URL parser reads, or a scheme outside the registered ones EPUB checkers accept): "
                  "written as their text");
}

TEST_F(EpubContent, ACodeBlockKeepsItsWhiteSpace) {
    auto doc = chapter(1);
    EXPECT_EQ(texts(*doc, "//pre/code"), std::vector<std::string>{"int main() {\n    return 0;  // <done>\n}\n"});
    EXPECT_EQ(inner_text(doc->select_node("//pre").node()), "int main() {\n    return 0;  // <done>\n}\n");
}

TEST_F(EpubContent, ListsAndQuotesKeepTheirShape) {
    auto doc = chapter(1);
    // Tight lists: each item its paragraph's text, without a <p>.
    EXPECT_EQ(texts(*doc, "//ul/li"), (std::vector<std::string>{"one", "two"}));
    EXPECT_EQ(texts(*doc, "//ol/li"), (std::vector<std::string>{"three", "four"}));
    EXPECT_TRUE(doc->select_nodes("//li/p").empty());
    EXPECT_STREQ(doc->select_node("//ol").node().attribute("start").value(), "3");
    EXPECT_EQ(texts(*doc, "//blockquote/p"), std::vector<std::string>{"Quoted text."});
}

TEST_F(EpubContent, ASectionWithoutTitleIsNamedByItsId) {
    Book untitled = small_book();
    untitled.articles[0].sections[0].title.clear();
    auto again = write_epub(untitled, dir.path(), "untitled.epub");
    ASSERT_EQ(again.status, Status::ok);
    EpubArchive untitled_archive(again.path);
    EXPECT_EQ(texts(*untitled_archive.xml("EPUB/text/chapter-0001.xhtml"), "//h2"),
              (std::vector<std::string>{"small.part", "Conclusion"}));
    EXPECT_EQ(texts(*untitled_archive.xml("EPUB/nav.xhtml"), "//nav[@id='toc']/ol/li/ol/li/a"),
              (std::vector<std::string>{"small.part", "Conclusion"}));
}

TEST_F(EpubContent, TheStylesheetIsOurs) {
    EXPECT_EQ(archive->read("EPUB/css/epub.css"), stylesheet());
    // Sizes that follow the reader's font setting: no pixel units.
    EXPECT_EQ(stylesheet().find("px"), std::string::npos);
    EXPECT_NE(stylesheet().find("serif"), std::string::npos);
}

}  // namespace
}  // namespace fascicle::epub::test
