// The DocBook reader on documents written by hand: how each element maps, white space, ids,
// conclusions, documents other tools write, and the warnings about what it does not map.
#include "docbook_reader.hpp"
#include "read_docbook.hpp"

#include <test_support.hpp>

#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>

namespace fascicle::docbook {
namespace {

using test::read_docbook;
using test::ReadBack;

const std::filesystem::path test_dir = FASCICLE_DOCBOOK_TEST_DIR;

// A book with the DocBook namespaces around `body`.
std::string book(const std::string& body, const std::string& attributes = "") {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<book xmlns=\"http://docbook.org/ns/docbook\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"5.0\"" +
           attributes + ">\n" + body + "\n</book>\n";
}

std::string chapter(const std::string& body, const std::string& attributes = "") {
    return "<chapter xmlns=\"http://docbook.org/ns/docbook\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"" + attributes +
           ">\n" + body + "\n</chapter>\n";
}

ReadBack read_ok(const std::string& xml, const std::string& name = "input.xml") {
    auto back = read_docbook(xml, name);
    EXPECT_EQ(back.status, Status::ok) << back.diagnostics.text();
    EXPECT_EQ(back.diagnostics.error_count(), 0u) << back.diagnostics.text();
    return back;
}

// The only article of a read, with no diagnostic at all.
Article read_one_quietly(const std::string& xml) {
    auto back = read_ok(xml);
    EXPECT_EQ(back.diagnostics.all.size(), 0u) << back.diagnostics.text();
    EXPECT_EQ(back.book.articles.size(), 1u);
    return back.book.articles.empty() ? Article{} : back.book.articles.front();
}

Inline text(std::string s) { return Inline::plain(std::move(s)); }
Inline wrap(Inline::Kind kind, std::vector<Inline> children, std::string target = {}) {
    Inline i = Inline::wrap(kind, std::move(children));
    i.target = std::move(target);
    return i;
}
Inline code(std::string s) { return Inline::code_span(std::move(s)); }

TEST(DocBookReader, BookInfoBecomesTheBooksMetadata) {
    const auto back = read_ok(book(R"(<info>
    <title>Field Notes &amp; Essays</title>
    <author><personname>Ada Lovelace</personname></author>
    <author><personname><firstname>Émilie</firstname><surname>du Châtelet</surname></personname></author>
    <pubdate>2024-03-01</pubdate>
    <publisher><publishername>Analytical Press</publishername></publisher>
    <biblioid class="uri">urn:uuid:7b0a3f6e</biblioid>
    <abstract><para>Essays on engines.</para><para>Second line.</para></abstract>
    <legalnotice><para>© 2024 The Authors.</para></legalnotice>
  </info>
  <chapter><title>Only</title><para>Text.</para></chapter>)",
                                   " xml:lang=\"en-GB\""));
    EXPECT_EQ(back.diagnostics.all.size(), 0u) << back.diagnostics.text();
    const auto& m = back.book.metadata;
    EXPECT_EQ(m.title, "Field Notes & Essays");
    EXPECT_EQ(m.authors(), (std::vector<std::string>{"Ada Lovelace", "Émilie du Châtelet"}));
    EXPECT_EQ(m.language, "en-GB");
    EXPECT_EQ(m.date, "2024-03-01");
    EXPECT_EQ(m.publisher, "Analytical Press");
    EXPECT_EQ(m.identifier, "urn:uuid:7b0a3f6e");
    EXPECT_EQ(m.description, "Essays on engines.\nSecond line.");
    EXPECT_EQ(m.rights, "© 2024 The Authors.");
    EXPECT_TRUE(m.extra.empty());
}

TEST(DocBookReader, FillsOnlyTheMetadataAnEarlierInputLeftEmpty) {
    Metadata found;
    found.title = "From the first input";
    DocBookReader reader;
    fascicle::test::CollectingArticles articles;
    fascicle::test::RecordingDiagnostics diagnostics;
    std::istringstream in(book("<info><title>Second</title><pubdate>2020</pubdate></info><chapter><para>x</para></chapter>"));
    const Options options;
    fascicle::Resources ctx_resources;
    ReadContext ctx{options, diagnostics, found, ctx_resources};
    ASSERT_EQ(reader.read({"b.xml", {}, &in, "b"}, ctx, articles), Status::ok) << diagnostics.text();
    EXPECT_EQ(found.title, "From the first input");
    EXPECT_EQ(found.date, "2020");
}

TEST(DocBookReader, ChapterPartsBecomeTheArticlesParts) {
    const auto back = read_ok(book(R"(<chapter xml:id="a-001_intro" xml:lang="fr">
    <info>
      <title>Introduction</title>
      <author><personname>Émilie du Châtelet</personname></author>
      <pubdate>1740</pubdate>
      <abstract><para>The summary.</para><para><itemizedlist><listitem><para>a point</para></listitem></itemizedlist></para></abstract>
    </info>
    <para>Introduction one.</para>
    <para>Introduction two.</para>
    <section xml:id="a-001_intro.first">
      <title>First</title>
      <para>Body.</para>
      <section xml:id="a-001_intro.s-2nd-level"><title>2nd level</title><para>Nested.</para></section>
    </section>
    <section xml:id="a-001_intro.conclusion"><title>Conclusion</title><para>The end.</para></section>
  </chapter>)",
                                   " xml:lang=\"en\""));
    EXPECT_EQ(back.diagnostics.all.size(), 0u) << back.diagnostics.text();
    ASSERT_EQ(back.book.articles.size(), 1u);
    const auto& a = back.book.articles[0];
    EXPECT_EQ(a.id, "001_intro") << "the writer's a- prefix is removed";
    EXPECT_EQ(a.title_text(), "Introduction");
    EXPECT_EQ(a.source, "input.xml");
    EXPECT_EQ(a.metadata.authors(), (std::vector<std::string>{"Émilie du Châtelet"}));
    EXPECT_EQ(a.metadata.date, "1740");
    EXPECT_EQ(a.metadata.language, "fr");
    ASSERT_EQ(a.summary.size(), 2u);
    EXPECT_EQ(a.summary[0], Block::paragraph("The summary."));
    EXPECT_EQ(a.summary[1].kind, Block::Kind::list) << "a list the writer put in a para comes back as a list";
    EXPECT_EQ(a.introduction, (std::vector<Block>{Block::paragraph("Introduction one."), Block::paragraph("Introduction two.")}));
    ASSERT_EQ(a.sections.size(), 1u) << "the conclusion is not a section";
    EXPECT_EQ(a.sections[0].id, "first");
    EXPECT_EQ(a.sections[0].blocks, std::vector<Block>{Block::paragraph("Body.")});
    ASSERT_EQ(a.sections[0].subsections.size(), 1u);
    EXPECT_EQ(a.sections[0].subsections[0].id, "2nd-level") << "the writer's s- prefix is removed";
    EXPECT_EQ(a.sections[0].subsections[0].title_text(), "2nd level");
    EXPECT_EQ(a.conclusion, std::vector<Block>{Block::paragraph("The end.")});
}

