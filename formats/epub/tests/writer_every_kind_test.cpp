// The shared feature book (every kind of the document model) as an EPUB: references between
// chapters land on their targets, formulas are MathML with their TeX as alttext, and the package
// says so; references to what is not in the book become text, with a warning.
#include "epub_archive.hpp"
#include "epub_writer.hpp"
#include "test_books.hpp"

#include <feature_book.hpp>

#include <gtest/gtest.h>

#include <map>

namespace fascicle::epub::test {
namespace {

using fascicle::test::TempDir;

struct Written {
    Status status = Status::failed;
    fascicle::test::RecordingDiagnostics diagnostics;
    std::unique_ptr<EpubArchive> archive;
};

void write(const Book& book, const Resources& resources, const TempDir& dir, Written& out) {
    const auto path = dir / "book.epub";
    {
        fascicle::test::FileOutput output(path);
        EpubWriter writer(stylesheet());
        out.status = fascicle::test::write_book(writer, book, output, out.diagnostics, {}, false, &resources);
    }
    if (out.status == Status::ok) out.archive = std::make_unique<EpubArchive>(path);
}

class EveryKindEpub : public ::testing::Test {
protected:
    void SetUp() override {
        fascicle::test::make_feature_book(features);
        write(features.book, features.resources, dir, written);
        ASSERT_EQ(written.status, Status::ok) << written.diagnostics.text();
    }

