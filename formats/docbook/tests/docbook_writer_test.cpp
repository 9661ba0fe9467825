// The DocBook writer, driven in-process over books built in code.
#include "commands.hpp"
#include "docbook_writer.hpp"

#include <essays_book.hpp>
#include <feature_book.hpp>
#include <test_support.hpp>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <algorithm>
#include <cstdlib>
#include <set>

namespace fascicle::docbook {
namespace {

using fascicle::test::RecordingDiagnostics;
using fascicle::test::StringOutput;
using fascicle::test::TempDir;

const std::filesystem::path golden_dir = FASCICLE_DOCBOOK_TEST_DIR "/golden";

struct Written {
    Status status;
    std::string xml;
};

Written write(const Book& book, RecordingDiagnostics& diagnostics, const Options& options = {}, bool split = false) {
    DocBookWriter writer;
    StringOutput output;
    const auto status = fascicle::test::write_book(writer, book, output, diagnostics, options, split);
    return {status, output.str()};
}

std::string write_ok(const Book& book, const Options& options = {}) {
    RecordingDiagnostics diagnostics;
    auto written = write(book, diagnostics, options);
    EXPECT_EQ(written.status, Status::ok) << diagnostics.text();
    EXPECT_EQ(diagnostics.all.size(), 0u) << diagnostics.text();
    return written.xml;
}

pugi::xml_document parse(const std::string& xml) {
    pugi::xml_document doc;
    const auto result = doc.load_string(xml.c_str(), pugi::parse_default | pugi::parse_pi);
    EXPECT_TRUE(result) << result.description() << " at offset " << result.offset;
    return doc;
}

// The text of a node and its descendants, as an XML parser reports it.
std::string text_of(pugi::xml_node node) {
    std::string out;
    for (auto n : node.select_nodes(".//text()")) out += n.node().value();
    return out;
}

bool is_ascii_ncname(const std::string& id) {
    if (id.empty()) return false;
    auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
    if (!letter(id[0])) return false;
    for (char c : id)
        if (!letter(c) && !(c >= '0' && c <= '9') && c != '-' && c != '.') return false;
    return true;
}

std::vector<std::string> xml_ids(const pugi::xml_document& doc) {
    std::vector<std::string> ids;
    for (auto n : doc.select_nodes("//*[@xml:id]")) ids.push_back(n.node().attribute("xml:id").value());
    return ids;
}

void expect_valid(const std::vector<std::pair<std::string, std::string>>& named_documents) {
    TempDir dir;
    std::vector<std::filesystem::path> files;
    for (const auto& [name, xml] : named_documents) {
        files.push_back(dir / name);
        fascicle::test::write_file(files.back(), xml);
    }
    const auto jing = test::validate_docbook(files);
    EXPECT_EQ(jing.exit_code, 0) << jing.output;
    EXPECT_EQ(jing.output, "");
}

TEST(DocBookWriter, MatchesGoldenFile) {
    const auto xml = write_ok(fascicle::test::essays_book());
    const auto golden = golden_dir / "feature-book.xml";
    if (std::getenv("FASCICLE_REGENERATE_GOLDEN")) fascicle::test::write_file(golden, xml);
    EXPECT_EQ(xml, fascicle::test::read_file(golden)) << "FASCICLE_REGENERATE_GOLDEN=1 rewrites " << golden;
}

// The shared feature book (tests/support): every kind of the document model, written without a
// warning, valid for jing as a book and as split articles, and as the golden file shows it.
TEST(DocBookWriter, EveryKindOfTheModelIsWrittenValidAndAsTheGoldenFile) {
    fascicle::test::FeatureBook features;
    fascicle::test::make_feature_book(features);
    const auto xml = write_ok(features.book);
    const auto golden = golden_dir / "every-kind.xml";
    if (std::getenv("FASCICLE_REGENERATE_GOLDEN")) fascicle::test::write_file(golden, xml);
    EXPECT_EQ(xml, fascicle::test::read_file(golden)) << "FASCICLE_REGENERATE_GOLDEN=1 rewrites " << golden;

    const auto doc = parse(xml);
    for (const char* path : {"//footnote", "//variablelist", "//literallayout", "//table[caption]//th[@rowspan='2']",
                             "//th[@colspan='2']", "//figure[@xml:id='kinds.fig-engine']//imagedata",
                             "//informalequation", "//inlineequation", "//tip", "//warning", "//superscript",
                             "//subscript", "//xref[@linkend='kinds.fig-engine']",
                             "//link[@linkend='kinds.tab-results']", "//programlisting[@language='python']",
                             "//blockquote/attribution", "//orderedlist[@numeration='loweralpha']"})
        EXPECT_TRUE(doc.select_node(path)) << path;
    std::vector<std::pair<std::string, std::string>> documents{{"every-kind.xml", xml}};
    expect_valid(documents);
}

// The book's images are written beside the document, by the names it refers to them with; or into
// the folder --extract-media names, and referred to there.
TEST(DocBookWriter, ImagesAreWrittenBesideTheOutputOrIntoTheExtractMediaFolder) {
    fascicle::test::FeatureBook features;
    fascicle::test::make_feature_book(features);
    const std::string png = fascicle::test::read_file(fascicle::test::test_data_dir() / "feature" / "engine.png");
    for (const bool extract : {false, true}) {
        TempDir dir;
        fascicle::test::FileOutput output(dir / "book.xml");
        RecordingDiagnostics diagnostics;
        Options options;
        if (extract) options[extract_media_option] = (dir / "media").string();
        DocBookWriter writer;
        ASSERT_EQ(fascicle::test::write_book(writer, features.book, output, diagnostics, options, false,
                                             &features.resources),
                  Status::ok)
            << diagnostics.text();
        output.close();
        const auto image = extract ? dir / "media" / "images" / "engine.png" : dir / "images" / "engine.png";
        ASSERT_TRUE(std::filesystem::exists(image)) << image;
        EXPECT_EQ(fascicle::test::read_file(image), png);
        const auto xml = fascicle::test::read_file(dir / "book.xml");
        const std::string fileref = "fileref=\"" + (extract ? (dir / "media").string() + "/" : std::string()) +
                                    "images/engine.png\"";
        EXPECT_NE(xml.find(fileref), std::string::npos) << fileref;
        EXPECT_EQ(diagnostics.all.size(), 0u) << diagnostics.text();
    }
}

// A resource whose name would leave the media folder is refused, not written.
TEST(DocBookWriter, AnImageNameThatLeavesTheFolderIsRefused) {
    fascicle::test::FeatureBook features;
    fascicle::test::make_feature_book(features);
    features.resources.add(memory_resource("../escape.png", "image/png", "x"));
    Inline image;
    image.kind = Inline::Kind::image;
    image.target = "../escape.png";
    features.book.articles[1].conclusion = {Block::paragraph(std::vector<Inline>{image})};
    TempDir dir;
    fascicle::test::FileOutput output(dir / "sub" / "book.xml");
    std::filesystem::create_directories(dir / "sub");
    RecordingDiagnostics diagnostics;
    DocBookWriter writer;
    EXPECT_EQ(fascicle::test::write_book(writer, features.book, output, diagnostics, {}, false, &features.resources),
              Status::failed);
    EXPECT_FALSE(std::filesystem::exists(dir / "escape.png"));
    EXPECT_NE(diagnostics.text().find("would leave the media folder"), std::string::npos) << diagnostics.text();
}

TEST(DocBookWriter, EveryDivisionAndSplitDocumentValidatesWithJing) {
    const auto book = fascicle::test::essays_book();
    std::vector<std::pair<std::string, std::string>> documents{
        {"chapters.xml", write_ok(book)},
        {"articles.xml", write_ok(book, {{"docbook-division", "article"}})},
    };
    Book one = book;
    one.articles.resize(1);
    documents.emplace_back("one-article.xml", write_ok(one));
    for (const auto& article : book.articles) {
        RecordingDiagnostics diagnostics;
        Book single{book.metadata, {article}};
        auto written = write(single, diagnostics, {}, true);
        ASSERT_EQ(written.status, Status::ok) << diagnostics.text();
        documents.emplace_back("split-" + article.id + ".xml", written.xml);
    }
    expect_valid(documents);
}

TEST(DocBookWriter, BookRootCarriesNamespaceVersionLanguageAndInfo) {
    const auto doc = parse(write_ok(fascicle::test::essays_book()));
    const auto book = doc.document_element();
    EXPECT_STREQ(book.name(), "book");
    EXPECT_STREQ(book.attribute("xmlns").value(), "http://docbook.org/ns/docbook");
    EXPECT_STREQ(book.attribute("version").value(), "5.0");
    EXPECT_STREQ(book.attribute("xml:lang").value(), "en-GB");

    const auto info = book.child("info");
    EXPECT_EQ(text_of(info.child("title")), "Field Notes & <Essays>");
    std::vector<std::string> authors;
    for (auto a : info.children("author")) authors.push_back(text_of(a.child("personname")));
    EXPECT_EQ(authors, (std::vector<std::string>{"Ada Lovelace", "Charles \"Charlie\" Babbage"}));
    EXPECT_EQ(text_of(info.child("pubdate")), "2024-03-01");
    EXPECT_EQ(text_of(info.child("publisher").child("publishername")), "Analytical Press");
    EXPECT_EQ(text_of(info.child("biblioid")), "urn:uuid:7b0a3f6e-0c55-4a0b-9d3e-2f1f5f6b9c11");
    EXPECT_STREQ(info.child("biblioid").attribute("class").value(), "uri");
    const auto abstract = info.child("abstract");
    EXPECT_EQ(abstract.select_nodes("para").size(), 2u);
    EXPECT_EQ(text_of(abstract.first_child()), "Essays on engines.");
    EXPECT_EQ(text_of(info.child("legalnotice").child("para")), "© 2024 The Authors. All rights reserved.");
}

TEST(DocBookWriter, EachArticleIsAChapterWithInfoSectionsAndConclusion) {
    const auto doc = parse(write_ok(fascicle::test::essays_book()));
    const auto chapters = doc.select_nodes("/book/chapter");
    ASSERT_EQ(chapters.size(), 3u);

    const auto alpha = chapters[0].node();
    EXPECT_STREQ(alpha.attribute("xml:id").value(), "a-001_alpha");
    EXPECT_EQ(text_of(alpha.child("info").child("title")), "Alpha: “Quotes”, 'apostrophes' & <angle brackets>");
    // The summary's list is kept, inside a para (an abstract holds only paras).
    EXPECT_EQ(alpha.select_nodes("info/abstract/para").size(), 2u);
    EXPECT_EQ(alpha.select_nodes("info/abstract/para/itemizedlist/listitem").size(), 2u);

    std::vector<std::string> section_titles;
    for (auto s : alpha.children("section")) section_titles.push_back(text_of(s.child("title")));
    EXPECT_EQ(section_titles,
              (std::vector<std::string>{"Getting Started", "Conclusion", "An Empty Section", "In Closing"}));
    // The conclusion comes last, titled from the book's conclusion-title.
    const auto conclusion = alpha.last_child();
    EXPECT_EQ(text_of(conclusion.child("para")), "The real conclusion.");
    EXPECT_EQ(alpha.select_nodes("section/section[title='Details']").size(), 1u);

    // An article with no title is titled by its id; with nothing in it, it still holds a para.
    const auto bare = chapters[2].node();
    EXPECT_EQ(text_of(bare.child("info").child("title")), "003_bare");
    EXPECT_TRUE(bare.child("para"));
}

TEST(DocBookWriter, ConclusionTitleDefaultsAndArticleMetadataWins) {
    Book book;
    book.articles = {fascicle::test::corpus_like_article("a1", "One"), fascicle::test::corpus_like_article("a2", "Two")};
    book.articles[1].metadata.extra["conclusion-title"] = "Summing Up";
    const auto doc = parse(write_ok(book));
    const auto chapters = doc.select_nodes("/book/chapter");
    EXPECT_EQ(text_of(chapters[0].node().last_child().child("title")), "Conclusion");
    EXPECT_EQ(text_of(chapters[1].node().last_child().child("title")), "Summing Up");
}

TEST(DocBookWriter, IdsAreUniqueNcNamesDerivedFromArticleAndSectionIds) {
    const auto doc = parse(write_ok(fascicle::test::essays_book()));
    const auto ids = xml_ids(doc);
    std::set<std::string> unique(ids.begin(), ids.end());
    EXPECT_EQ(unique.size(), ids.size());
    for (const auto& id : ids) EXPECT_TRUE(is_ascii_ncname(id)) << id;

    EXPECT_TRUE(unique.count("a-001_alpha.getting-started"));
    EXPECT_TRUE(unique.count("a-001_alpha.details"));
    // A section titled "Conclusion" takes the plain id; the conclusion itself gets the next one.
    EXPECT_TRUE(unique.count("a-001_alpha.conclusion"));
    EXPECT_STREQ(doc.select_node("/book/chapter[1]/section[last()]").node().attribute("xml:id").value(),
                 "a-001_alpha.conclusion-2");
    // An id that is not an NCName as it stands ("2nd article") is made one.
    EXPECT_TRUE(unique.count("a-2nd-article"));
    EXPECT_TRUE(unique.count("a-2nd-article.only-section"));
}

TEST(DocBookWriter, IdsDoNotDependOnOtherArticles) {
    const auto book = fascicle::test::essays_book();
    Book without_first = book;
    without_first.articles.erase(without_first.articles.begin());
    const auto all = xml_ids(parse(write_ok(book)));
    for (const auto& id : xml_ids(parse(write_ok(without_first))))
        EXPECT_NE(std::find(all.begin(), all.end(), id), all.end()) << id;
}

TEST(DocBookWriter, TextIsEscapedAndNothingIsLost) {
    const auto book = fascicle::test::essays_book();
    const auto doc = parse(write_ok(book));
    const auto alpha = doc.select_node("/book/chapter[1]").node();

    const auto intro = alpha.child("para");
    // The line break is a processing instruction and a line end: a tool that does not know the
    // instruction still reads white space between the words on either side.
    EXPECT_EQ(text_of(intro), plain_text(book.articles[0].introduction[0].inlines));
    EXPECT_EQ(text_of(intro.child("emphasis")), "emphasised");
    EXPECT_STREQ(intro.find_child_by_attribute("emphasis", "role", "strong").child_value(), "strong");
    EXPECT_STREQ(intro.child("literal").child_value(), "a < b && c");
    const auto link = intro.child("link");
    // A URI holds no '"': percent-encoded, as a browser would.
    EXPECT_STREQ(link.attribute("xlink:href").value(), "https://example.org/?a=1&b=%222%22");
    EXPECT_EQ(text_of(link), "link");
    EXPECT_STREQ(link.next_sibling("link").attribute("xlink:href").value(), "https://example.org/bare");
    // The line break survives as the processing instruction print.xsl turns into a break.
    bool has_linebreak = false;
    for (auto child : intro.children())
        if (child.type() == pugi::node_pi && std::string(child.name()) == "linebreak") {
            has_linebreak = true;
            EXPECT_TRUE(std::string_view(child.next_sibling().value()).starts_with("\n"));
        }
    EXPECT_TRUE(has_linebreak);

    // Code keeps every character: leading spaces, tab, CR, "]]>".
    EXPECT_EQ(text_of(alpha.select_node(".//programlisting").node()),
              "  int main() {\n\treturn a < b && c > d; // ]]>\r\n  }");
    const auto list = alpha.select_node(".//orderedlist").node();
    EXPECT_STREQ(list.attribute("startingnumber").value(), "3");
    EXPECT_EQ(text_of(alpha.select_node(".//blockquote").node()), "A quoted paragraph.");
}

TEST(DocBookWriter, IsPrettyPrintedWithTwoSpaceIndent) {
    const auto xml = write_ok(fascicle::test::essays_book());
    EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<book ", 0), 0u);
    EXPECT_NE(xml.find("\n  <info>\n    <title>"), std::string::npos);
    EXPECT_NE(xml.find("\n  <chapter xml:id=\"a-001_alpha\">\n    <info>\n      <title>"), std::string::npos);
    EXPECT_EQ(xml.back(), '\n');
}

TEST(DocBookWriter, EmptyMetadataMakesNoEmptyElements) {
    Book book;
    book.metadata.title = "  ";  // blank counts as absent
    book.metadata.set_authors({""});
    book.articles = {fascicle::test::corpus_like_article("a1", "One")};
    const auto xml = write_ok(book);
    const auto doc = parse(xml);
    EXPECT_FALSE(doc.document_element().child("info"));
    EXPECT_STREQ(doc.document_element().attribute("xml:lang").value(), "en");
    for (auto n : doc.select_nodes("//*")) {
        const auto node = n.node();
        const bool empty = !node.first_child() && !node.first_attribute();
        EXPECT_FALSE(empty) << "empty <" << node.name() << "> in\n" << xml;
    }
    expect_valid({{"empty-metadata.xml", xml}});
}

// A division with an id or a language around paragraphs: no para may hold a para, so the id is an
// anchor before them and the language goes on each; around a list alone, a wrapping para keeps both.
// An image's id is written, so that a reference to it leads somewhere.
TEST(DocBookWriter, DivisionIdsAndImageIdsAreKeptValidly) {
    Book book;
    auto article = fascicle::test::corpus_like_article("a1", "One");
    Block around_paragraphs;
    around_paragraphs.kind = Block::Kind::division;
    around_paragraphs.attributes.id = "box";
    around_paragraphs.attributes.language = "fr";
    around_paragraphs.children = {Block::paragraph("Un."), Block::paragraph("Deux.")};
    Block list;
    list.kind = Block::Kind::list;
    list.items = {{Block::paragraph("item")}};
    Block around_list;
    around_list.kind = Block::Kind::division;
    around_list.attributes.id = "listed";
    around_list.children = {list};
    Inline image;
    image.kind = Inline::Kind::image;
    image.target = "https://example.org/pic.png";
    image.text = "a picture";
    image.attributes.id = "pic";
    Inline to_box;
    to_box.kind = Inline::Kind::reference;
    to_box.target = "a1#box";
    to_box.children = {Inline::plain("the box")};
    Inline to_pic = to_box;
    to_pic.target = "a1#pic";
    to_pic.children = {Inline::plain("the picture")};
    article.introduction = {around_paragraphs, around_list, Block::paragraph({image, to_box, to_pic})};
    book.articles = {article};
    const auto xml = write_ok(book);
    const auto doc = parse(xml);
    const auto box = doc.select_node("//anchor[@xml:id]").node();
    ASSERT_TRUE(box) << xml;
    EXPECT_STREQ(box.next_sibling().name(), "para");
    EXPECT_STREQ(box.next_sibling().attribute("xml:lang").value(), "fr");
    EXPECT_STREQ(box.next_sibling().next_sibling().attribute("xml:lang").value(), "fr");
    EXPECT_TRUE(doc.select_node("//para[@xml:id]/itemizedlist")) << xml;
    const auto pic = doc.select_node("//inlinemediaobject[@xml:id]").node();
    ASSERT_TRUE(pic) << xml;
    std::vector<std::string> linkends;
    for (auto n : doc.select_nodes("//link[@linkend]")) linkends.push_back(n.node().attribute("linkend").value());
    EXPECT_EQ(linkends, (std::vector<std::string>{box.attribute("xml:id").value(), pic.attribute("xml:id").value()}));
    expect_valid({{"division-ids.xml", xml}});
}

TEST(DocBookWriter, CharactersXmlCannotHoldAreReplacedAndReported) {
    Book book;
    auto article = fascicle::test::corpus_like_article("a1", "Bad \x01 title");
    article.source = "corpus/a1.txt";
    article.introduction = {Block::paragraph("invalid byte \xff here, U+FFFE \xEF\xBF\xBE there")};
    book.articles = {article};
    RecordingDiagnostics diagnostics;
    const auto written = write(book, diagnostics);
    ASSERT_EQ(written.status, Status::ok);
    ASSERT_EQ(diagnostics.warning_count(), 1u) << diagnostics.text();
    EXPECT_EQ(diagnostics.all[0].file, "corpus/a1.txt");
    // The title three times (title, and in the summary and conclusion), the introduction twice.
    EXPECT_NE(diagnostics.all[0].message.find("5 character(s)"), std::string::npos) << diagnostics.text();
    const auto doc = parse(written.xml);
    EXPECT_EQ(text_of(doc.select_node("//chapter/info/title").node()), "Bad \uFFFD title");
    EXPECT_EQ(text_of(doc.select_node("//chapter/para").node()), "invalid byte \uFFFD here, U+FFFE \uFFFD there");
}

TEST(DocBookWriter, StreamsEachArticleAsItArrives) {
    const auto book = fascicle::test::essays_book();
    DocBookWriter writer;
    StringOutput output;
    RecordingDiagnostics diagnostics;
    WriteContext ctx{Options{}, diagnostics, output, false};
    ASSERT_EQ(writer.begin_book(book.metadata, ctx), Status::ok);
    ASSERT_EQ(writer.write_article(book.articles[0]), Status::ok);
    EXPECT_NE(output.str().find("</chapter>"), std::string::npos);
    EXPECT_EQ(output.str().find("</book>"), std::string::npos);
    ASSERT_EQ(writer.write_article(book.articles[1]), Status::ok);
    ASSERT_EQ(writer.end_book(), Status::ok);
    EXPECT_NE(output.str().find("</book>"), std::string::npos);
}

TEST(DocBookWriter, SameBookGivesSameBytes) {
    EXPECT_EQ(write_ok(fascicle::test::essays_book()), write_ok(fascicle::test::essays_book()));
}

TEST(DocBookWriter, ArticleDivisionPutsArticlesInTheBook) {
    const auto doc = parse(write_ok(fascicle::test::essays_book(), {{"docbook-division", "article"}}));
    EXPECT_EQ(doc.select_nodes("/book/article").size(), 3u);
    EXPECT_EQ(doc.select_nodes("/book/chapter").size(), 0u);
}

TEST(DocBookWriter, ArticleLanguageDifferingFromTheBookIsMarked) {
    const auto doc = parse(write_ok(fascicle::test::essays_book()));
    EXPECT_STREQ(doc.select_node("/book/chapter[2]").node().attribute("xml:lang").value(), "fr");
    EXPECT_FALSE(doc.select_node("/book/chapter[1]").node().attribute("xml:lang"));
    EXPECT_EQ(text_of(doc.select_node("/book/chapter[2]/info/author/personname").node()), "Émilie du Châtelet");
}

TEST(DocBookWriter, UnknownDivisionIsAnError) {
    RecordingDiagnostics diagnostics;
    const auto written = write(fascicle::test::essays_book(), diagnostics, {{"docbook-division", "part"}});
    EXPECT_EQ(written.status, Status::failed);
    ASSERT_EQ(diagnostics.error_count(), 1u);
    EXPECT_NE(diagnostics.all[0].message.find("--docbook-division"), std::string::npos);
    EXPECT_NE(diagnostics.all[0].message.find("'part'"), std::string::npos);
}

TEST(DocBookWriter, SplitDocumentIsOneStandaloneArticleWithoutBookMatter) {
    const auto book = fascicle::test::essays_book();
    Book single{book.metadata, {book.articles[0]}};
    RecordingDiagnostics diagnostics;
    const auto written = write(single, diagnostics, {}, true);
    ASSERT_EQ(written.status, Status::ok) << diagnostics.text();
    const auto doc = parse(written.xml);
    const auto root = doc.document_element();
    EXPECT_STREQ(root.name(), "article");
    EXPECT_STREQ(root.attribute("version").value(), "5.0");
    EXPECT_STREQ(root.attribute("xmlns").value(), "http://docbook.org/ns/docbook");
    EXPECT_STREQ(root.attribute("xml:lang").value(), "en-GB");
    EXPECT_STREQ(root.attribute("xml:id").value(), "a-001_alpha");
    EXPECT_EQ(written.xml.find("Analytical Press"), std::string::npos);

    // --docbook-division chapter is honoured for split documents too.
    const auto chapter = write(single, diagnostics, {{"docbook-division", "chapter"}}, true);
    EXPECT_STREQ(parse(chapter.xml).document_element().name(), "chapter");

    // One writer, one standalone document: a second article is refused.
    Book two{book.metadata, {book.articles[0], book.articles[1]}};
    RecordingDiagnostics two_diagnostics;
    EXPECT_EQ(write(two, two_diagnostics, {}, true).status, Status::failed);
    EXPECT_EQ(two_diagnostics.error_count(), 1u);
}

Inline text_(std::string s) { return Inline::plain(std::move(s)); }

Inline reference_(std::string target, std::vector<Inline> children = {}) {
    Inline r = Inline::wrap(Inline::Kind::reference, std::move(children));
    r.target = std::move(target);
    return r;
}

Inline note_(std::vector<Block> blocks, std::string id = {}) {
    Inline n;
    n.kind = Inline::Kind::note;
    n.blocks = std::move(blocks);
    n.attributes.id = std::move(id);
    return n;
}

Article article_(std::string id, std::vector<Block> blocks) {
    Article a;
    a.id = id;
    a.title = title_inlines("Article " + id);
    a.introduction = std::move(blocks);
    return a;
}

// Superscripts, subscripts and attributions hold only text and a few inlines in DocBook 5:
// emphasis, code and the like inside them are phrases with their role, a footnote follows them,
// and a formula is its TeX (said once per article).
TEST(DocBookWriter, WhatASuperscriptCannotHoldIsWrittenAsPhrasesAndTheDocumentStaysValid) {
    Inline formula;
    formula.kind = Inline::Kind::math;
    formula.math.tex = "x^2";
    Inline sup = Inline::wrap(Inline::Kind::superscript,
                              {Inline::wrap(Inline::Kind::emphasis, {text_("hello")}), text_(" "),
                               Inline::wrap(Inline::Kind::strong, {text_("bold")}), Inline::code_span("c()"),
                               Inline::link_to("https://example.org/", {Inline::wrap(Inline::Kind::emphasis, {text_("in link")})}),
                               note_({Block::paragraph("A note in a superscript.")}), formula});
    Inline sub = Inline::wrap(Inline::Kind::subscript, {Inline::wrap(Inline::Kind::small_caps, {text_("low")})});
    Block quote;
    quote.kind = Block::Kind::block_quote;
    quote.children = {Block::paragraph("Quoted.")};
    quote.attribution = {Inline::wrap(Inline::Kind::emphasis, {text_("Someone")}), note_({Block::paragraph("Who.")})};
    Book book;
    book.articles.push_back(article_("sup", {Block::paragraph({text_("a"), sup, text_(" b"), sub}), quote}));

    RecordingDiagnostics diagnostics;
    const auto written = write(book, diagnostics);
    ASSERT_EQ(written.status, Status::ok);
    ASSERT_EQ(diagnostics.warning_count(), 1u) << diagnostics.text();
    EXPECT_EQ(diagnostics.all[0].message,
              "1 formula(s) inside a superscript, subscript or attribution, where DocBook allows none, written as their TeX");
    const auto doc = parse(written.xml);
    EXPECT_FALSE(doc.select_node("//superscript//emphasis[not(ancestor::link)]"));
    EXPECT_STREQ(doc.select_node("//superscript/phrase[@role='emphasis']").node().child_value(), "hello");
    EXPECT_STREQ(doc.select_node("//superscript/phrase[@role='strong']").node().child_value(), "bold");
    EXPECT_STREQ(doc.select_node("//superscript/phrase[@role='code']").node().child_value(), "c()");
    EXPECT_STREQ(doc.select_node("//superscript/phrase[@role='tex']").node().child_value(), "x^2");
    EXPECT_TRUE(doc.select_node("//superscript/link/emphasis"));
    EXPECT_TRUE(doc.select_node("//superscript/following-sibling::footnote"));
    EXPECT_STREQ(doc.select_node("//subscript/phrase[@role='smallcaps']").node().child_value(), "low");
    EXPECT_TRUE(doc.select_node("//blockquote/attribution/phrase[@role='emphasis']"));
    EXPECT_TRUE(doc.select_node("//blockquote/attribution/following-sibling::para/footnote"));
    expect_valid({{"sup.xml", written.xml}});
}

// A footnote holds blocks in DocBook 5 as anywhere else: code, lists and quotes stay what they are.
TEST(DocBookWriter, FootnotesHoldCodeBlocksListsAndQuotes) {
    Block code;
    code.kind = Block::Kind::code_block;
    code.text = "  indented\nsecond line";
    code.format = "sh";
    Block list;
    list.kind = Block::Kind::list;
    list.items = {{Block::paragraph("one")}, {Block::paragraph("two")}};
    Block quote;
    quote.kind = Block::Kind::block_quote;
    quote.children = {Block::paragraph("quoted")};
    Book book;
    book.articles.push_back(article_(
        "notes", {Block::paragraph({text_("text"), note_({Block::paragraph("First."), code, list, quote}, "n1")})}));
    const auto xml = write_ok(book);
    const auto doc = parse(xml);
    EXPECT_EQ(text_of(doc.select_node("//footnote/programlisting[@language='sh']").node()), "  indented\nsecond line");
    EXPECT_TRUE(doc.select_node("//footnote/itemizedlist/listitem/para"));
    EXPECT_TRUE(doc.select_node("//footnote/blockquote/para"));
    EXPECT_TRUE(doc.select_node("//footnote[@xml:id='notes.n1']/para[1]"));
    expect_valid({{"notes.xml", xml}});
}

// Every xml:id is written once in the book: an element id named twice in an article is written on
// the first element, and an article id holding a '.' does not collide with another article's parts;
// references lead to the element that carries the id.
TEST(DocBookWriter, EveryXmlIdIsUniqueAndReferencesLeadToTheirElement) {
    Block first = Block::paragraph("first");
    first.attributes.id = "xhtml";
    Block second = Block::paragraph("second");
    second.attributes.id = "xhtml";
    Inline span = Inline::wrap(Inline::Kind::span, {text_("spanned")});
    span.attributes.id = "xhtml";
    Book book;
    book.articles.push_back(article_("a", {first, second, Block::paragraph({span, reference_("xhtml", {text_("to it")})})}));
    Section b;
    b.id = "b";
    b.title = title_inlines("B");
    b.blocks = {Block::paragraph("in b")};
    book.articles[0].sections.push_back(b);
    // "a.b" is what article "a"'s section "b" is written as.
    book.articles.push_back(article_("a.b", {Block::paragraph({reference_("a#b", {text_("section b")}),
                                                                reference_("a.b", {text_("itself")})})}));
    const auto xml = write_ok(book);
    const auto doc = parse(xml);
    const auto ids = xml_ids(doc);
    EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), ids.size()) << xml;
    EXPECT_STREQ(doc.select_node("//para[@xml:id='a.xhtml']").node().child_value(), "first");
    EXPECT_STREQ(doc.select_node("//link[text()='to it']").node().attribute("linkend").value(), "a.xhtml");
    EXPECT_STREQ(doc.select_node("//link[text()='section b']").node().attribute("linkend").value(), "a.b");
    EXPECT_STREQ(doc.select_node("//link[text()='itself']").node().attribute("linkend").value(), "a.b-2");
    EXPECT_STREQ(doc.select_node("/book/chapter[2]").node().attribute("xml:id").value(), "a.b-2");
    expect_valid({{"ids.xml", xml}});
}