TEST(DocBookReader, InlinesMapToFasciclesInlines) {
    const auto a = read_one_quietly(chapter(R"(<title>T</title>
<para>Plain <emphasis>em</emphasis> <emphasis role="strong">strong</emphasis> <emphasis role="bold">bold</emphasis> <literal>a &lt; b</literal> <code>f()</code> <link xlink:href="https://example.org/?a=1&amp;b=2">a <emphasis>link</emphasis></link> <link xlink:href="https://example.org/bare"/> <link linkend="sec-1">inside</link> <link>no target</link> <![CDATA[<raw> & ]]>end<?linebreak?>next line</para>)"));
    ASSERT_EQ(a.introduction.size(), 1u);
    const std::vector<Inline> expected{
        text("Plain "), wrap(Inline::Kind::emphasis, {text("em")}), text(" "), wrap(Inline::Kind::strong, {text("strong")}),
        text(" "), wrap(Inline::Kind::strong, {text("bold")}), text(" "), code("a < b"), text(" "), code("f()"), text(" "),
        wrap(Inline::Kind::link, {text("a "), wrap(Inline::Kind::emphasis, {text("link")})}, "https://example.org/?a=1&b=2"),
        text(" "), wrap(Inline::Kind::link, {}, "https://example.org/bare"), text(" "),
        wrap(Inline::Kind::reference, {text("inside")}, "sec-1"), text(" no target <raw> & end"),
        Inline::wrap(Inline::Kind::line_break, {}), text("next line")};
    EXPECT_EQ(a.introduction[0].inlines, expected) << dump(a);
}

TEST(DocBookReader, XlinkHrefIsFoundWhateverItsPrefix) {
    const auto a = read_one_quietly(
        R"(<d:article xmlns:d="http://docbook.org/ns/docbook" xmlns:x="http://www.w3.org/1999/xlink"><d:title>T</d:title><d:para><d:link x:href="https://example.org/">site</d:link></d:para></d:article>)");
    ASSERT_EQ(a.introduction.size(), 1u);
    EXPECT_EQ(a.introduction[0].inlines,
              std::vector<Inline>{wrap(Inline::Kind::link, {text("site")}, "https://example.org/")});
}

TEST(DocBookReader, QuotesBecomeTypographicQuotationMarks) {
    const auto a = read_one_quietly(chapter("<para>She said <quote>it is <quote>fine</quote> now</quote>.</para>"));
    ASSERT_EQ(a.introduction.size(), 1u);
    EXPECT_EQ(plain_text(a.introduction[0].inlines), "She said \u201Cit is \u2018fine\u2019 now\u201D.");
}

TEST(DocBookReader, BlocksMapToFasciclesBlocks) {
    const auto a = read_one_quietly(chapter(R"(<title>T</title>
<orderedlist startingnumber="3"><listitem><para>three</para></listitem><listitem><para>four</para><para>more</para></listitem></orderedlist>
<itemizedlist><para>Before the items.</para><listitem><para/></listitem></itemizedlist>
<blockquote><para>Quoted.</para><blockquote><para>Nested.</para></blockquote></blockquote>
<programlisting>  int main() {
	return 0; // &lt;&amp;&gt;
  }</programlisting>
<simpara>A simpara.</simpara>)"));
    ASSERT_EQ(a.introduction.size(), 6u) << dump(a);
    const auto& ordered = a.introduction[0];
    EXPECT_EQ(ordered.kind, Block::Kind::list);
    EXPECT_TRUE(ordered.ordered);
    EXPECT_EQ(ordered.start, 3);
    EXPECT_EQ(ordered.items, (std::vector<std::vector<Block>>{{Block::paragraph("three")},
                                                              {Block::paragraph("four"), Block::paragraph("more")}}));
    EXPECT_EQ(a.introduction[1], Block::paragraph("Before the items.")) << "blocks before a list's items go before it";
    EXPECT_EQ(a.introduction[2].kind, Block::Kind::list);
    EXPECT_FALSE(a.introduction[2].ordered);
    EXPECT_EQ(a.introduction[2].items, std::vector<std::vector<Block>>{{}}) << "an empty para fills an empty item";
    const auto& quote = a.introduction[3];
    EXPECT_EQ(quote.kind, Block::Kind::block_quote);
    ASSERT_EQ(quote.children.size(), 2u);
    EXPECT_EQ(quote.children[1].kind, Block::Kind::block_quote);
    EXPECT_EQ(a.introduction[4].kind, Block::Kind::code_block);
    EXPECT_EQ(a.introduction[4].text, "  int main() {\n\treturn 0; // <&>\n  }") << "code is verbatim";
    EXPECT_EQ(a.introduction[5], Block::paragraph("A simpara."));
}

TEST(DocBookReader, AListInsideAParaSplitsIt) {
    const auto a = read_one_quietly(
        chapter("<para>Before <itemizedlist><listitem><para>item</para></listitem></itemizedlist> after.</para>"));
    ASSERT_EQ(a.introduction.size(), 3u) << dump(a);
    EXPECT_EQ(a.introduction[0], Block::paragraph("Before "));
    EXPECT_EQ(a.introduction[1].kind, Block::Kind::list);
    EXPECT_EQ(a.introduction[2], Block::paragraph(" after."));
}

TEST(DocBookReader, LineEndsInTextReadAsSpacesAndOtherWhiteSpaceIsKept) {
    const auto a = read_one_quietly(chapter("<title>\n  A wrapped\n  title\n</title>\n"
                                            "<para>\n  Wrapped by a tool,\n  indented: <emphasis>one</emphasis>\n"
                                            "  <emphasis>two</emphasis>\n</para>\n"
                                            "<para>Tabs\tand  two spaces stay; so does &#13; a CR.</para>\n"
                                            "<para>  Spaces at the ends stay too  </para>\n<para>\n   \n</para><para/>"));
    EXPECT_EQ(a.title_text(), "A wrapped title");
    ASSERT_EQ(a.introduction.size(), 3u) << "paras with nothing but white space are left out: " << dump(a);
    EXPECT_EQ(a.introduction[0].inlines,
              (std::vector<Inline>{text("Wrapped by a tool, indented: "), wrap(Inline::Kind::emphasis, {text("one")}),
                                   text(" "), wrap(Inline::Kind::emphasis, {text("two")})}));
    EXPECT_EQ(a.introduction[1], Block::paragraph("Tabs\tand  two spaces stay; so does \r a CR."));
    EXPECT_EQ(a.introduction[2], Block::paragraph("  Spaces at the ends stay too  "));
}

// The writer puts a line end after each <?linebreak?> (so that tools that do not know the
// instruction read the words apart): white space holding a line end beside a break is the break's.
TEST(DocBookReader, ALineEndBesideAHardLineBreakIsPartOfTheBreak) {
    const auto a = read_one_quietly(chapter("<title>T</title><para>one<?linebreak?>\ntwo  \n <?linebreak?>\n  three"
                                            "<?linebreak?>  four</para>"));
    const auto br = Inline::wrap(Inline::Kind::line_break, {});
    ASSERT_EQ(a.introduction.size(), 1u);
    EXPECT_EQ(a.introduction[0].inlines, (std::vector<Inline>{text("one"), br, text("two"), br, text("three"), br,
                                                              text("  four")}))
        << "white space without a line end is kept as written: " << dump(a);
}

TEST(DocBookReader, AManPageReferenceShowsItsSectionInParentheses) {
    const auto a = read_one_quietly(chapter("<title>T</title><para>See <citerefentry><refentrytitle>nix.conf</refentrytitle>"
                                            "<manvolnum>5</manvolnum></citerefentry>.</para>"));
    ASSERT_EQ(a.introduction.size(), 1u);
    EXPECT_EQ(plain_text(a.introduction[0].inlines), "See nix.conf(5).");
}

// pandoc's DocBook of an EPUB names places "chapter.xhtml#id" and leaves out some of the elements
// so named: a link to one leads into its chapter (a warning says so); a link to nothing at all is
// kept as it is (the writers write its text, and say so).
TEST(DocBookReader, ALinkendNamingNothingLeadsToThePartBeforeItsHash) {
    const auto back = read_ok(R"(<article xmlns="http://docbook.org/ns/docbook" version="5.0"><title>T</title>
<section xml:id="s04.xhtml"><title>Four</title><para>p</para></section>
<section xml:id="notes.xhtml"><title>Notes</title>
<para><link linkend="s04.xhtml#s04-a01">one</link> <link linkend="s04.xhtml#s04-a02">two</link>
<link linkend="nav.xhtml#toc">toc</link> <xref linkend="notes.xhtml"/></para></section></article>)",
                              "pandoc.xml");
    EXPECT_EQ(back.diagnostics.text(),
              "pandoc.xml:4: warning: 2 dangling linkends led to the element named by the part before '#' "
              "(\"ch.xhtml\" of \"ch.xhtml#n1\", as pandoc names places in an EPUB's chapters) (the first is here)\n");
    ASSERT_EQ(back.book.articles.size(), 1u);
    std::vector<std::string> targets;
    for (const auto& i : back.book.articles[0].sections.at(1).blocks.at(0).inlines)
        if (i.kind == Inline::Kind::reference) targets.push_back(i.target);
    EXPECT_EQ(targets, (std::vector<std::string>{"s04.xhtml", "s04.xhtml", "nav.xhtml#toc", "notes.xhtml"}));
}

// A startingnumber that is not a number: the list starts at 1, and a warning says where and why.
TEST(DocBookReader, AStartingNumberThatIsNoNumberIsReported) {
    const auto back = read_ok(book("<chapter><title>C</title>\n<orderedlist startingnumber=\"iv\">"
                                   "<listitem><para>one</para></listitem></orderedlist></chapter>"),
                              "list.xml");
    EXPECT_EQ(back.diagnostics.text(), "list.xml:4:1: warning: startingnumber=\"iv\" is not a number: the list starts at 1\n");
    ASSERT_EQ(back.book.articles.size(), 1u);
    ASSERT_FALSE(back.book.articles[0].introduction.empty());
    EXPECT_EQ(back.book.articles[0].introduction[0].start, 1);
}

// The writer's <bibliomisc role="key">: lines of one key make one value (gathered, not copied line by
// line: many lines read in linear time); the element of a field wins over a bibliomisc of its key.
TEST(DocBookReader, KeyedBibliomiscSetsMetadataByKey) {
    std::string lines;
    for (int n = 0; n < 20000; ++n) lines += "<bibliomisc role=\"history\">line " + std::to_string(n) + "</bibliomisc>";
    const auto back = read_ok(book("<info><title>B</title>\n<bibliomisc role=\"publisher\">From bibliomisc</bibliomisc>\n"
                                   "<publisher><publishername>From publisher</publishername></publisher>"
                                   "<bibliomisc role=\"series\">Guides</bibliomisc><bibliomisc role=\"subject\">A</bibliomisc>"
                                   "<bibliomisc role=\"subject\">B</bibliomisc>" + lines + "</info>"
                                   "<chapter><title>C</title><para>p</para></chapter>"),
                              "keyed.xml");
    EXPECT_EQ(back.diagnostics.text(), "keyed.xml:4: warning: 1 <bibliomisc> element left out (the field's element is kept)\n");
    EXPECT_EQ(back.book.metadata.publisher, "From publisher");
    EXPECT_EQ(back.book.metadata.series, "Guides");
    EXPECT_EQ(back.book.metadata.subjects, (std::vector<std::string>{"A", "B"}));
    const auto history = back.book.metadata.get("history");
    EXPECT_TRUE(history.starts_with("line 0\nline 1\n")) << history.substr(0, 40);
    EXPECT_TRUE(history.ends_with("\nline 19999"));
}

TEST(DocBookReader, ConclusionIsTheLastSectionWithTheWritersId) {
    // A section titled "Conclusion" took a-x.conclusion; the writer gave the conclusion -2.
    const auto a = read_one_quietly(chapter(R"(<title>T</title>
<section xml:id="a-x.conclusion"><title>Conclusion</title><para>A section.</para></section>
<section xml:id="a-x.conclusion-2"><title>In Closing</title><para>The real one.</para></section>)",
                                            " xml:id=\"a-x\""));
    ASSERT_EQ(a.sections.size(), 1u) << dump(a);
    EXPECT_EQ(a.sections[0].id, "conclusion");
    EXPECT_EQ(a.conclusion, std::vector<Block>{Block::paragraph("The real one.")});
}

TEST(DocBookReader, ConclusionRules) {
    struct Case {
        const char* what;
        const char* body;
        bool conclusion;
    };
    const Case cases[] = {
        {"a -2 id without the id it avoided", R"(<section xml:id="x.conclusion-2"><title>Conclusion 2</title><para>p</para></section>)", false},
        {"the conclusion id, another title (a conclusion-title)", R"(<section xml:id="x.conclusion"><title>Fazit</title><para>p</para></section>)", true},
        {"no id, titled Conclusion (other tools)", R"(<section><title>Conclusion</title><para>p</para></section>)", true},
        {"pandoc's numbered id, titled Conclusion", R"(<section xml:id="conclusion-1"><title>Conclusion</title><para>p</para></section>)", true},
        {"another title", R"(<section xml:id="x.summing-up"><title>Summing Up</title><para>p</para></section>)", false},
        {"not the last section", R"(<section xml:id="x.conclusion"><title>Conclusion</title><para>p</para></section><section><title>After</title><para>q</para></section>)", false},
        {"holding sections", R"(<section xml:id="x.conclusion"><title>Conclusion</title><section><title>Sub</title><para>p</para></section></section>)", false},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.what);
        const auto a = read_one_quietly(chapter(std::string("<title>T</title><para>Intro.</para>") + c.body));
        EXPECT_EQ(!a.conclusion.empty(), c.conclusion) << dump(a);
    }
}

