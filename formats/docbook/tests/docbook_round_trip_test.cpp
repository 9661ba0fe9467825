// Round trips in-process: what the DocBook writer writes, the reader reads back to the same book,
// except for what as_carried_by_docbook() lists (README.md, "What DocBook does not carry back").
#include "commands.hpp"
#include "docbook_writer.hpp"
#include "read_docbook.hpp"

#include <fascicle/ir_walk.hpp>

#include <essays_book.hpp>
#include <feature_book.hpp>
#include <test_support.hpp>

#include <gtest/gtest.h>

#include <fstream>

namespace fascicle::docbook {
namespace {

using fascicle::test::RecordingDiagnostics;
using fascicle::test::StringOutput;
using test::as_carried_by_docbook;
using test::read_docbook;
using test::without_sources;

DocBookWriter writer_for_round_trip;

std::string write_docbook(const Book& book, const Options& options = {}) {
    DocBookWriter writer;
    StringOutput output;
    RecordingDiagnostics diagnostics;
    EXPECT_EQ(fascicle::test::write_book(writer, book, output, diagnostics, options), Status::ok) << diagnostics.text();
    return output.str();
}

// Writes `book`, reads it back, and expects the book DocBook carries, without a diagnostic.
void expect_round_trip(const Book& book, const Options& options = {}) {
    const auto xml = write_docbook(book, options);
    const auto back = read_docbook(xml, "book.xml");
    ASSERT_EQ(back.status, Status::ok) << back.diagnostics.text();
    EXPECT_EQ(back.diagnostics.all.size(), 0u) << back.diagnostics.text();
    const auto expected = as_carried_by_docbook(book);
    const auto actual = without_sources(back.book);
    EXPECT_EQ(actual, expected) << "expected:\n" << dump(expected) << "\nread back:\n" << dump(actual);
}

TEST(DocBookRoundTrip, SampleCorpus) {
    const auto book = test::sample_corpus_book();
    // The corpus is plain text: it loses only the copy book.ini's [article] title leaves in the
    // article's metadata (DocBook keeps it as the title); its conclusion-title is carried.
    auto expected = book;
    for (auto& a : expected.articles) {
        a.source.clear();
        a.metadata.title.clear();
    }
    EXPECT_EQ(dump(as_carried_by_docbook(book)), dump(expected));
    expect_round_trip(book);
}

TEST(DocBookRoundTrip, SampleCorpusAsArticleDivisions) {
    expect_round_trip(test::sample_corpus_book(), {{division_option, "article"}});
}

TEST(DocBookRoundTrip, HostilePunctuationArticle) {
    const auto book = test::hostile_punctuation_book();
    ASSERT_EQ(book.articles.size(), 1u);
    // Tabs and runs of spaces inside paragraphs are the reader's business to keep.
    const auto& intro = book.articles[0].introduction;
    EXPECT_TRUE(std::any_of(intro.begin(), intro.end(), [](const Block& b) {
        return plain_text(b.inlines).find("tab:\t:tab, two  spaces") != std::string::npos;
    }));
    auto expected = book;
    for (auto& a : expected.articles) a.source.clear();
    EXPECT_EQ(dump(as_carried_by_docbook(book)), dump(expected)) << "the hostile article loses nothing in DocBook";
    expect_round_trip(book);
}

// Every block and inline kind, a section titled "Conclusion" before the real conclusion, a custom
// conclusion-title, an article in another language, an untitled article, empty lists and quotes.
TEST(DocBookRoundTrip, FeatureBook) {
    const auto book = fascicle::test::essays_book();
    const auto carried = as_carried_by_docbook(book);
    // What the feature book loses, spelled out so that a change to the rules shows here.
    EXPECT_EQ(carried.articles[1].id, "2nd-article");
    EXPECT_EQ(carried.articles[2].title_text(), "") << "an untitled article comes back untitled";
    EXPECT_EQ(carried.articles[1].introduction.size(), 1u) << "the empty list and quote are not written";
    EXPECT_EQ(carried.metadata.get("conclusion-title"), "In Closing");
    expect_round_trip(book);
}

// The shared feature book (tests/support): every kind of the document model, its image and its
// references across articles, written as a DocBook file beside its image and read back the same.
TEST(DocBookRoundTrip, TheFeatureBookOfEveryKindComesBackExactly) {
    fascicle::test::FeatureBook features;
    fascicle::test::make_feature_book(features);
    fascicle::test::TempDir dir;
    {
        fascicle::test::FileOutput output(dir / "book.xml");
        RecordingDiagnostics diagnostics;
        ASSERT_EQ(fascicle::test::write_book(writer_for_round_trip, features.book, output, diagnostics, {}, false,
                                             &features.resources),
                  Status::ok)
            << diagnostics.text();
    }
    const auto back = test::read_docbook_file(dir / "book.xml");
    ASSERT_EQ(back.status, Status::ok) << back.diagnostics.text();
    EXPECT_EQ(back.diagnostics.all.size(), 0u) << back.diagnostics.text();
    const auto actual = without_sources(back.book);
    EXPECT_EQ(actual, features.book) << "expected:\n" << dump(features.book) << "\nread back:\n" << dump(actual);
    ASSERT_NE(back.resources->find("images/engine.png"), nullptr) << "the image is a resource again";
    EXPECT_EQ(back.resources->find("images/engine.png")->size, features.resources.find("images/engine.png")->size);
}

TEST(DocBookRoundTrip, ArticleConclusionTitlesOtherThanTheBooks) {
    Book book;
    book.metadata.title = "Conclusions";
    book.metadata.language = "de";
    book.metadata.extra["conclusion-title"] = "Fazit";
    for (const char* id : {"a", "b", "c"}) book.articles.push_back(fascicle::test::corpus_like_article(id, std::string("Article ") + id));
    book.articles[2].metadata.extra["conclusion-title"] = "Schluss";
    const auto back = read_docbook(write_docbook(book));
    ASSERT_EQ(back.status, Status::ok) << back.diagnostics.text();
    EXPECT_EQ(back.book.metadata.get("conclusion-title"), "Fazit");
    EXPECT_EQ(back.book.articles[0].metadata.get("conclusion-title"), "");
    EXPECT_EQ(back.book.articles[2].metadata.get("conclusion-title"), "Schluss");
    expect_round_trip(book);
}

// What DocBook has no element for (subjects, series, identifier scheme, cover, extra values; an
// article's publisher, identifier, description, rights) goes in <bibliomisc role="key">,
// a line each, and comes back; so does a conclusion-title that no conclusion shows, or that is the
// book's, and a book's conclusion-title other than the one most conclusions show; and a section's
// abbreviated title, language and classes (its role).
TEST(DocBookRoundTrip, EveryMetadataFieldComesBack) {
    Book book;
    book.metadata.title = "Metadata";
    book.metadata.language = "en";
    book.metadata.subjects = {"Botany", "Tropical trees; their uses"};
    book.metadata.series = "Field Guides";
    book.metadata.series_position = "2.5";
    book.metadata.identifier = "978-0-000-00000-0";
    book.metadata.identifier_scheme = "ISBN";
    book.metadata.cover = "images/cover.png";
    book.metadata.extra["conclusion-title"] = "Wrap-up";
    book.metadata.extra["revhistory"] = "1.0 first\n\n1.1 second";
    for (const char* id : {"a", "b", "c"}) book.articles.push_back(fascicle::test::corpus_like_article(id, std::string("Article ") + id));
    auto& a = book.articles[0].metadata;
    a.subtitle = "A subtitle";
    a.publisher = "A publisher";
    a.identifier = "urn:example:a";
    a.description = "Line one.\nLine two.";
    a.rights = "CC BY 4.0";
    a.subjects = {"Roots"};
    a.extra["conclusion-title"] = "Wrap-up";  // the book's, said again
    a.extra["part"] = "Part One";
    book.articles[1].metadata.extra["conclusion-title"] = "Finally";
    book.articles[2].metadata.extra["conclusion-title"] = "Finally";
    book.articles[2].conclusion.clear();  // told, but shown by no conclusion
    // A section's abbreviated title, language and classes.
    book.articles[1].sections[0].attributes.pairs = {{"titleabbrev", "Short"}};
    book.articles[1].sections[1].attributes.language = "fr";
    book.articles[1].sections[2].attributes.classes = {"appendix", "unnumbered"};
    EXPECT_EQ(as_carried_by_docbook(book).articles[0].metadata, book.articles[0].metadata);
    EXPECT_EQ(as_carried_by_docbook(book).metadata, book.metadata);
    expect_round_trip(book);

    const auto xml = write_docbook(book);
    EXPECT_NE(xml.find("<bibliomisc role=\"revhistory\">1.0 first</bibliomisc>\n"
                       "    <bibliomisc role=\"revhistory\"></bibliomisc>\n"
                       "    <bibliomisc role=\"revhistory\">1.1 second</bibliomisc>"),
              std::string::npos)
        << xml;
    EXPECT_NE(xml.find("<title>Article a</title>\n      <subtitle>A subtitle</subtitle>"), std::string::npos)
        << "an article's subtitle is its info's subtitle, shown under its title";
    fascicle::test::TempDir dir;
    {
        std::ofstream out(dir / "metadata.xml", std::ios::binary);
        out << xml;
    }
    const auto jing = test::validate_docbook({dir / "metadata.xml"});
    EXPECT_EQ(jing.exit_code, 0) << jing.output;
    EXPECT_EQ(jing.output, "");
}

TEST(DocBookRoundTrip, IdsTheWriterHadToChange) {
    Book book;
    // Article ids that article_xml_id() prefixes with "a-", section ids part_xml_id() prefixes
    // with "s-", and a title whose own slug starts with "s-".
    book.articles.push_back(fascicle::test::corpus_like_article("001", "Numbered"));
    book.articles.push_back(fascicle::test::corpus_like_article("_under", "Underscore"));
    book.articles.push_back(fascicle::test::corpus_like_article("x.y", "Dotted"));
    book.articles[0].sections[0].id = "2024-review";
    book.articles[0].sections[1].id = "s-2";
    book.articles[0].sections[1].title = fascicle::title_inlines("S 2");
    book.articles[0].sections[2].id = "conclusion";
    book.articles[0].sections[2].title = fascicle::title_inlines("Conclusion");
    const auto xml = write_docbook(book);
    EXPECT_NE(xml.find("xml:id=\"a-001\""), std::string::npos);
    EXPECT_NE(xml.find("xml:id=\"a-001.s-2024-review\""), std::string::npos);
    EXPECT_NE(xml.find("xml:id=\"a-001.conclusion-2\""), std::string::npos) << "the conclusion's id was taken";
    expect_round_trip(book);
}

// pandoc's DocBook of an EPUB: ids are "<document>#<id>" (not NCNames, holding '.' and '#'),
// on sections and anchors, and links name them. Each id is kept whole, so two that share their
// last part ("…#n.0001.1", "…#n.0006.1") stay apart, and every link still leads to its target,
// in the book read and in the DocBook written of it.
TEST(DocBookRoundTrip, PandocIdsOfAnEpubKeepEveryLink) {
    const std::string pandoc_docbook = R"(<?xml version="1.0" encoding="utf-8" ?>
<article xmlns="http://docbook.org/ns/docbook" xmlns:xlink="http://www.w3.org/1999/xlink" version="5.0">
  <info><title>The Waste Land</title></info>
  <section xml:id="wasteland-content.xhtml#ch1">
    <title>I. The Burial of the Dead</title>
    <anchor xml:id="wasteland-content.xhtml#ln20" />
    <para>Out of this stony rubbish?<footnote><para><link linkend="wasteland-content.xhtml#ln20">Line 20.</link> Cf. Ezekiel.</para></footnote></para>
    <para><anchor xml:id="0001.xhtml#n.0001.1" />One <anchor xml:id="0006.xhtml#n.0006.1" />two<link linkend="notes.xhtml" id="0001.xhtml#n.0001.2" role="note-d"><superscript>[2]</superscript></link>.</para>
  </section>
  <section xml:id="notes.xhtml">
    <title>Notes</title>
    <para><link linkend="0001.xhtml#n.0001.1">1</link> <link linkend="0006.xhtml#n.0006.1">2</link>
      <link linkend="wasteland-content.xhtml#ch1">back</link> <xref linkend="notes.xhtml"/>
      <link linkend="0001.xhtml#n.0001.2">[2]</link></para>
  </section>
</article>
)";
    const auto back = read_docbook(pandoc_docbook, "wasteland.xml");
    ASSERT_EQ(back.status, Status::ok) << back.diagnostics.text();
    EXPECT_EQ(back.diagnostics.all.size(), 0u) << back.diagnostics.text();
    ASSERT_EQ(back.book.articles.size(), 1u);
    const auto& article = back.book.articles[0];
    ASSERT_EQ(article.sections.size(), 2u);
    EXPECT_EQ(article.sections[0].id, "wasteland-content.xhtml#ch1") << "an id that is no NCName is kept whole";
    EXPECT_EQ(article.sections[1].id, "notes.xhtml") << "not cut at its last '.'";
    std::vector<std::string> anchors, references;
    walk(article, IrVisitor{{}, [&](const Inline& i) {
                                if (i.kind == Inline::Kind::span && !i.attributes.id.empty()) anchors.push_back(i.attributes.id);
                                if (i.kind == Inline::Kind::reference) references.push_back(i.target);
                            }, {}});
    // pandoc's <link id> (a note's reference an EPUB's note links back to): an anchor before the link.
    EXPECT_EQ(anchors, (std::vector<std::string>{"wasteland-content.xhtml#ln20", "0001.xhtml#n.0001.1", "0006.xhtml#n.0006.1",
                                                 "0001.xhtml#n.0001.2"}));
    // A local id holding '#' names its article, so that split_reference() parts it at the right '#'.
    EXPECT_EQ(references, (std::vector<std::string>{"wasteland#wasteland-content.xhtml#ln20", "notes.xhtml",
                                                     "wasteland#0001.xhtml#n.0001.1", "wasteland#0006.xhtml#n.0006.1",
                                                     "wasteland#wasteland-content.xhtml#ch1", "notes.xhtml",
                                                     "wasteland#0001.xhtml#n.0001.2"}));