// A reference must lead to an id written in the book: one that leads to nothing becomes its text,
// said once per article, naming the first; one to an article further on waits for it.
TEST(DocBookWriter, ReferencesToNothingAreWrittenAsTheirTextWithOneWarningPerArticle) {
    Block target = Block::paragraph("target");
    target.attributes.id = "here";
    Book book;
    book.articles.push_back(article_(
        "one", {Block::paragraph({reference_("two#here", {text_("forward")}), text_(" "),
                                  reference_("two#nowhere", {text_("missing")}), text_(" "),
                                  reference_("gfdl-4", {text_("bare")}), text_(" "), reference_("#absent")})}));
    book.articles.push_back(article_("two", {target, Block::paragraph({reference_("one", {text_("back")})})}));

    RecordingDiagnostics diagnostics;
    const auto written = write(book, diagnostics);
    ASSERT_EQ(written.status, Status::ok);
    ASSERT_EQ(diagnostics.warning_count(), 1u) << diagnostics.text();
    EXPECT_EQ(diagnostics.all[0].message,
              "article 'one': 3 internal references lead to nothing in the book (such as 'two#nowhere'): written as their text");
    const auto doc = parse(written.xml);
    EXPECT_STREQ(doc.select_node("//link[text()='forward']").node().attribute("linkend").value(), "two.here");
    EXPECT_STREQ(doc.select_node("//link[text()='back']").node().attribute("linkend").value(), "one");
    EXPECT_FALSE(doc.select_node("//link[text()='missing']"));
    EXPECT_NE(text_of(doc.select_node("/book/chapter[1]/para").node()).find("missing bare #absent"), std::string::npos);
    expect_valid({{"refs.xml", written.xml}});
}

