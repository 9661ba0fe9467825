// The sample plugin's writer (samples/plugins/html), loaded as a plugin and driven in process:
// escaping, every block and inline kind, ids, metadata, --split, --html-css. Each output is
// checked to be well-formed XML with unique ids and no dangling links.
#include <fascicle/host/plugin_registry.hpp>

#include "test_support.hpp"

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <feature_book.hpp>

#include <cstdlib>
#include <set>

using namespace fascicle;

namespace {

const std::filesystem::path html_plugin = FASCICLE_SDK_HTML_PLUGIN;

class HtmlWriterTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(registry_.load_file(html_plugin)) << html_plugin;
        format_ = registry_.find("html");
        ASSERT_NE(format_, nullptr);
    }

    // Writes `book`; fails the test unless the result is well-formed with sound ids and links.
    std::string write(const Book& book, const Options& options = {}, bool split = false) {
        auto writer = registry_.make_writer(*format_);
        test::StringOutput out;
        EXPECT_EQ(test::write_book(*writer, book, out, diagnostics, options, split), Status::ok) << diagnostics.text();
        check_well_formed(out.str());
        return out.str();
    }

    static void check_well_formed(const std::string& html) {
        pugi::xml_document doc;
        const auto parsed = doc.load_buffer(html.data(), html.size(), pugi::parse_default | pugi::parse_doctype);
        ASSERT_TRUE(parsed) << parsed.description() << " at byte " << parsed.offset << ":\n" << html;
        std::set<std::string> ids;
        for (const auto& node : doc.select_nodes("//*[@id]"))
            EXPECT_TRUE(ids.insert(node.node().attribute("id").value()).second)
                << "duplicate id " << node.node().attribute("id").value();
        for (const auto& node : doc.select_nodes("//a[starts-with(@href, '#')]"))
            EXPECT_TRUE(ids.count(node.node().attribute("href").value() + 1)) << node.node().attribute("href").value();
    }

    host::PluginRegistry registry_;
    const host::RegisteredFormat* format_ = nullptr;
    test::RecordingDiagnostics diagnostics;
};

bool contains_verbatim(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// The markup without the indentation XmlStream puts before elements that hold elements: what the
// expectations below are written against (a pre's own lines are checked verbatim).
std::string unindented(const std::string& html) {
    std::string out;
    bool line_start = true;
    for (char c : html) {
        if (line_start && c == ' ') continue;
        line_start = c == '\n';
        out += c;
    }
    return out;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return contains_verbatim(unindented(haystack), needle);
}

Article article(std::string id, std::string title) {
    Article a;
    a.id = std::move(id);
    a.title = fascicle::title_inlines(std::move(title));
    a.introduction.push_back(Block::paragraph("Introduction of " + a.title_text() + "."));
    return a;
}

Section section(std::string id, std::string title, std::string text) {
    Section s;
    s.id = std::move(id);
    s.title = fascicle::title_inlines(std::move(title));
    s.blocks.push_back(Block::paragraph(std::move(text)));
    return s;
}

Inline wrapped(Inline::Kind kind, std::string text, std::string target = {}) {
    Inline in;
    in.kind = kind;
    in.target = std::move(target);
    in.children.push_back(Inline::plain(std::move(text)));
    return in;
}

Book book_of(std::vector<Article> articles) {
    Book b;
    b.metadata.title = "The Book";
    b.metadata.language = "en";
    b.articles = std::move(articles);
    return b;
}

}  // namespace

TEST_F(HtmlWriterTest, EscapesTextAndReplacesWhatHtmlAndXmlForbid) {
    Article a = article("esc", "Tags <b> & \"quotes\"");
    // A C0 control, DEL, a C1 control (U+0085), a noncharacter (U+FFFE), a malformed byte.
    a.introduction = {Block::paragraph("x\x01y\x7fz\xc2\x85w\xef\xbf\xbev\xffu < & > \xe2\x80\x99")};
    const auto html = write(book_of({a}));
    EXPECT_TRUE(contains(html, "<h2>Tags &lt;b&gt; &amp; \"quotes\"</h2>")) << html;
    EXPECT_TRUE(contains(html, "<p>x\xef\xbf\xbdy\xef\xbf\xbdz\xef\xbf\xbdw\xef\xbf\xbdv\xef\xbf\xbdu &lt; &amp; &gt; "
                               "\xe2\x80\x99</p>"))
        << html;
    EXPECT_TRUE(contains(html, "<a href=\"#esc\">Tags &lt;b&gt; &amp; \"quotes\"</a>")) << html;
}