TEST(DocBookReader, ConclusionTitlesBecomeConclusionTitleMetadata) {
    const auto back = read_ok(book(R"(
<chapter xml:id="a"><title>A</title><section xml:id="a.conclusion"><title>Fazit</title><para>a</para></section></chapter>
<chapter xml:id="b"><title>B</title><section xml:id="b.conclusion"><title>Schluss</title><para>b</para></section></chapter>
<chapter xml:id="c"><title>C</title><section xml:id="c.conclusion"><title>Fazit</title><para>c</para></section></chapter>)"));
    ASSERT_EQ(back.book.articles.size(), 3u);
    EXPECT_EQ(back.book.metadata.get("conclusion-title"), "Fazit") << "the title most conclusions have";
    EXPECT_EQ(back.book.articles[0].metadata.extra, (std::map<std::string, std::string>{}));
    EXPECT_EQ(back.book.articles[1].metadata.get("conclusion-title"), "Schluss");
}

TEST(DocBookReader, IdsComeFromXmlIdsTitlesOrTheFileName) {
    const auto back = read_ok(book(R"(
<chapter xml:id="a-2024"><title>Numbered</title><section xml:id="a-2024.s-10-tips"><title>10 Tips</title><para>p</para></section>
  <section xml:id="a-2024.s-2"><title>S 2</title><para>p</para></section><section><title>No Id</title><para>p</para></section>
  <section><title>No Id</title><para>p</para></section></chapter>
<chapter><title>Untitled Id</title><para>p</para></chapter>
<chapter><title>日本語</title><para>p</para></chapter>
<chapter xml:id="dup"><title>One</title><para>p</para></chapter>
<chapter xml:id="dup"><title>Two</title><para>p</para></chapter>)"),
                              "my-book.xml");
    ASSERT_EQ(back.book.articles.size(), 5u);
    const auto& first = back.book.articles[0];
    EXPECT_EQ(first.id, "2024");
    ASSERT_EQ(first.sections.size(), 4u);
    EXPECT_EQ(first.sections[0].id, "10-tips");
    EXPECT_EQ(first.sections[1].id, "s-2") << "\"S 2\" slugs to s-2 itself";
    EXPECT_EQ(first.sections[2].id, "no-id");
    EXPECT_EQ(first.sections[3].id, "no-id-2");
    EXPECT_EQ(back.book.articles[1].id, "untitled-id");
    EXPECT_EQ(back.book.articles[2].id, "my-book-3") << "a title with no ASCII letters: the file name and number";
    EXPECT_EQ(back.book.articles[3].id, "dup");
    EXPECT_EQ(back.book.articles[4].id, "dup-2");
}

TEST(DocBookReader, AChapterOnItsOwnIsOneArticle) {
    const auto back = read_ok(chapter("<info><title>Alone</title></info><para>Text.</para>", " xml:lang=\"de\""), "alone.xml");
    EXPECT_EQ(back.diagnostics.all.size(), 0u) << back.diagnostics.text();
    ASSERT_EQ(back.book.articles.size(), 1u);
    EXPECT_EQ(back.book.articles[0].id, "alone") << "no xml:id: the file name";
    EXPECT_EQ(back.book.articles[0].title_text(), "Alone");
    EXPECT_EQ(back.book.metadata.language, "de") << "a standalone document's language is the book's";
    EXPECT_EQ(back.book.articles[0].metadata.language, "");
    EXPECT_EQ(back.book.metadata.title, "");
}

TEST(DocBookReader, ALanguageOtherThanTheBooksIsTheArticles) {
    // Two standalone documents read into one book: the first tells the book's language.
    Metadata found;
    std::vector<Article> articles;
    for (const char* language : {"de", "fr", "de"}) {
        DocBookReader reader;
        fascicle::test::CollectingArticles into;
        fascicle::test::RecordingDiagnostics diagnostics;
        std::istringstream in(chapter("<title>T</title><para>p</para>", std::string(" xml:lang=\"") + language + "\""));
        const Options options;
        fascicle::Resources ctx_resources;
        ReadContext ctx{options, diagnostics, found, ctx_resources};
        ASSERT_EQ(reader.read({"c.xml", {}, &in, "c"}, ctx, into), Status::ok) << diagnostics.text();
        articles.push_back(into.articles.at(0));
    }
    EXPECT_EQ(found.language, "de");
    EXPECT_EQ(articles[0].metadata.language, "");
    EXPECT_EQ(articles[1].metadata.language, "fr");
    EXPECT_EQ(articles[2].metadata.language, "");

    // In a book, a chapter inherits the xml:lang of what holds it.
    const auto back = read_ok(book("<part xml:lang=\"it\"><chapter><para>p</para></chapter></part>", " xml:lang=\"en\""));
    EXPECT_EQ(back.book.articles.at(0).metadata.language, "it");
}

TEST(DocBookReader, AnArticleHoldingChaptersIsABook) {
    // What pandoc writes with --top-level-division=chapter (not valid DocBook).
    const auto back = read_ok(R"(<article xmlns="http://docbook.org/ns/docbook" version="5.0" xml:lang="en">
  <info><title>The Book</title><authorgroup><author><personname><firstname>A.</firstname><surname>Writer</surname></personname></author></authorgroup><date>2024</date></info>
  <chapter xml:id="one"><title>One</title><para>1</para></chapter>
  <chapter xml:id="two"><title>Two</title><para>2</para></chapter>
</article>)");
    ASSERT_EQ(back.diagnostics.all.size(), 1u) << back.diagnostics.text();
    EXPECT_EQ(back.diagnostics.all[0].severity, Severity::note);
    EXPECT_NE(back.diagnostics.all[0].message.find("read as a book"), std::string::npos);
    EXPECT_EQ(back.book.metadata.title, "The Book");
    EXPECT_EQ(back.book.metadata.authors(), std::vector<std::string>{"A. Writer"});
    EXPECT_EQ(back.book.metadata.date, "2024");
    ASSERT_EQ(back.book.articles.size(), 2u);
    EXPECT_EQ(back.book.articles[1].id, "two");
    EXPECT_EQ(back.book.articles[1].title_text(), "Two");
}

TEST(DocBookReader, ContentAfterASectionJoinsThatSection) {
    const auto back = read_ok(chapter("<title>T</title><section><title>S</title><para>in</para></section>\n<para>after</para>"));
    ASSERT_EQ(back.diagnostics.warning_count(), 1u) << back.diagnostics.text();
    EXPECT_EQ(back.diagnostics.all[0].line, 3u);
    EXPECT_NE(back.diagnostics.all[0].message.find("content after a section"), std::string::npos);
    ASSERT_EQ(back.book.articles.size(), 1u);
    EXPECT_EQ(back.book.articles[0].sections[0].blocks,
              (std::vector<Block>{Block::paragraph("in"), Block::paragraph("after")}));
}

TEST(DocBookReader, WhatIsNotMappedIsOneWarningPerKindWithTheFirstLine) {
    const auto back = read_ok(chapter(R"(<title>T</title>
<para>A <foo>first</foo> and a <foo>second</foo> unknown element.</para>
<para><?dbfo keep-together="always"?>Text.</para>
<mediaobject><videoobject><videodata fileref="v.mp4"/></videoobject></mediaobject>
<bar><para>Blocks in an unknown element.</para></bar>)"));
    EXPECT_EQ(back.diagnostics.text(),
              "input.xml:3: warning: 2 <foo> elements kept as text (the first is here)\n"
              "input.xml:4: warning: 1 processing instruction <?dbfo?> left out\n"
              "input.xml:5: warning: 1 <videoobject> element left out\n"
              "input.xml:6: warning: 1 <bar> element kept as paragraphs\n");
    const auto& a = back.book.articles.at(0);
    EXPECT_EQ(a.introduction.at(0), Block::paragraph("A first and a second unknown element."));
    EXPECT_EQ(a.introduction.at(3), Block::paragraph("Blocks in an unknown element."));
}

TEST(DocBookReader, FailOnLossMakesTheLossesErrors) {
    DocBookReader reader;
    fascicle::test::CollectingArticles articles;
    fascicle::test::RecordingDiagnostics diagnostics;
    std::istringstream in(chapter("<para>A <foo>lost</foo> element.</para>"));
    const Options options{{"fail-on-loss", ""}};
    Metadata found;
    Resources resources;
    ReadContext ctx{options, diagnostics, found, resources};
    const Input input{"strict.xml", {}, &in, "strict"};
    EXPECT_EQ(reader.read(input, ctx, articles), Status::failed);
    EXPECT_EQ(diagnostics.text(), "strict.xml:2: error: 1 <foo> element kept as text (--fail-on-loss)\n");
    EXPECT_TRUE(articles.articles.empty()) << "nothing is handed over";
}

TEST(DocBookReader, MarkupInATitleIsReportedOnce) {
    // Titles are looked at before they are read (conclusions, book matter): that says nothing.
    const auto back = read_ok(book(R"(<preface><title>A <foo>preface</foo></title><para>p</para></preface>
<chapter xml:id="c"><title>C</title><para>p</para>
<section xml:id="c.conclusion"><title>The <foo>End</foo></title><para>q</para></section></chapter>)"));
    EXPECT_EQ(back.diagnostics.text(), "input.xml:3: warning: 2 <foo> elements kept as text (the first is here)\n");
    ASSERT_EQ(back.book.articles.size(), 2u);
    EXPECT_EQ(back.book.articles[0].title_text(), "A preface");
    EXPECT_EQ(back.book.metadata.get("conclusion-title"), "The End");
}

TEST(DocBookReader, ManyUnmappedElementsOfOneNameAreCounted) {
    std::string body = "<para>";
    for (int i = 0; i < 12; ++i) body += "<foo>p" + std::to_string(i) + "</foo>";
    const auto back = read_ok(chapter(body + "</para>"));
    EXPECT_EQ(back.diagnostics.text(), "input.xml:2: warning: 12 <foo> elements kept as text (the first is here)\n");
    EXPECT_EQ(plain_text(back.book.articles.at(0).introduction.at(0).inlines), "p0p1p2p3p4p5p6p7p8p9p10p11");
}

TEST(DocBookReader, UnmappedMetadataIsKeptInExtra) {
    const auto back = read_ok(book(R"(<info><title>B</title><subtitle>Sub</subtitle>
<author><personname>A</personname><affiliation><orgname>Org</orgname></affiliation></author>
<copyright><year>2024</year><holder>Holder</holder></copyright><releaseinfo>draft</releaseinfo></info>
<chapter><info><title>C</title><keywordset><keyword>k1</keyword><keyword>k2</keyword></keywordset></info><para>p</para></chapter>)"));
    const auto& m = back.book.metadata;
    EXPECT_EQ(m.get("subtitle"), "Sub");
    EXPECT_EQ(m.authors(), std::vector<std::string>{"A"});
    EXPECT_EQ(m.get("affiliation"), "Org");
    EXPECT_EQ(m.rights, "Copyright © 2024 Holder");
    EXPECT_EQ(m.get("releaseinfo"), "draft");
    EXPECT_EQ(back.book.articles.at(0).metadata.get("keywordset"), "k1 k2");
    for (const char* element : {"<affiliation>", "<releaseinfo>", "<keywordset>"})
        EXPECT_NE(back.diagnostics.text().find(element), std::string::npos) << element << "\n" << back.diagnostics.text();
    EXPECT_EQ(back.diagnostics.text().find("<subtitle>"), std::string::npos) << "subtitle is mapped";
}

TEST(DocBookReader, BookMatterOutsideChapters) {
    const auto back = read_ok(book(R"(<info><title>B</title></info>
<preface><title>Preface</title><para>Why.</para></preface>
<part><title>Part One</title><chapter xml:id="c1"><title>C1</title><para>1</para></chapter></part>
<para>Loose text.</para>
<chapter xml:id="c2"><title>C2</title><para>2</para></chapter>)"),
                              "b.xml");
    ASSERT_EQ(back.book.articles.size(), 4u) << back.diagnostics.text();
    EXPECT_EQ(back.book.articles[0].title_text(), "Preface");
    EXPECT_EQ(back.book.articles[0].id, "preface");
    EXPECT_EQ(back.book.articles[1].id, "c1");
    EXPECT_EQ(back.book.articles[2].id, "b-3");
    EXPECT_EQ(back.book.articles[2].introduction, std::vector<Block>{Block::paragraph("Loose text.")});
    EXPECT_EQ(back.book.articles[3].id, "c2");
    EXPECT_EQ(back.book.articles[1].metadata.get("part"), "Part One") << "a part's title stays with its chapters";
    EXPECT_EQ(back.diagnostics.all.size(), 0u) << back.diagnostics.text();
}

TEST(DocBookReader, DocBookWithoutANamespaceIsDocBook4) {
    const auto back = read_ok("<article><title>Old</title><para>DocBook 4.</para></article>");
    EXPECT_EQ(back.diagnostics.all.size(), 0u) << back.diagnostics.text();
    EXPECT_EQ(back.book.articles.at(0).introduction, std::vector<Block>{Block::paragraph("DocBook 4.")});
}

TEST(DocBookReader, ElementsOfOtherNamespacesAreNotDocBooks) {
    const auto back = read_ok(chapter(
        R"(<para>x <h:b xmlns:h="http://www.w3.org/1999/xhtml">bold?</h:b> <para xmlns="urn:other">other para</para></para>)"));
    EXPECT_EQ(back.diagnostics.warning_count(), 2u) << back.diagnostics.text();
    EXPECT_EQ(plain_text(back.book.articles.at(0).introduction.at(0).inlines), "x bold? other para");
}

TEST(DocBookReader, HarmlessDoctypesAreAccepted) {
    const auto plain = read_ok("<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<!DOCTYPE article>\n"
                               "<article xmlns=\"http://docbook.org/ns/docbook\"><para>p</para></article>");
    EXPECT_EQ(plain.diagnostics.all.size(), 0u) << plain.diagnostics.text();

    const auto with_dtd = read_ok("<!DOCTYPE book PUBLIC \"-//OASIS//DTD DocBook XML 5.0//EN\" "
                                  "\"http://docbook.org/xml/5.0/dtd/docbook.dtd\">\n" + book("<chapter><para>p</para></chapter>"));
    ASSERT_EQ(with_dtd.diagnostics.all.size(), 1u) << with_dtd.diagnostics.text();
    EXPECT_EQ(with_dtd.diagnostics.all[0].format(),
              "input.xml:1:1: note: the DTD the DOCTYPE names (PUBLIC \"-//OASIS//DTD DocBook XML 5.0//EN\" "
              "\"http://docbook.org/xml/5.0/dtd/docbook.dtd\") is not read: fascicle fetches nothing; DocBook 4's "
              "character entities are known without it");

    const auto subset = read_ok("<!DOCTYPE book [\n<!ATTLIST para role CDATA \"x\">\n]>\n" + book("<chapter><para>p</para></chapter>"));
    ASSERT_EQ(subset.diagnostics.all.size(), 1u) << subset.diagnostics.text();
    EXPECT_EQ(subset.diagnostics.all[0].format(), "input.xml:2:1: note: the DOCTYPE's declarations other than "
                                                  "entities are not applied (fascicle processes no DTD)");
    EXPECT_EQ(subset.book.articles.size(), 1u);
}

// Every mapping at once, hand-written, against a reviewed dump: golden/reader-features.txt.
TEST(DocBookReader, FeatureDocumentGolden) {
    const auto xml = fascicle::test::read_file(test_dir / "data" / "reader-features.xml");
    const auto back = read_docbook(xml, "reader-features.xml");
    ASSERT_EQ(back.status, Status::ok) << back.diagnostics.text();
    const auto actual = "# diagnostics\n" + back.diagnostics.text() + "\n# book\n" + dump(test::without_sources(back.book));
    const auto golden = test_dir / "golden" / "reader-features.txt";
    if (std::getenv("FASCICLE_REGENERATE_GOLDEN")) fascicle::test::write_file(golden, actual);
    EXPECT_EQ(actual, fascicle::test::read_file(golden)) << "FASCICLE_REGENERATE_GOLDEN=1 rewrites " << golden;
}

}  // namespace
}  // namespace fascicle::docbook

namespace fascicle::docbook {
namespace {

const std::filesystem::path seeds = std::filesystem::path(FASCICLE_DOCBOOK_TEST_DIR) / ".." / ".." / ".." / "tests" /
                                    "fuzz" / "corpus" / "docbook_reader";

TEST(DocBookReaderMapping, DocBook4WithDeclaredAndStandardEntities) {
    const auto back = read_docbook(fascicle::test::read_file(seeds / "db4-entities.xml"), "db4.xml");
    ASSERT_EQ(back.status, Status::ok) << back.diagnostics.text();
    EXPECT_EQ(back.diagnostics.text(),
              "db4.xml:2:1: note: the DTD the DOCTYPE names (PUBLIC \"-//OASIS//DTD DocBook XML V4.1.2//EN\" "
              "\"docbookx.dtd\") is not read: fascicle fetches nothing; DocBook 4's character entities are known "
              "without it\n"
              "db4.xml:10: warning: 1 external entity reference left out (&ext; is SYSTEM \"ext.xml\": fascicle never "
              "reads external entities)\n");
    ASSERT_EQ(back.book.articles.size(), 1u);
    const auto& a = back.book.articles[0];
    EXPECT_EQ(a.id, "a1");
    EXPECT_EQ(a.title_text(), "Old & \u2018new\u2019");
    EXPECT_EQ(a.metadata.authors(), std::vector<std::string>{"Ada Lovelace"});
    ASSERT_EQ(a.sections.size(), 1u);
    const auto& s = a.sections[0];
    EXPECT_EQ(s.id, "s1");
    EXPECT_EQ(s.title_text(), "Engine \u2014 v2") << "an entity's markup is parsed where it is used";
    ASSERT_EQ(s.title.size(), 2u);
    EXPECT_TRUE(s.title[0].attributes.has_class("productname"));
    ASSERT_GE(s.blocks.size(), 4u) << dump(a);
    const auto& para = s.blocks[0].inlines;
    EXPECT_EQ(para[1].kind, Inline::Kind::link);
    EXPECT_EQ(para[1].target, "http://example.org/");
    EXPECT_EQ(para[3].kind, Inline::Kind::reference);
    EXPECT_EQ(para[3].target, "s1");
    EXPECT_NE(plain_text(para).find(".\u00A0Caf\u00E9"), std::string::npos) << plain_text(para);
    EXPECT_EQ(para.back().kind, Inline::Kind::note);
    EXPECT_EQ(s.blocks[1].kind, Block::Kind::definition_list);
    EXPECT_EQ(s.blocks[2].kind, Block::Kind::code_block);
    EXPECT_EQ(s.blocks[2].text, "$ make");
    const auto& index = s.blocks[3].inlines.at(0);
    EXPECT_TRUE(index.attributes.has_class("indexterm"));
    EXPECT_EQ(index.attributes.get("primary"), "make");
    EXPECT_EQ(index.attributes.get("secondary"), "run");
}

TEST(DocBookReaderMapping, CalsSpansByNameSpanspecAndMorerows) {
    const auto back = read_docbook(fascicle::test::read_file(seeds / "cals-table.xml"), "table.xml");
    ASSERT_EQ(back.status, Status::ok) << back.diagnostics.text();
    ASSERT_EQ(back.book.articles.size(), 1u) << "a bare table is one article";
    const auto& a = back.book.articles[0];
    EXPECT_EQ(a.id, "table") << "named by its file";
    ASSERT_EQ(a.introduction.size(), 1u);
    const auto& b = a.introduction[0];
    EXPECT_EQ(b.attributes.id, "t");
    ASSERT_EQ(b.kind, Block::Kind::table);
    EXPECT_EQ(plain_text(b.caption), "Spans");
    const auto& t = b.table;
    ASSERT_EQ(t.columns.size(), 3u);
    EXPECT_EQ(t.columns[1].alignment, Alignment::right);
    EXPECT_EQ(t.head.at(0).cells.at(0).column_span, 3);
    EXPECT_TRUE(t.head[0].cells[0].header);
    EXPECT_EQ(t.body.at(0).cells.at(0).row_span, 2);
    EXPECT_EQ(t.body.at(2).cells.at(0).column_span, 2) << "spanname=\"ab\" spans a to b";
    EXPECT_EQ(t.foot.at(0).cells.size(), 3u);
}

TEST(DocBookReaderMapping, Latin1RefentryIsOneArticleTitledByItsName) {
    const auto back = read_docbook(fascicle::test::read_file(seeds / "latin1-refentry.xml"), "cafe.xml");
    ASSERT_EQ(back.status, Status::ok) << back.diagnostics.text();
    ASSERT_EQ(back.book.articles.size(), 1u);
    const auto& a = back.book.articles[0];
    EXPECT_EQ(a.title_text(), "caf\u00E9") << "ISO-8859-1 is transcoded";
    ASSERT_EQ(a.sections.size(), 1u);
    EXPECT_EQ(a.sections[0].title_text(), "Use");
    EXPECT_EQ(a.sections[0].blocks.at(0).inlines.at(1).kind, Inline::Kind::subscript);
    EXPECT_EQ(a.sections[0].blocks.at(1).kind, Block::Kind::display_math);
    EXPECT_EQ(a.sections[0].blocks.at(1).math.tex, "x^2");
}

TEST(DocBookReaderMapping, PartsAdmonitionsFiguresAndFallbacks) {
    const auto back = read_docbook(fascicle::test::read_file(seeds / "xinclude.xml"), "parts.xml");
    ASSERT_EQ(back.status, Status::ok) << back.diagnostics.text();
    ASSERT_EQ(back.book.articles.size(), 1u);
    const auto& a = back.book.articles[0];
    EXPECT_EQ(back.book.metadata.title, "B");
    EXPECT_EQ(a.metadata.get("part"), "P");
    ASSERT_EQ(a.introduction.size(), 3u) << dump(a);
    EXPECT_EQ(a.introduction[0], Block::paragraph("fallback"));
    EXPECT_EQ(a.introduction[1].admonition(), "note");
    EXPECT_TRUE(a.introduction[1].children.at(0).attributes.has_class("title"));
    EXPECT_EQ(a.introduction[2].kind, Block::Kind::figure);
    const auto& image = a.introduction[2].children.at(0).inlines.at(0);
    EXPECT_EQ(image.kind, Inline::Kind::image);
    EXPECT_EQ(image.text, "alt");
    EXPECT_EQ(image.target, "no.png");
}

TEST(DocBookReaderMapping, SetsOfBooksAndReferencesOfEntries) {
    const auto back = read_ok(R"(<set xmlns="http://docbook.org/ns/docbook"><title>S</title>
<book><title>B1</title><chapter xml:id="c1"><title>C1</title><para>1</para></chapter></book>
<book><title>B2</title><reference><title>R</title>
<refentry xml:id="r1"><refnamediv><refname>one</refname><refpurpose>first</refpurpose></refnamediv><refsect1><title>S</title><para>x</para></refsect1></refentry>
<refentry xml:id="r2"><refnamediv><refname>two</refname><refpurpose>second</refpurpose></refnamediv></refentry>
</reference></book></set>)");
    ASSERT_EQ(back.book.articles.size(), 3u) << back.diagnostics.text();
    EXPECT_EQ(back.book.metadata.title, "S");
    EXPECT_EQ(back.book.articles[0].metadata.get("part"), "B1");
    EXPECT_EQ(back.book.articles[1].title_text(), "one");
    EXPECT_EQ(back.book.articles[1].metadata.get("part"), "R");
    EXPECT_EQ(back.book.articles[2].id, "r2");
    EXPECT_EQ(back.diagnostics.all.size(), 0u) << back.diagnostics.text();
}

}  // namespace
}  // namespace fascicle::docbook

namespace fascicle::docbook {
namespace {

TEST(DocBookReaderEncodings, Utf16AndWindows1252AreTranscoded) {
    const std::string xml = "<article xmlns=\"http://docbook.org/ns/docbook\"><title>T</title><para>x</para></article>";
    std::string utf16 = "\xFF\xFE";
    for (char c : xml) {
        utf16 += c;
        utf16 += '\0';
    }
    const auto wide = read_docbook(utf16, "wide.xml");
    ASSERT_EQ(wide.status, Status::ok) << wide.diagnostics.text();
    EXPECT_EQ(wide.book.articles.at(0).title_text(), "T");

    const auto cp1252 = read_docbook("<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n"
                                     "<article><title>\x93Quoted\x94 \x80</title><para>x</para></article>",
                                     "cp.xml");
    ASSERT_EQ(cp1252.status, Status::ok) << cp1252.diagnostics.text();
    EXPECT_EQ(cp1252.book.articles.at(0).title_text(), "\u201CQuoted\u201D \u20AC");
}

}  // namespace
}  // namespace fascicle::docbook