// An xlink:href is a URI: what a URI cannot hold is percent-encoded, as browsers do; a target that
// cannot be made one stays as its text, said once per article.
TEST(DocBookWriter, LinkAddressesArePercentEncodedOrWrittenAsTheirText) {
    Book book;
    book.articles.push_back(article_(
        "links", {Block::paragraph({Inline::link_to("https://example.org/a b\u00E9?q=\"x\"#f#g", {text_("encoded")}),
                                    text_(" "), Inline::link_to("no such:thing", {text_("broken")}), text_(" "),
                                    Inline::link_to("1a:b", {})})}));
    RecordingDiagnostics diagnostics;
    const auto written = write(book, diagnostics);
    ASSERT_EQ(written.status, Status::ok);
    ASSERT_EQ(diagnostics.warning_count(), 1u) << diagnostics.text();
    EXPECT_EQ(diagnostics.all[0].message,
              "article 'links': 2 link(s) whose address cannot be made a URI (such as 'no such:thing'): written as "
              "their text");
    const auto doc = parse(written.xml);
    EXPECT_STREQ(doc.select_node("//link[text()='encoded']").node().attribute("xlink:href").value(),
                 "https://example.org/a%20b%C3%A9?q=%22x%22#f%23g");
    EXPECT_EQ(doc.select_nodes("//link").size(), 1u);
    EXPECT_EQ(text_of(doc.select_node("/book/chapter/para").node()), "encoded broken 1a:b");
    expect_valid({{"links.xml", written.xml}});
}

}  // namespace
}  // namespace fascicle::docbook