TEST_F(HtmlWriterTest, WritesEveryBlockAndInlineKind) {
    Article a = article("kinds", "Kinds");
    Block para;
    para.inlines = {Inline::plain("a "),
                    wrapped(Inline::Kind::emphasis, "em"),
                    wrapped(Inline::Kind::strong, "strong"),
                    Inline::code_span("x<y"),
                    Inline::wrap(Inline::Kind::line_break, {}),
                    wrapped(Inline::Kind::link, "site", "https://example.org/?a=1&b=\"2\""),
                    wrapped(Inline::Kind::link, "evil", " JavaScript:alert(1)"),
                    wrapped(Inline::Kind::link, "data", "data:text/html,hi"),
                    wrapped(Inline::Kind::link, "spec", "https://example.com/\\[\\"),
                    wrapped(Inline::Kind::link, "nohost", "https://../")};
    Block list;
    list.kind = Block::Kind::list;
    list.ordered = true;
    list.start = 3;
    list.items = {{Block::paragraph("tight")}, {Block::paragraph("loose 1"), Block::paragraph("loose 2")}};
    Block quote;
    quote.kind = Block::Kind::block_quote;
    quote.children = {Block::paragraph("quoted")};
    Block code;
    code.kind = Block::Kind::code_block;
    code.text = "if (a < b && c)\n  return;";
    Block bullets;
    bullets.kind = Block::Kind::list;
    bullets.items = {{Block::paragraph("dot")}};
    a.introduction = {para, list, quote, code, bullets};

    const auto html = write(book_of({a}));
    EXPECT_TRUE(contains(html, "<p>a <em>em</em><strong>strong</strong><code>x&lt;y</code><br/>"
                               "<a href=\"https://example.org/?a=1&amp;b=%222%22\">site</a>evildata"
                               "<a href=\"https://example.com/%5C%5B%5C\">spec</a><a href=\"https://../\">nohost</a></p>"))
        << html;
    EXPECT_TRUE(contains(diagnostics.text(), "2 links have a target that is no URI, or a script: written as their text"))
        << diagnostics.text();
    EXPECT_TRUE(contains(html, "<ol start=\"3\">\n<li>tight</li>\n<li>\n<p>loose 1</p>\n<p>loose 2</p>\n</li>\n</ol>"))
        << html;
    EXPECT_TRUE(contains(html, "<blockquote>\n<p>quoted</p>\n</blockquote>")) << html;
    EXPECT_TRUE(contains_verbatim(html, "<pre><code>if (a &lt; b &amp;&amp; c)\n  return;</code></pre>")) << html;
    EXPECT_TRUE(contains(html, "<ul>\n<li>dot</li>\n</ul>")) << html;
}

TEST_F(HtmlWriterTest, IdsComeFromTheArticleAndSectionIdsAndStayUnique) {
    Article a = article("001_x", "First");
    a.summary = {Block::paragraph("In short.")};
    a.sections = {section("intro", "Intro", "one"), section("conclusion", "Conclusion", "a section so titled")};
    a.sections[0].subsections = {section("deeper", "Deeper", "two")};
    a.conclusion = {Block::paragraph("The end.")};
    const auto html = write(book_of({a, article("b", "Second")}));
    for (const char* expected :
         {"<article id=\"a-001_x\">", "<section id=\"a-001_x.intro\">\n<h3>Intro</h3>",
          "<section id=\"a-001_x.deeper\">\n<h4>Deeper</h4>", "<section id=\"a-001_x.conclusion\">\n<h3>Conclusion</h3>",
          "<section id=\"a-001_x.conclusion-2\" class=\"conclusion\">\n<h3>Conclusion</h3>",
          "<section class=\"summary\" aria-label=\"Summary\">\n<p>In short.</p>", "<article id=\"b\">",
          "<li><a href=\"#a-001_x.conclusion-2\">Conclusion</a></li>"})
        EXPECT_TRUE(contains(html, expected)) << expected << "\n" << html;
}

