// The reader's mapping of what real EPUBs hold to the document model: notes (EPUB 3 asides and
// noterefs, pandoc's and calibre's sections of notes, notes in another document), links between
// documents, images as resources, MathML, definition lists, super- and subscripts, poetry,
// languages, code languages, attributions, epub:switch.
#include "reader_expectations.hpp"
#include "reader_test_archives.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>

namespace fascicle::epub::test {
namespace {

using fascicle::test::TempDir;

// Reads an EPUB of `documents` written in `dir` (which must outlive the resources' open()).
ReadBook read_documents(const std::vector<std::pair<std::string, std::string>>& documents,
                        const std::vector<ZipEntry>& extra = {}, const std::string& extra_manifest = "",
                        const TempDir& dir = TempDir()) {
    EpubSpec spec;
    spec.documents = documents;
    spec.extra_manifest = extra_manifest;
    auto entries = epub_entries(spec);
    for (const auto& e : extra) entries.push_back(e);
    fascicle::test::write_file(dir / "book.epub", zip_bytes(entries));
    ReadBook read = read_epub(dir / "book.epub");
    EXPECT_EQ(read.status, Status::ok) << read.diagnostics.text();
    return read;
}

Article one_article(const std::string& body) {
    const ReadBook read = read_documents({{"chapter.xhtml", xhtml(body)}});
    EXPECT_EQ(read.diagnostics.warning_count(), 0u) << read.diagnostics.text();
    EXPECT_EQ(read.book.articles.size(), 1u) << dump(read.book);
    return read.book.articles.empty() ? Article{} : read.book.articles.front();
}

Inline wrap(Inline::Kind kind, std::string text) { return Inline::wrap(kind, {Inline::plain(std::move(text))}); }

Inline note(std::string id, std::vector<Block> blocks) {
    Inline n;
    n.kind = Inline::Kind::note;
    n.attributes.id = std::move(id);
    n.blocks = std::move(blocks);
    return n;
}

TEST(ReaderContent, Epub3FootnotesAndEndnotesBecomeNotesWhereTheyAreReferenced) {
    const Article a = one_article(
        "<h1>T</h1>\n<p>Text<a epub:type=\"noteref\" href=\"#n1\">1</a> and more<a epub:type=\"noteref\" "
        "href=\"#n2\">2</a>.</p>\n"
        "<aside epub:type=\"footnote\" id=\"n1\"><p>The first note.</p></aside>\n"
        "<section epub:type=\"endnotes\"><h2>Notes</h2><div epub:type=\"endnote\" id=\"n2\"><p>The second, "
        "<a href=\"#n1\" epub:type=\"backlink\">back</a>.</p></div></section>");
    ASSERT_FALSE(a.introduction.empty());
    const std::vector<Inline> expected{Inline::plain("Text"), note("n1", {Block::paragraph("The first note.")}),
                                       Inline::plain(" and more"), note("n2", {Block::paragraph("The second, .")}),
                                       Inline::plain(".")};
    EXPECT_EQ(a.introduction[0].inlines, expected) << dump(a);
    // The notes are not repeated in the text; the notes section keeps only its heading.
    ASSERT_EQ(a.sections.size(), 1u) << dump(a);
    EXPECT_EQ(a.sections[0].title_text(), "Notes");
    EXPECT_TRUE(a.sections[0].blocks.empty()) << dump(a);
}

TEST(ReaderContent, PandocNotesInAnotherDocumentAndASecondReference) {
    // pandoc's EPUB 3: a superscript link to an item of a section of notes, with a back link; the
    // notes in their own document. A second link to a note refers to it.
    const ReadBook read = read_documents(
        {{"ch1.xhtml", xhtml("<section id=\"one\"><h1>One</h1><p>Claim<a href=\"notes.xhtml#fn1\" class=\"footnote-ref\" "
                             "id=\"fnref1\" role=\"doc-noteref\"><sup>1</sup></a>, again<a href=\"notes.xhtml#fn1\">"
                             "<sup>1</sup></a>.</p></section>")},
         {"notes.xhtml", xhtml("<section class=\"footnotes\" role=\"doc-endnotes\"><hr/><ol><li id=\"fn1\">"
                               "<p>Source.<a href=\"ch1.xhtml#fnref1\" class=\"footnote-back\">\u21A9</a></p></li>"
                               "</ol></section>")}});
    ASSERT_EQ(read.book.articles.size(), 1u) << dump(read.book);  // the notes document holds only notes
    const Article& a = read.book.articles[0];
    Inline again = Inline::wrap(Inline::Kind::reference, {wrap(Inline::Kind::superscript, "1")});
    again.target = "one#fn1";
    const std::vector<Inline> expected{Inline::plain("Claim"), note("fn1", {Block::paragraph("Source.")}),
                                       Inline::plain(", again"), again, Inline::plain(".")};
    ASSERT_FALSE(a.introduction.empty()) << dump(a);
    EXPECT_EQ(a.introduction[0].inlines, expected) << dump(a);
}

TEST(ReaderContent, TheChapterHeadNamesTheArticlesOwnMetadata) {
    // <meta name="author"> as HTML (and Fascicle's writer) names a page's author; names that are
    // no metadata of an article (pandoc's generator, a viewport) are not read.
    std::string document = xhtml("<h1>T</h1><p>Text.</p>");
    const std::string head = "<head><title>Document</title>"
                             "<meta name=\"generator\" content=\"pandoc\"/>"
                             "<meta name=\"viewport\" content=\"width=device-width\"/>"
                             "<meta name=\"author\" content=\" Ada\n  Lovelace \"/>"
                             "<meta name=\"author\" content=\"Charles Babbage\"/>"
                             "<meta name=\"date\" content=\"1843\"/>"
                             "<meta name=\"author\" content=\"\"/></head>";
    document.replace(document.find("<head>"), document.find("</head>") + 7 - document.find("<head>"), head);
    const ReadBook read = read_documents({{"a.xhtml", document}});
    ASSERT_EQ(read.book.articles.size(), 1u) << read.diagnostics.text();
    const Metadata& m = read.book.articles[0].metadata;
    EXPECT_EQ(m.authors(), (std::vector<std::string>{"Ada Lovelace", "Charles Babbage"}));
    EXPECT_EQ(m.date, "1843");
    EXPECT_TRUE(m.extra.empty()) << dump(m);
    EXPECT_EQ(m.entries().size(), 3u) << dump(m);
}

TEST(ReaderContent, NotesNoLinkPointsAtStayInTheirArticle) {
    const Article a = one_article("<h1>T</h1><p>Text.</p><aside epub:type=\"footnote\" id=\"lonely\"><p>Unreferenced."
                                  "</p></aside>");
    ASSERT_EQ(a.introduction.size(), 2u) << dump(a);
    EXPECT_EQ(a.introduction[1].kind, Block::Kind::division);
    EXPECT_EQ(a.introduction[1].attributes.id, "lonely");
    EXPECT_EQ(a.introduction[1].children, std::vector<Block>{Block::paragraph("Unreferenced.")});
}

TEST(ReaderContent, LinksBetweenDocumentsAreReferencesToArticlesAndIds) {
    const ReadBook read = read_documents(
        {{"a.xhtml", xhtml("<section id=\"first\"><h1>First</h1><p>See <a href=\"b.xhtml#sec\">the section</a>, "
                           "<a href=\"b.xhtml#fig\">the figure</a>, <a href=\"b.xhtml\">the chapter</a>, "
                           "<a href=\"b.xhtml#nowhere\">a lost id</a> and <a href=\"#first\">this one</a>; "
                           "<a href=\"missing.xhtml\">gone</a>.</p></section>")},
         {"b.xhtml", xhtml("<h1 id=\"second\">Second</h1><section id=\"sec\"><h2>Sec</h2>"
                           "<figure id=\"fig\"><figcaption>A figure</figcaption></figure></section>")}});
    ASSERT_EQ(read.book.articles.size(), 2u);
    std::vector<std::string> targets;
    for (const auto& i : read.book.articles[0].introduction.at(0).inlines)
        if (i.kind == Inline::Kind::reference) targets.push_back(i.target);
    EXPECT_EQ(targets, (std::vector<std::string>{"second#sec", "second#fig", "second", "second", "first"}));
    // A page that is not in the book stays a link, to where it was from the document.
    const auto& inlines = read.book.articles[0].introduction.at(0).inlines;
    const auto gone = std::find_if(inlines.begin(), inlines.end(), [](const Inline& i) { return i.kind == Inline::Kind::link; });
    ASSERT_NE(gone, inlines.end()) << dump(read.book.articles[0]);
    EXPECT_EQ(gone->target, "missing.xhtml");
    EXPECT_EQ(plain_text(gone->children), "gone");
    EXPECT_EQ(read.diagnostics.of(Severity::warning).size(), 0u) << read.diagnostics.text();
}

TEST(ReaderContent, ImagesAreResourcesReadFromTheArchive) {
    const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(100, 'x');
    const TempDir dir;
    const ReadBook read = read_documents(
        {{"chapter.xhtml",
          xhtml("<h1>T</h1><figure id=\"f\"><img src=\"img/a.png\" alt=\"An A\" title=\"The A\" width=\"20\" "
                "height=\"10\"/><figcaption>Caption</figcaption></figure>"
                "<p><svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
                "<title>Drawn</title><image xlink:href=\"img/a.png\"/></svg></p>")}},
        {{"EPUB/img/a.png", png, false}},
        "    <item id=\"i\" href=\"img/a.png\" media-type=\"image/png\"/>\n", dir);
    ASSERT_EQ(read.book.articles.size(), 1u);
    EXPECT_EQ(read.diagnostics.warning_count(), 0u) << read.diagnostics.text();
    const auto& blocks = read.book.articles[0].introduction;
    ASSERT_EQ(blocks.size(), 2u) << dump(read.book);
    ASSERT_EQ(blocks[0].kind, Block::Kind::figure);
    EXPECT_EQ(blocks[0].attributes.id, "f");
    EXPECT_EQ(plain_text(blocks[0].caption), "Caption");
    const Inline& image = blocks[0].children.at(0).inlines.at(0);
    EXPECT_EQ(image.kind, Inline::Kind::image);
    EXPECT_EQ(image.target, "book/EPUB/img/a.png");  // named by the input, unique in the book
    EXPECT_EQ(image.text, "An A");
    EXPECT_EQ(image.title, "The A");
    EXPECT_EQ(image.attributes.get("width"), "20");
    EXPECT_EQ(image.attributes.get("height"), "10");
    const Inline& drawn = blocks[1].inlines.at(0);
    EXPECT_EQ(drawn.kind, Inline::Kind::image);
    EXPECT_EQ(drawn.target, image.target);
    EXPECT_EQ(drawn.text, "Drawn");

    ASSERT_EQ(read.resources->size(), 1u);
    const Resource* resource = read.resources->find("book/EPUB/img/a.png");
    ASSERT_NE(resource, nullptr);
    EXPECT_EQ(resource->media_type, "image/png");
    EXPECT_EQ(resource->size, png.size());
    auto stream = resource->open();  // after the reader is done: the EPUB is opened again
    ASSERT_NE(stream, nullptr);
    EXPECT_EQ(std::string(std::istreambuf_iterator<char>(*stream), {}), png);
}

TEST(ReaderContent, TheCoverImageIsAResourceNamedByTheMetadata) {
    // EPUB 2's <meta name="cover">: the cover page is left out, its image stays the book's cover.
    EpubSpec spec;
    spec.version = "2.0";
    spec.documents = {{"cover.xhtml", xhtml("<div><img src=\"c.jpg\" alt=\"cover\"/></div>")},
                      {"chapter.xhtml", xhtml("<h1>T</h1><p>Text.</p>")}};
    spec.metadata = "    <meta name=\"cover\" content=\"cover-image\"/>\n";
    spec.extra_manifest = "    <item id=\"cover-image\" href=\"c.jpg\" media-type=\"image/jpeg\"/>\n";
    spec.extra_package = "  <guide><reference type=\"cover\" href=\"cover.xhtml\" title=\"Cover\"/></guide>\n";
    auto entries = epub_entries(spec);
    entries.push_back({"EPUB/c.jpg", "\xFF\xD8\xFF jpeg bytes", false});
    TempDir dir;
    fascicle::test::write_file(dir / "book.epub", zip_bytes(entries));
    const ReadBook read = read_epub(dir / "book.epub");
    ASSERT_EQ(read.status, Status::ok) << read.diagnostics.text();
    EXPECT_EQ(read.book.articles.size(), 1u);
    EXPECT_EQ(read.book.metadata.cover, "book/EPUB/c.jpg");
    const Resource* cover = read.resources->find("book/EPUB/c.jpg");
    ASSERT_NE(cover, nullptr);
    EXPECT_EQ(cover->media_type, "image/jpeg");
}

TEST(ReaderContent, ATitlePageWithAFrontispieceIsReadAsAnArticle) {
    // epubjs' Alice: the title page (epub:type="titlepage") shows the title image and a plate with
    // its caption; left out, the book would lose both. A title page that shows only the cover
    // image, or no image, is still left out.
    EpubSpec spec;
    spec.documents = {
        {"title.xhtml", xhtml("<section epub:type=\"titlepage\"><h1>Alice</h1>\n<figure><img src=\"plate.jpg\" "
                              "alt=\"Alice in the Room of the Duchess.\"/><figcaption><p>Alice in the Room of the "
                              "Duchess.</p></figcaption></figure></section>")},
        {"half.xhtml", xhtml("<section epub:type=\"titlepage\"><h1>Alice</h1><img src=\"c.jpg\" alt=\"\"/></section>")},
        {"chapter.xhtml", xhtml("<h1>Down the Rabbit-Hole</h1><p>Text.</p>")}};
    spec.extra_manifest =
        "    <item id=\"cover-image\" href=\"c.jpg\" media-type=\"image/jpeg\" properties=\"cover-image\"/>\n"
        "    <item id=\"plate\" href=\"plate.jpg\" media-type=\"image/jpeg\"/>\n";
    auto entries = epub_entries(spec);
    entries.push_back({"EPUB/c.jpg", "\xFF\xD8\xFF jpeg bytes", false});
    entries.push_back({"EPUB/plate.jpg", "\xFF\xD8\xFF jpeg bytes", false});
    TempDir dir;
    fascicle::test::write_file(dir / "book.epub", zip_bytes(entries));
    const ReadBook read = read_epub(dir / "book.epub");
    ASSERT_EQ(read.status, Status::ok) << read.diagnostics.text();
    ASSERT_EQ(read.book.articles.size(), 2u) << dump(read.book);
    EXPECT_EQ(read.book.articles[0].id, "title");
    EXPECT_NE(dump(read.book.articles[0]).find("book/EPUB/plate.jpg"), std::string::npos) << dump(read.book.articles[0]);
    EXPECT_EQ(read.book.articles[1].id, "chapter");
    const auto notes = read.diagnostics.of(Severity::note);
    std::vector<std::string> said;
    for (const auto& n : notes) said.push_back(n.format());
    EXPECT_NE(std::find(said.begin(), said.end(),
                        (dir / "book.epub").string() + "(EPUB/title.xhtml): note: read as an article, though the "
                                                       "package declares it the title page: it shows 1 image besides "
                                                       "the cover"),
              said.end())
        << read.diagnostics.text();
    EXPECT_NE(std::find(said.begin(), said.end(),
                        (dir / "book.epub").string() + "(EPUB/half.xhtml): note: left out: the title page"),
              said.end())
        << read.diagnostics.text();
}

TEST(ReaderContent, MathDefinitionListsScriptsAndStrikethrough) {
    const Article a = one_article(
        "<h1>T</h1><p>H<sub>2</sub>O, 2<sup>10</sup>, <del>old</del> <s>older</s> <strike>oldest</strike>, "
        "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" alttext=\"x^2\"><msup><mi>x</mi><mn>2</mn></msup></math>."
        "</p>\n<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\"><semantics><mi>y</mi>"
        "<annotation encoding=\"application/x-tex\">y</annotation></semantics></math>\n"
        "<dl><dt>Mill</dt><dd>Computes.</dd><dt>Store</dt><dd><p>Remembers.</p></dd><dd>Also memory.</dd></dl>");
    ASSERT_EQ(a.introduction.size(), 3u) << dump(a);
    const auto& p = a.introduction[0].inlines;
    ASSERT_GE(p.size(), 12u) << dump(a);
    EXPECT_EQ(p[1], wrap(Inline::Kind::subscript, "2"));
    EXPECT_EQ(p[3], wrap(Inline::Kind::superscript, "10"));
    EXPECT_EQ(p[5], wrap(Inline::Kind::strikethrough, "old"));
    EXPECT_EQ(p[7], wrap(Inline::Kind::strikethrough, "older"));
    EXPECT_EQ(p[9], wrap(Inline::Kind::strikethrough, "oldest"));
    EXPECT_EQ(p[11].kind, Inline::Kind::math);
    EXPECT_EQ(p[11].math.tex, "x^2");
    EXPECT_EQ(p[11].math.mathml,
              "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><msup><mi>x</mi><mn>2</mn></msup></math>");  // alttext: the TeX
    EXPECT_EQ(a.introduction[1].kind, Block::Kind::display_math);
    EXPECT_EQ(a.introduction[1].math.tex, "y");
    const Block& dl = a.introduction[2];
    ASSERT_EQ(dl.kind, Block::Kind::definition_list);
    ASSERT_EQ(dl.definitions.size(), 2u);
    EXPECT_EQ(plain_text(dl.definitions[0].term), "Mill");
    EXPECT_EQ(dl.definitions[0].definitions, std::vector<std::vector<Block>>{{Block::paragraph("Computes.")}});
    EXPECT_EQ(dl.definitions[1].definitions.size(), 2u);
}

TEST(ReaderContent, PoetryBecomesLineBlocks) {
    const Article a = one_article(
        "<h1>T</h1><div class=\"linegroup\"><div>April is the cruellest month,</div><div>breeding</div>"
        "<blockquote xml:lang=\"de\"><div><div>Frisch weht der Wind</div><div>Der Heimat zu</div></div></blockquote>"
        "<div xml:lang=\"de\"><em>Od' und leer</em></div></div>"
        "<p class=\"stanza\">One line<br/>and another</p>");
    ASSERT_EQ(a.introduction.size(), 4u) << dump(a);
    EXPECT_EQ(a.introduction[0].kind, Block::Kind::line_block);
    EXPECT_EQ(a.introduction[0].lines,
              (std::vector<std::vector<Inline>>{{Inline::plain("April is the cruellest month,")},
                                                {Inline::plain("breeding")}}));
    ASSERT_EQ(a.introduction[1].kind, Block::Kind::block_quote);
    EXPECT_EQ(a.introduction[1].attributes.language, "de");
    ASSERT_EQ(a.introduction[1].children.size(), 1u);
    EXPECT_EQ(a.introduction[1].children[0].kind, Block::Kind::line_block);
    EXPECT_EQ(a.introduction[1].children[0].lines.size(), 2u);
    ASSERT_EQ(a.introduction[2].kind, Block::Kind::line_block);
    const Inline& german = a.introduction[2].lines.at(0).at(0);
    EXPECT_EQ(german.kind, Inline::Kind::span);
    EXPECT_EQ(german.attributes.language, "de");
    EXPECT_EQ(a.introduction[3].lines,
              (std::vector<std::vector<Inline>>{{Inline::plain("One line")}, {Inline::plain("and another")}}));
}

TEST(ReaderContent, LanguagesCodeLanguagesAttributionsAndSwitches) {
    const ReadBook read = read_documents({{"chapter.xhtml", xhtml(
        "<h1>T</h1><p>Say <span lang=\"fr\">bonjour</span> and <em xml:lang=\"de\">danke</em>.</p>"
        "<p lang=\"la\">Lorem ipsum.</p>"
        "<pre class=\"language-python\"><code>print(1)\n</code></pre>"
        "<pre><code class=\"lang-c\">int x;</code></pre>"
        "<blockquote><p>Quoted.</p><footer>Someone</footer></blockquote>"
        "<epub:switch xmlns:epub=\"http://www.idpf.org/2007/ops\"><epub:case required-namespace=\"x\"><p>Case.</p>"
        "</epub:case><epub:default><p>Default.</p></epub:default></epub:switch>")}});
    ASSERT_EQ(read.book.articles.size(), 1u);
    const auto& b = read.book.articles[0].introduction;
    ASSERT_EQ(b.size(), 6u) << dump(read.book);
    const auto& say = b[0].inlines;
    ASSERT_EQ(say.size(), 5u) << dump(read.book);
    EXPECT_EQ(say[1].kind, Inline::Kind::span);
    EXPECT_EQ(say[1].attributes.language, "fr");
    EXPECT_EQ(say[3].kind, Inline::Kind::span);
    EXPECT_EQ(say[3].attributes.language, "de");
    EXPECT_EQ(say[3].children.at(0).kind, Inline::Kind::emphasis);
    EXPECT_EQ(b[1].attributes.language, "la");
    EXPECT_EQ(b[2].format, "python");
    EXPECT_EQ(b[2].text, "print(1)\n");
    EXPECT_EQ(b[3].format, "c");
    EXPECT_EQ(b[4].children, std::vector<Block>{Block::paragraph("Quoted.")});
    EXPECT_EQ(b[4].attribution, std::vector<Inline>{Inline::plain("Someone")});
    EXPECT_EQ(b[5], Block::paragraph("Default."));
    const auto warnings = read.diagnostics.of(Severity::warning);
    ASSERT_EQ(warnings.size(), 1u) << read.diagnostics.text();
    EXPECT_NE(warnings[0].format().find("(EPUB/chapter.xhtml):7: warning: 1 <epub:case> branch left out (the "
                                        "<epub:default> of its <epub:switch> is read)"),
              std::string::npos)
        << warnings[0].format();
}

TEST(ReaderContent, ASwitchWithACaseForMathmlReadsThatCase) {
    // As a reading system that knows MathML: the EPUB 3 test suite's switch-020 (pandoc-features.epub).
    const ReadBook read = read_documents({{"chapter.xhtml", xhtml(
        "<h1>T</h1>\n"
        "<epub:switch xmlns:epub=\"http://www.idpf.org/2007/ops\">"
        "<epub:case required-namespace=\"http://www.example.com/unsupported\"><p>Other.</p></epub:case>"
        "<epub:case required-namespace=\"http://www.w3.org/1998/Math/MathML\">"
        "<m:math xmlns:m=\"http://www.w3.org/1998/Math/MathML\"><m:mi>x</m:mi></m:math></epub:case>\n"
        "<epub:default><p>FAIL</p></epub:default></epub:switch>")}});
    ASSERT_EQ(read.book.articles.size(), 1u);
    const std::string dumped = dump(read.book);
    EXPECT_NE(dumped.find("<m:mi>x</m:mi>"), std::string::npos) << dumped;
    EXPECT_EQ(dumped.find("FAIL"), std::string::npos) << dumped;
    EXPECT_EQ(dumped.find("Other."), std::string::npos) << dumped;
    const auto warnings = read.diagnostics.of(Severity::warning);
    ASSERT_EQ(warnings.size(), 2u) << read.diagnostics.text();
    EXPECT_NE(warnings[0].format().find("(EPUB/chapter.xhtml):7: warning: 1 <epub:case> branch left out (the "
                                        "<epub:case> for MathML of its <epub:switch> is read)"),
              std::string::npos)
        << warnings[0].format();
    EXPECT_NE(warnings[1].format().find("(EPUB/chapter.xhtml):8: warning: 1 <epub:default> branch left out (the "
                                        "<epub:case> for MathML of its <epub:switch> is read)"),
              std::string::npos)
        << warnings[1].format();
}

}  // namespace
}  // namespace fascicle::epub::test