    // Written back: every link is a link (no "lead to nothing" warning), every linkend an xml:id.
    DocBookWriter writer;
    StringOutput output;
    RecordingDiagnostics diagnostics;
    Book book = without_sources(back.book);
    ASSERT_EQ(fascicle::test::write_book(writer, book, output, diagnostics, {}), Status::ok) << diagnostics.text();
    EXPECT_EQ(diagnostics.all.size(), 0u) << diagnostics.text();
    const auto xml = output.str();
    std::size_t linkends = 0;
    for (auto at = xml.find("linkend=\""); at != std::string::npos; at = xml.find("linkend=\"", at + 1)) {
        ++linkends;
        const auto begin = at + 9;
        const auto id = xml.substr(begin, xml.find('"', begin) - begin);
        EXPECT_NE(xml.find("xml:id=\"" + id + "\""), std::string::npos) << id;
    }
    EXPECT_EQ(linkends, 7u) << xml;
    // Read back again, the ids are the NCNames written (an anchor is still an empty span with
    // only its id), and written again, the same DocBook.
    const auto again = read_docbook(xml, "book.xml");
    ASSERT_EQ(again.status, Status::ok) << again.diagnostics.text();
    EXPECT_EQ(again.diagnostics.all.size(), 0u) << again.diagnostics.text();
    ASSERT_EQ(again.book.articles.size(), 1u);
    EXPECT_EQ(again.book.articles[0].sections[0].id, "wasteland-content.xhtml-ch1");
    EXPECT_EQ(write_docbook(without_sources(again.book)), xml);
    std::size_t bare_anchors = 0;
    walk(again.book.articles[0], IrVisitor{{}, [&](const Inline& i) {
                                               if (i.kind == Inline::Kind::span && !i.attributes.id.empty() &&
                                                   i.attributes.classes.empty())
                                                   ++bare_anchors;
                                           }, {}});
    EXPECT_EQ(bare_anchors, 4u) << dump(again.book);
}

TEST(DocBookRoundTrip, SplitDocumentsReadBackOneArticleEach) {
    const auto book = fascicle::test::essays_book();
    const auto expected = as_carried_by_docbook(book);
    for (std::size_t i = 0; i < book.articles.size(); ++i) {
        for (const char* division : {"article", "chapter"}) {
            SCOPED_TRACE(book.articles[i].id + " as a standalone " + division);
            DocBookWriter writer;
            StringOutput output;
            RecordingDiagnostics diagnostics;
            Book one{book.metadata, {book.articles[i]}};
            ASSERT_EQ(fascicle::test::write_book(writer, one, output, diagnostics, {{division_option, division}}, true),
                      Status::ok)
                << diagnostics.text();
            const auto back = read_docbook(output.str(), book.articles[i].id + ".xml");
            ASSERT_EQ(back.status, Status::ok) << back.diagnostics.text();
            ASSERT_EQ(back.book.articles.size(), 1u);
            // A standalone document's language is the book's; its conclusion title tells the book's.
            auto expected_article = expected.articles[i];
            expected_article.metadata.language.clear();
            if (!expected_article.conclusion.empty() && expected_article.metadata.get("conclusion-title").empty()) {
                EXPECT_EQ(back.book.metadata.get("conclusion-title"), "In Closing");
            }
            EXPECT_EQ(back.book.metadata.language,
                      book.articles[i].metadata.language.empty() ? book.metadata.language : book.articles[i].metadata.language);
            EXPECT_EQ(without_sources(back.book).articles[0], expected_article)
                << dump(expected_article) << "\n" << dump(back.book.articles[0]);
        }
    }
}

}  // namespace
}  // namespace fascicle::docbook
