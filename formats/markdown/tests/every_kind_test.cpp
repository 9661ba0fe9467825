// What the writer makes of the kinds the round-trip tests do not write: exactly the Markdown for
// anchors and internal links (one document and --split), math, images with a size, divisions,
// admonitions, HTML blocks that must hold no blank line, notes inside HTML, and the warnings
// for what a flavour cannot hold. (The GFM program reads the feature book back with cmark-gfm.)
#include "markdown_tree.hpp"
#include "markdown_writer.hpp"

#include <test_support.hpp>

#include <gtest/gtest.h>

namespace fascicle::markdown::test {
namespace {

struct Written {
    std::string markdown;
    std::string warnings;
};

Written write(const std::vector<Article>& articles, const std::string& flavor = "gfm", bool split = false) {
    Book book;
    book.articles = articles;
    MarkdownWriter writer;
    fascicle::test::StringOutput output;
    fascicle::test::RecordingDiagnostics diagnostics;
    EXPECT_EQ(fascicle::test::write_book(writer, book, output, diagnostics, {{"markdown-flavor", flavor}}, split),
              Status::ok);
    return {output.str(), diagnostics.text()};
}

Article article(std::string id, std::vector<Block> introduction, std::vector<Section> sections = {}) {
    Article a;
    a.id = std::move(id);
    a.title = title_inlines("Title");
    a.introduction = std::move(introduction);
    a.sections = std::move(sections);
    return a;
}

Section section(std::string id, std::string title, std::vector<Block> blocks = {Block::paragraph("text")}) {
    Section s;
    s.id = std::move(id);
    s.title = title_inlines(std::move(title));
    s.blocks = std::move(blocks);
    return s;
}

Inline reference(std::string target, std::string text = "") {
    Inline r = Inline::wrap(Inline::Kind::reference, text.empty() ? std::vector<Inline>{} : std::vector<Inline>{Inline::plain(text)});
    r.target = std::move(target);
    return r;
}

Block block(Block::Kind kind) {
    Block b;
    b.kind = kind;
    return b;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(MarkdownAnchors, SectionsWithIdsOfTheirOwnAndArticlesOfAWholeBook) {
    // "intro" is what a reader makes of "Intro" (no anchor); "custom" is the source's own id;
    // "used" is made from its title but referred to in its article.
    const Article a = article("a", {Block::paragraph({reference("a#used", "see")})},
                              {section("intro", "Intro"), section("custom", "Made by hand"), section("used", "Used"),
                               section("intro-2", "Intro")});
    const std::string whole = write({a}).markdown;
    EXPECT_TRUE(whole.starts_with("## <a id=\"a\"></a>Title\n")) << whole;
    EXPECT_TRUE(contains(whole, "\n### Intro\n")) << whole;
    EXPECT_TRUE(contains(whole, "\n### <a id=\"a.custom\"></a>Made by hand\n")) << whole;
    EXPECT_TRUE(contains(whole, "\n### <a id=\"a.used\"></a>Used\n")) << whole;
    EXPECT_EQ(whole.find("a.intro"), std::string::npos) << "a made id, made unique, is still made: " << whole;
    EXPECT_TRUE(contains(whole, "\n[see](#a.used)\n")) << whole;

    // A file of its own is the article: no anchor on its heading, anchors without its id.
    const std::string split = write({a}, "gfm", true).markdown;
    EXPECT_TRUE(split.starts_with("# Title\n")) << split;
    EXPECT_TRUE(contains(split, "\n## <a id=\"custom\"></a>Made by hand\n")) << split;
    EXPECT_TRUE(contains(split, "\n[see](#used)\n")) << split;
}

TEST(MarkdownAnchors, ReferencesLeadToTheRightFileOfASplit) {
    const Article a = article("a", {Block::paragraph({reference("a#x", "here"), Inline::plain(" "),
                                                      reference("other file#y", "there"), Inline::plain(" "),
                                                      reference("other file", "that article"), Inline::plain(" "),
                                                      reference("a", "this one")})});
    const std::string split = write({a}, "gfm", true).markdown;
    // The host names a split file "<id>.md": in a URL, its blank is %20.
    EXPECT_TRUE(contains(split, "[here](#x) [there](other%20file.md#y) [that article](other%20file.md) [this one](a.md)"))
        << split;
    const std::string whole = write({a}).markdown;
    EXPECT_TRUE(contains(whole, "[here](#a.x) [there](#other-file.y) [that article](#other-file) [this one](#a)")) << whole;
    // A reference is a link: a '!' before it must not make it an image.
    const Article b = article("b", {Block::paragraph({Inline::plain("Look!"), reference("b#x", "there")})});
    EXPECT_TRUE(contains(write({b}).markdown, "\nLook\\![there](#b.x)\n")) << write({b}).markdown;
}

TEST(MarkdownAnchors, ReferencesWithoutTextShowTheirTargetsTitle) {
    Block table = block(Block::Kind::table);
    table.attributes.id = "t1";
    table.caption = {Inline::plain("Results")};
    Section s = section("s1", "Method and *madness*");
    s.title = {Inline::plain("Method and "), Inline::wrap(Inline::Kind::emphasis, {Inline::plain("madness")})};
    const Article a = article("a", {Block::paragraph({reference("a#s1"), Inline::plain(", "), reference("a#t1"),
                                                      Inline::plain(", "), reference("a"), Inline::plain(", "),
                                                      reference("b#far")}),
                                    table},
                              {s});
    const std::string md = write({a}).markdown;
    EXPECT_TRUE(contains(md, "[Method and *madness*](#a.s1), [Results](#a.t1), [Title](#a), [far](#b.far)")) << md;
}

TEST(MarkdownAnchors, BlocksAndInlinesWithIdsGetAnAnchor) {
    Block paragraph = Block::paragraph("text");
    paragraph.attributes.id = "p";
    Block code = block(Block::Kind::code_block);
    code.text = "x\n";
    code.attributes.id = "c";
    Inline span = Inline::wrap(Inline::Kind::span, {});
    span.attributes.id = "here";  // an empty span with an id: an anchor alone
    Inline strong = Inline::wrap(Inline::Kind::strong, {Inline::plain("bold")});
    strong.attributes.id = "b";
    const std::string md = write({article("a", {paragraph, code, Block::paragraph({span, Inline::plain("x "), strong})})}).markdown;
    EXPECT_TRUE(contains(md, "\n<a id=\"a.p\"></a>text\n\n<a id=\"a.c\"></a>\n\n```\nx\n```\n")) << md;
    EXPECT_TRUE(contains(md, "\n<span id=\"a.here\"></span>x <a id=\"a.b\"></a>**bold**\n")) << md;
}

TEST(MarkdownMath, TexBetweenDollarsMathmlAloneAsHtmlNeitherReported) {
    auto formula = [](std::string tex, std::string mathml) {
        Inline m;
        m.kind = Inline::Kind::math;
        m.math = {std::move(tex), std::move(mathml)};
        return m;
    };
    Block display = block(Block::Kind::display_math);
    display.math.tex = "a\n\n  - b\n+ c \\\\\n  = d";
    Block mathml_only = block(Block::Kind::display_math);
    mathml_only.math.mathml = "<math display=\"block\"><mi>x_1</mi><mo>*</mo></math>";
    Block empty = block(Block::Kind::display_math);
    const Written w = write({article("a", {Block::paragraph({Inline::plain("inline "), formula(" x\n+ y ", ""),
                                                              Inline::plain(", MathML "),
                                                              formula("", "<math><mi>a</mi><mo>*</mo><mi>b</mi></math>"),
                                                              Inline::plain(", nothing"), formula("", "<not-closed>")}),
                                            display, mathml_only, empty})});
    // Inline: on one line, no blank inside the dollars; MathML's text cannot be read as Markdown.
    EXPECT_TRUE(contains(w.markdown, "inline $x + y$, MathML <math><mi>a</mi><mo>&#42;</mo><mi>b</mi></math>, nothing\n"))
        << w.markdown;
    // Display: lines that would start a block (or might: "=") join the line before; blank lines go.
    EXPECT_TRUE(contains(w.markdown, "\n$$\na - b + c \\\\ = d\n$$\n")) << w.markdown;
    EXPECT_TRUE(contains(w.markdown, "\n<math display=\"block\"><mi>x&#95;1</mi><mo>&#42;</mo></math>\n")) << w.markdown;
    EXPECT_EQ(w.warnings,
              "a: warning: article 'a': 1 inline formulas cannot be held by Markdown: left out: they have neither TeX nor MathML\n"
              "a: warning: article 'a': 1 display formulas cannot be held by Markdown: left out: they have neither TeX nor MathML\n");
}

TEST(MarkdownImages, AltTitleAndASizeAsHtml) {
    Inline plain;
    plain.kind = Inline::Kind::image;
    plain.target = "images/a (1).png";
    plain.text = "an [alt] text";
    plain.title = "a \"title\"";
    Inline sized = plain;
    sized.attributes.pairs = {{"width", "120px"}, {"height", "2em"}};
    const std::string md = write({article("a", {Block::paragraph({plain, Inline::plain(" "), sized})})}).markdown;
    EXPECT_TRUE(contains(md, "![an \\[alt\\] text](<images/a%20(1).png> \"a \\\"title\\\"\") "
                             "<img src=\"images/a (1).png\" alt=\"an [alt] text\" title=\"a &quot;title&quot;\" "
                             "width=\"120\" style=\"height: 2em;\"/>\n"))
        << md;
}

TEST(MarkdownDivisions, AttributesInAnHtmlFrameAdmonitionsAsAlertsOrLabels) {
    Block division = block(Block::Kind::division);
    division.attributes.classes = {"aside"};
    division.attributes.language = "de";
    division.children = {Block::paragraph("Inhalt")};
    Block bare = block(Block::Kind::division);
    bare.children = {Block::paragraph("just text")};
    Block note = block(Block::Kind::division);
    note.attributes.classes = {"note"};
    note.attributes.id = "n";
    Block list = block(Block::Kind::list);
    list.items = {{Block::paragraph("one")}};
    note.children = {list};
    const std::vector<Article> articles{article("a", {division, bare, note})};
    const std::string gfm = write(articles).markdown;
    EXPECT_TRUE(contains(gfm, "\n<div class=\"aside\" lang=\"de\">\n\nInhalt\n\n</div>\n\njust text\n\n"
                              "<a id=\"a.n\"></a>\n\n> [!NOTE]\n>\n> - one\n"))
        << gfm;
    const std::string commonmark = write(articles, "commonmark").markdown;
    EXPECT_TRUE(contains(commonmark, "\n> **Note**\n>\n> - one\n")) << commonmark;
}

TEST(MarkdownHtmlBlocks, HoldNoBlankLineAndTheirNotesInPlace) {
    Block code = block(Block::Kind::code_block);
    code.text = "first\n\n  \nlast\n";
    Inline note;
    note.kind = Inline::Kind::note;
    note.blocks = {Block::paragraph("a note")};
    TableCell spanned;
    spanned.column_span = 2;
    spanned.blocks = {code};
    TableCell noted;
    noted.blocks = {Block::paragraph({Inline::plain("cell"), note})};
    Block table = block(Block::Kind::table);
    table.table.body = {{{spanned}}, {{noted, TableCell{}}}};
    const std::string md = write({article("a", {table})}).markdown;
    EXPECT_TRUE(contains(md, "<pre><code>first\n&#10;&#32;&#32;&#10;last\n</code></pre>")) << md;
    EXPECT_TRUE(contains(md, "<td>cell<span class=\"note\"> (a note)</span></td>")) << md;
    // One HTML block: a parser sees the whole table, and the note is no footnote.
    std::size_t html_blocks = 0;
    for (const auto& b : parse_markdown(md)) html_blocks += b.kind == LeafBlock::Kind::html_block;
    EXPECT_EQ(html_blocks, 1u) << md;
    EXPECT_FALSE(contains(md, "[^")) << md;
}

TEST(MarkdownWarnings, WhatEachFlavourCannotHold) {
    Block tasks = block(Block::Kind::list);
    tasks.items = {{Block::paragraph("done")}, {Block::paragraph("not yet")}};
    tasks.tasks = {Task::checked, Task::unchecked};
    Block roman = block(Block::Kind::list);
    roman.ordered = true;
    roman.style = ListStyle::upper_roman;
    roman.items = {{Block::paragraph("I")}};
    Inline note;
    note.kind = Inline::Kind::note;
    note.blocks = {Block::paragraph("n")};
    Article a = article("a", {tasks, roman, roman, Block::paragraph({Inline::plain("x"), note})});
    a.source = "in/a.txt";

    const Written gfm = write({a});
    EXPECT_TRUE(contains(gfm.markdown, "\n- [x] done\n- [ ] not yet\n")) << gfm.markdown;
    EXPECT_EQ(gfm.warnings,
              "in/a.txt: warning: article 'a': 2 lists numbered in letters or roman numerals cannot be held by "
              "Markdown: numbered 1, 2, 3 instead\n");
    const Written commonmark = write({a}, "commonmark");
    EXPECT_TRUE(contains(commonmark.markdown, "\n- [x] done\n- [ ] not yet\n")) << commonmark.markdown;
    EXPECT_EQ(commonmark.warnings,
              "in/a.txt: warning: article 'a': 1 notes cannot be held by Markdown: left out\n"
              "in/a.txt: warning: article 'a': 1 task list cannot be held by CommonMark: the boxes are written as the "
              "text [ ] and [x] (GFM reads them as boxes)\n"
              "in/a.txt: warning: article 'a': 2 lists numbered in letters or roman numerals cannot be held by "
              "Markdown: numbered 1, 2, 3 instead\n");
}

}  // namespace
}  // namespace fascicle::markdown::test