    fascicle::test::FeatureBook features;
    TempDir dir;
    Written written;
};

std::size_t warnings_saying(const Written& written, std::string_view text) {
    std::size_t n = 0;
    for (const auto& w : written.diagnostics.of(Severity::warning)) n += w.message.find(text) != std::string::npos;
    return n;
}

// The element an href of a chapter in text/ points to (nullptr when none).
pugi::xml_node target(const EpubArchive& archive, const std::string& from_file, const std::string& href,
                      std::map<std::string, std::unique_ptr<pugi::xml_document>>& cache) {
    const auto hash = href.find('#');
    const std::string file = hash == 0 ? from_file : "EPUB/text/" + href.substr(0, hash);
    auto& doc = cache[file];
    if (!doc) doc = archive.xml(file);
    if (hash == std::string::npos) return doc->document_element();
    return doc->select_node(("//*[@id='" + href.substr(hash + 1) + "']").c_str()).node();
}

TEST_F(EveryKindEpub, ReferencesLandOnTheirTargetsInTheirChapters) {
    std::map<std::string, std::unique_ptr<pugi::xml_document>> cache;
    const std::string second = "EPUB/text/chapter-0002.xhtml";
    auto chapter = written.archive->xml(second);
    // "The figure [kinds#fig-engine] and the table [kinds#tab-results] are in [kinds]."
    const auto where = chapter->select_node("//p[starts-with(., 'The figure')]").node();
    ASSERT_TRUE(where);
    std::vector<std::string> hrefs;
    for (auto a : where.select_nodes("a[not(@epub:type)]")) hrefs.push_back(a.node().attribute("href").value());
    ASSERT_EQ(hrefs.size(), 3u);
    EXPECT_EQ(hrefs[2], "chapter-0001.xhtml");
    EXPECT_STREQ(target(*written.archive, second, hrefs[0], cache).name(), "figure");
    EXPECT_STREQ(target(*written.archive, second, hrefs[1], cache).name(), "table");
    EXPECT_EQ(hrefs[0].rfind("chapter-0001.xhtml#", 0), 0u) << hrefs[0];
    // A reference without text of its own shows its target's caption.
    EXPECT_STREQ(where.select_node("a[1]").node().text().get(), "The engine, in outline");

    // And the first chapter's reference forward, to a paragraph of the second.
    const std::string first = "EPUB/text/chapter-0001.xhtml";
    const auto first_chapter = written.archive->xml(first);
    const auto forward = first_chapter->select_node("//a[. = 'the other chapter']").node();
    ASSERT_TRUE(forward);
    const auto landed = target(*written.archive, first, forward.attribute("href").value(), cache);
    EXPECT_STREQ(landed.name(), "p");
    EXPECT_EQ(std::string(landed.text().get()).rfind("The figure", 0), 0u);
    EXPECT_EQ(written.diagnostics.text().find("internal references"), std::string::npos) << written.diagnostics.text();
}

TEST_F(EveryKindEpub, FormulasAreMathmlWithTheirTexAsAlttext) {
    auto chapter = written.archive->xml("EPUB/text/chapter-0001.xhtml");
    const auto formulas = chapter->select_nodes("//*[local-name() = 'math']");
    ASSERT_EQ(formulas.size(), 2u);
    for (auto m : formulas) {
        EXPECT_STREQ(m.node().attribute("xmlns").value(), "http://www.w3.org/1998/Math/MathML");
        EXPECT_STRNE(m.node().attribute("alttext").value(), "");
    }
    EXPECT_STREQ(formulas[0].node().attribute("alttext").value(), "x^2");
    EXPECT_STREQ(formulas[1].node().attribute("display").value(), "block");
    EXPECT_TRUE(chapter->select_nodes("//code[@class='math tex']").empty());

    auto opf = written.archive->xml("EPUB/package.opf");
    EXPECT_STREQ(opf->select_node("//item[@href='text/chapter-0001.xhtml']").node().attribute("properties").value(),
                 "mathml");
    EXPECT_FALSE(opf->select_node("//item[@href='text/chapter-0002.xhtml']").node().attribute("properties"));
    std::vector<std::string> features;
    for (auto m : opf->select_nodes("//meta[@property='schema:accessibilityFeature']"))
        features.push_back(m.node().text().get());
    EXPECT_NE(std::find(features.begin(), features.end(), "MathML"), features.end());
    EXPECT_NE(std::find(features.begin(), features.end(), "describedMath"), features.end());
}

TEST(EveryKindEpubAlone, AReferenceToWhatIsNotInTheBookIsTextAndAWarning) {
    fascicle::test::FeatureBook features;
    fascicle::test::make_feature_book(features);
    features.book.articles.pop_back();  // "references", which the first chapter points to
    TempDir dir;
    Written written;
    write(features.book, features.resources, dir, written);
    ASSERT_EQ(written.status, Status::ok) << written.diagnostics.text();

    auto chapter = written.archive->xml("EPUB/text/chapter-0001.xhtml");
    const auto link = chapter->select_node("//a[. = 'the other chapter']").node();
    ASSERT_TRUE(link);
    EXPECT_FALSE(link.attribute("href"));
    EXPECT_EQ(warnings_saying(written, "1 internal references lead to nothing in the book (such as "
                                      "'references#where'): written as their text"),
              1u)
        << written.diagnostics.text();
}

TEST(EveryKindEpubAlone, TexWithoutMathmlIsWrittenAsTexWithAWarning) {
    fascicle::test::FeatureBook features;
    fascicle::test::make_feature_book(features);
    Block formula;
    formula.kind = Block::Kind::display_math;
    formula.math.tex = "e^{i\\pi} + 1 = 0";
    features.book.articles[1].sections[0].blocks.push_back(formula);
    TempDir dir;
    Written written;
    write(features.book, features.resources, dir, written);
    ASSERT_EQ(written.status, Status::ok) << written.diagnostics.text();

    auto chapter = written.archive->xml("EPUB/text/chapter-0002.xhtml");
    EXPECT_EQ(texts(*chapter, "//code[@class='math tex']"), std::vector<std::string>{"e^{i\\pi} + 1 = 0"});
    EXPECT_EQ(warnings_saying(written, "article 'references': 1 formulas have no well-formed MathML"), 1u)
        << written.diagnostics.text();
}

// The IR's bare internal id ("setup", as the DocBook reader gives a reference within its article)
// and a link to "#id" (Markdown's, in one file whose headings became articles) land on the id: in
// the referring chapter, on an article of that id, or on an id of another chapter. What names no
// id of the book is its text, with the warning of the references that lead nowhere.
TEST(EveryKindEpubAlone, BareIdsAndLinksToFragmentsLandWhereverTheIdIsInTheBook) {
    auto heading = [](std::string id, std::string title, std::vector<Block> blocks) {
        Section s;
        s.id = std::move(id);
        s.title = {Inline::plain(std::move(title))};
        s.blocks = std::move(blocks);
        return s;
    };
    auto bare = [](std::string target, std::string text) {
        Inline r = Inline::wrap(Inline::Kind::reference, {Inline::plain(std::move(text))});
        r.target = std::move(target);
        return r;
    };
    Book book;
    book.metadata.set("title", "Links");
    book.metadata.set("language", "en");
    Article one;
    one.id = "one";
    one.title = {Inline::plain("One")};
    one.sections.push_back(heading("setup", "Setting up", {Block::paragraph({
        bare("setup", "this section"), Inline::plain(", "),
        Inline::link_to("#two", {Inline::plain("the next article")}), Inline::plain(", "),
        Inline::link_to("#deep", {Inline::plain("a section there")}), Inline::plain(", "),
        Inline::link_to("#nowhere", {Inline::plain("nothing")})})}));
    Article two;
    two.id = "two";
    two.title = {Inline::plain("Two")};
    two.sections.push_back(heading("deep", "Deep down", {Block::paragraph("Here.")}));
    book.articles = {one, two};

    TempDir dir;
    Written written;
    write(book, Resources{}, dir, written);
    ASSERT_EQ(written.status, Status::ok) << written.diagnostics.text();
    std::map<std::string, std::unique_ptr<pugi::xml_document>> cache;
    const std::string first = "EPUB/text/chapter-0001.xhtml";
    auto chapter = written.archive->xml(first);
    auto href_of = [&](const char* text) {
        const auto a = chapter->select_node(("//a[. = '" + std::string(text) + "']").c_str()).node();
        return std::string(a.attribute("href").value());
    };
    const auto own = target(*written.archive, first, href_of("this section"), cache);
    EXPECT_STREQ(own.child_value(), "Setting up") << href_of("this section");
    EXPECT_EQ(href_of("the next article"), "chapter-0002.xhtml");
    const auto deep = target(*written.archive, first, href_of("a section there"), cache);
    EXPECT_STREQ(deep.child_value(), "Deep down") << href_of("a section there");
    EXPECT_FALSE(chapter->select_node("//a[. = 'nothing']").node().attribute("href"));
    EXPECT_EQ(warnings_saying(written, "article 'one': 1 internal references lead to nothing in the book (such as "
                                       "'one#nowhere'): written as their text"),
              1u)
        << written.diagnostics.text();
    EXPECT_EQ(warnings_saying(written, "no address a reader can follow"), 0u) << written.diagnostics.text();
}

}  // namespace
}  // namespace fascicle::epub::test