TEST_F(HtmlWriterTest, WritesTheBookMetadataAndNoEmptyElements) {
    Book full = book_of({article("a", "A")});
    full.metadata.set_authors({"Ann Author", "Bob Writer"});
    full.metadata.publisher = "Pub & Co";
    full.metadata.date = "2026-11-01";
    full.metadata.rights = "CC BY 4.0";
    full.metadata.extra["toc-title"] = "Inhalt";
    const auto html = write(full);
    for (const char* expected :
         {"<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">", "<title>The Book</title>",
          "<meta name=\"author\" content=\"Ann Author\"/>\n<meta name=\"author\" content=\"Bob Writer\"/>",
          "<h1>The Book</h1>\n<p class=\"authors\">Ann Author, Bob Writer</p>\n<p class=\"publisher\">Pub &amp; Co</p>",
          "<meta name=\"dcterms.date\" content=\"2026-11-01\"/>", "<h2>Inhalt</h2>",
          "<footer>\n<p class=\"rights\">CC BY 4.0</p>\n</footer>"})
        EXPECT_TRUE(contains(html, expected)) << expected << "\n" << html;

    Book bare;
    bare.articles = {article("a", "Only Article")};
    const auto minimal = write(bare);
    EXPECT_TRUE(contains(minimal, "<html xmlns=\"http://www.w3.org/1999/xhtml\">\n")) << minimal;
    EXPECT_TRUE(contains(minimal, "<title>Only Article</title>")) << minimal;
    for (const char* absent : {"lang=", "name=\"author\"", "<header", "<footer>", "<h1>", "=\"\"", "<p></p>"})
        EXPECT_FALSE(contains(minimal, absent)) << absent << "\n" << minimal;
}

TEST_F(HtmlWriterTest, ArticleMetadataOverridesTheBooks) {
    Book b = book_of({article("a", "English"), article("d", "Deutsch")});
    b.metadata.extra["conclusion-title"] = "Summing up";
    b.articles[0].conclusion = {Block::paragraph("Done.")};
    b.articles[1].conclusion = {Block::paragraph("Fertig.")};
    b.articles[1].metadata.language = "de";
    b.articles[1].metadata.extra["conclusion-title"] = "Fazit";
    b.articles[1].metadata.set_authors({"Dora"});
    const auto html = write(b);
    EXPECT_TRUE(contains(html, "<article id=\"a\">")) << html;
    EXPECT_TRUE(contains(html, "<h3>Summing up</h3>")) << html;
    EXPECT_TRUE(contains(html, "<article id=\"d\" lang=\"de\">\n<h2>Deutsch</h2>\n<p class=\"byline\">Dora</p>")) << html;
    EXPECT_TRUE(contains(html, "<h3>Fazit</h3>")) << html;
}

TEST_F(HtmlWriterTest, SplitWritesOneArticleWithoutBookMatter) {
    Book b = book_of({article("a", "Alone")});
    b.metadata.description = "About the book";
    b.metadata.rights = "Rights";
    b.articles[0].metadata.language = "fr";
    b.articles[0].sections = {section("s", "Part", "text")};
    const auto html = write(b, {}, true);
    EXPECT_TRUE(contains(html, "lang=\"fr\">\n<head>")) << html;
    EXPECT_TRUE(contains(html, "<title>Alone</title>")) << html;
    EXPECT_TRUE(contains(html, "<main>\n<article id=\"a\">\n<h1>Alone</h1>\n<nav class=\"toc\"")) << html;
    EXPECT_TRUE(contains(html, "<section id=\"a.s\">\n<h2>Part</h2>")) << html;
    EXPECT_TRUE(contains(html, "<li><a href=\"#a.s\">Part</a></li>")) << html;
    for (const char* absent : {"<header", "The Book", "About the book", "<footer>"})
        EXPECT_FALSE(contains(html, absent)) << absent << "\n" << html;
}

TEST_F(HtmlWriterTest, IsDeterministic) {
    Book b = book_of({article("a", "A"), article("b", "B")});
    EXPECT_EQ(write(b), write(b));
}

TEST_F(HtmlWriterTest, EmbedsTheStylesheetGivenWithHtmlCss) {
    test::TempDir dir;
    test::write_file(dir / "my.css", "body { color: teal; }\n");
    const auto html = write(book_of({article("a", "A")}), {{"html-css", (dir / "my.css").string()}});
    EXPECT_TRUE(contains(html, "<style>\nbody { color: teal; }\n</style>")) << html;

    const auto builtin = write(book_of({article("a", "A")}));
    EXPECT_TRUE(contains(builtin, "<style>\n/* The stylesheet embedded")) << builtin;
}

TEST_F(HtmlWriterTest, RejectsAStylesheetItCannotEmbed) {
    test::TempDir dir;
    struct Case {
        std::string css;
        std::string where;
    };
    for (const auto& c : {Case{"a {}\nb::after { content: \"<\"; }\n", ":2:22: error: "},
                          Case{"p { x: \"&\"; }", ":1:9: error: "},
                          Case{"/* ]]> */", ":1:4: error: "},
                          Case{"p {}\n\xff", ":2:1: error: the stylesheet is not valid UTF-8"}}) {
        const auto file = dir / "bad.css";
        test::write_file(file, c.css);
        auto writer = registry_.make_writer(*format_);
        test::StringOutput out;
        test::RecordingDiagnostics diags;
        EXPECT_EQ(test::write_book(*writer, book_of({article("a", "A")}), out, diags, {{"html-css", file.string()}}),
                  Status::failed);
        EXPECT_TRUE(contains(diags.text(), file.string() + c.where)) << diags.text();
    }
    auto writer = registry_.make_writer(*format_);
    test::StringOutput out;
    test::RecordingDiagnostics diags;
    EXPECT_EQ(test::write_book(*writer, book_of({article("a", "A")}), out, diags, {{"html-css", "/nonexistent.css"}}),
              Status::failed);
    EXPECT_TRUE(contains(diags.text(), "/nonexistent.css: error: cannot read the stylesheet")) << diags.text();
}

// The shared feature book, every kind of the document model: tables with spans, notes, MathML,
// the image copied beside the document, references between articles; HTML5 by html5lib's strict
// parser, and nothing but the raw blocks and inlines reported.
TEST_F(HtmlWriterTest, WritesEveryKindOfTheFeatureBook) {
    test::FeatureBook features;
    test::make_feature_book(features);
    test::TempDir dir;
    const auto file = dir / "book.html";
    {
        auto writer = registry_.make_writer(*format_);
        test::FileOutput out(file);
        ASSERT_EQ(test::write_book(*writer, features.book, out, diagnostics, {}, false, &features.resources),
                  Status::ok)
            << diagnostics.text();
    }
    const std::string html = test::read_file(file);
    check_well_formed(html);
    for (const char* expected :
         {"<th scope=\"row\" rowspan=\"2\" style=\"text-align: left\">1834</th>", "<td colspan=\"2\" style=\"text-align: right\">",
          "<caption>Trials of the engine, by <em>year</em></caption>", "<s>struck</s>", "H<sub>2</sub>O",
          "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" alttext=\"x^2\">",
          "<img src=\"images/engine.png\" alt=\"a small engine\"/>", "<dt><em>Store</em></dt>",
          "<a href=\"#references.where\">the other chapter</a>", "<section class=\"notes\" role=\"doc-endnotes\"",
          "<figcaption>The <strong>engine</strong>, in outline</figcaption>",
          "<input type=\"checkbox\" disabled=\"disabled\" checked=\"checked\"/>"})
        EXPECT_TRUE(contains(html, expected)) << expected << "\n" << html;
    EXPECT_TRUE(std::filesystem::exists(dir / "images/engine.png"));
    for (const auto& w : diagnostics.of(Severity::warning))
        EXPECT_NE(w.message.find("raw"), std::string::npos) << w.format();

    const std::string parse = "/usr/bin/python3 -c 'import html5lib, sys; "
                              "html5lib.HTMLParser(strict=True).parse(open(sys.argv[1], \"rb\"))' " + file.string();
    EXPECT_EQ(std::system(parse.c_str()), 0) << "html5lib (strict) refuses " << file;
}

TEST_F(HtmlWriterTest, AReferenceToWhatIsNotInTheBookIsTextAndAWarning) {
    test::FeatureBook features;
    test::make_feature_book(features);
    features.book.articles.pop_back();  // "references", which the first article points to
    const auto html = write(features.book);
    EXPECT_TRUE(contains(html, "<a>the other chapter</a>")) << html;
    // Without the book's resources, an image is its alt text, and said to be.
    EXPECT_TRUE(contains(html, "an image a small engine, a note")) << html;
    EXPECT_TRUE(contains(diagnostics.text(), "2 images are not among the book's resources")) << diagnostics.text();
    EXPECT_TRUE(contains(diagnostics.text(), "1 internal references lead to 'references.where', which is not in the book"))
        << diagnostics.text();
}
