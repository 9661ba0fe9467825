// What the reader maps from GFM (cmark-gfm's extensions) and from raw HTML, images, math and
// links to sibling documents; and what it reports, once per kind, when it cannot map something.
#include "read_markdown.hpp"

#include <test_support.hpp>

#include <gtest/gtest.h>

#include <fstream>

namespace fascicle::markdown::test {
namespace {

namespace fs = std::filesystem;
using fascicle::test::TempDir;

const Options gfm{{"markdown-flavor", "gfm"}};

const std::vector<Block>& intro(const ReadMarkdown& read) { return read.book.articles.at(0).introduction; }

void write(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

TEST(MarkdownReaderGfm, PipeTableWithAlignmentAndInlines) {
    auto read = read_markdown("# T\n\n| a | *b* | c |\n|:--|:-:|--:|\n| 1 | [x](u) | |\n", gfm);
    ASSERT_EQ(read.status, Status::ok) << problems(read);
    EXPECT_EQ(problems(read), "");
    const Block& t = intro(read).at(0);
    ASSERT_EQ(t.kind, Block::Kind::table);
    ASSERT_EQ(t.table.columns.size(), 3u);
    EXPECT_EQ(t.table.columns[0].alignment, Alignment::left);
    EXPECT_EQ(t.table.columns[1].alignment, Alignment::center);
    EXPECT_EQ(t.table.columns[2].alignment, Alignment::right);
    ASSERT_EQ(t.table.head.size(), 1u);
    ASSERT_EQ(t.table.body.size(), 1u);
    EXPECT_TRUE(t.table.head[0].cells[1].header);
    EXPECT_EQ(t.table.head[0].cells[1].blocks.at(0).inlines.at(0).kind, Inline::Kind::emphasis);
    EXPECT_EQ(t.table.body[0].cells[1].blocks.at(0).inlines.at(0).target, "u");
    EXPECT_TRUE(t.table.body[0].cells[2].blocks.empty());
}

TEST(MarkdownReaderGfm, FootnoteBecomesANoteWhereItIsReferred) {
    auto read = read_markdown("# T\n\nSee[^b] and[^a].\n\n[^a]: First *def*.\n\n[^b]: Second\n\n        with code\n", gfm);
    ASSERT_EQ(read.status, Status::ok) << problems(read);
    EXPECT_EQ(problems(read), "");
    ASSERT_EQ(intro(read).size(), 1u);  // the definitions are not blocks of their own
    const auto& inlines = intro(read)[0].inlines;
    ASSERT_EQ(inlines.size(), 5u);
    ASSERT_EQ(inlines[1].kind, Inline::Kind::note);
    EXPECT_EQ(plain_text(inlines[1].blocks.at(0)), "Second");
    EXPECT_EQ(inlines[1].blocks.at(1).kind, Block::Kind::code_block);
    ASSERT_EQ(inlines[3].kind, Inline::Kind::note);
    EXPECT_EQ(plain_text(inlines[3].blocks.at(0)), "First def.");
}

TEST(MarkdownReaderGfm, RepeatedFootnoteReferenceIsReportedOnce) {
    auto read = read_markdown("# T\n\nA[^a].\n\nB[^a] C[^a].\n\n[^a]: Note.\n", gfm);
    ASSERT_EQ(read.status, Status::ok);
    EXPECT_EQ(problems(read), "doc.md:5: warning: 2 repeated footnote references left out (the note stands at the first) "
                              "(the first is here)\n");
}

TEST(MarkdownReaderGfm, StrikethroughTasksAutolinksAndTitles) {
    auto read = read_markdown("# T\n\n~~gone~~ www.example.com [t](https://x.y \"The title\")\n\n- [x] done\n- [ ] open\n- plain\n",
                              gfm);
    ASSERT_EQ(read.status, Status::ok) << problems(read);
    EXPECT_EQ(problems(read), "");
    const auto& inlines = intro(read).at(0).inlines;
    EXPECT_EQ(inlines.at(0).kind, Inline::Kind::strikethrough);
    EXPECT_EQ(inlines.at(2).kind, Inline::Kind::link);
    EXPECT_EQ(inlines.at(2).target, "http://www.example.com");
    EXPECT_EQ(inlines.at(4).title, "The title");
    const Block& list = intro(read).at(1);
    EXPECT_EQ(list.tasks, (std::vector<Task>{Task::checked, Task::unchecked, Task::none}));
}

TEST(MarkdownReaderGfm, GithubAlertsAreAdmonitions) {
    auto read = read_markdown("# T\n\nText.\n\n> [!TIP]\n> Read *this*.\n\n> [!Warning]\n>\n> - a\n\n> [!OTHER]\n> x\n", gfm);
    ASSERT_EQ(read.status, Status::ok);
    const Block& tip = intro(read).at(1);
    EXPECT_EQ(tip.admonition(), "tip");
    ASSERT_EQ(tip.children.size(), 1u);
    EXPECT_EQ(plain_text(tip.children[0]), "Read this.");
    const Block& warning = intro(read).at(2);
    EXPECT_EQ(warning.admonition(), "warning");
    ASSERT_EQ(warning.children.size(), 1u);
    EXPECT_EQ(warning.children[0].kind, Block::Kind::list);
    EXPECT_EQ(intro(read).at(3).kind, Block::Kind::block_quote);
    EXPECT_EQ(plain_text(intro(read).at(3)), "[!OTHER] x");
    // CommonMark has no alerts.
    EXPECT_EQ(intro(read_markdown("# T\n\nText.\n\n> [!TIP]\n> x\n")).at(1).kind, Block::Kind::block_quote);
}

TEST(MarkdownReaderGfm, CommonMarkKnowsNoneOfTheExtensions) {
    auto read = read_markdown("# T\n\n~~gone~~ www.example.com\n\n- [x] done\n");
    ASSERT_EQ(read.status, Status::ok);
    EXPECT_EQ(intro(read).at(0).inlines.size(), 1u);
    EXPECT_TRUE(intro(read).at(1).tasks.empty());
}

TEST(MarkdownReaderGfm, CodeBlockLanguageAndThematicBreak) {
    auto read = read_markdown("# T\n\n```rust ignore\nfn main() {}\n```\n\n***\n");
    ASSERT_EQ(read.status, Status::ok);
    EXPECT_EQ(intro(read).at(0).format, "rust");
    EXPECT_EQ(intro(read).at(1).kind, Block::Kind::thematic_break);
}

TEST(MarkdownReaderGfm, HtmlThatIsNotXmlIsKeptVerbatimAsRaw) {
    auto read = read_markdown("# T\n\n<div class=x>\n*kept*\n</div>\n\nH<sub>2</sub>O <kbd>k</kbd> <!-- c -->\n");
    ASSERT_EQ(read.status, Status::ok);
    EXPECT_EQ(problems(read), "");
    const Block& raw = intro(read).at(0);
    EXPECT_EQ(raw.kind, Block::Kind::raw);
    EXPECT_EQ(raw.format, "html");
    EXPECT_EQ(raw.text, "<div class=x>\n*kept*\n</div>");
    const auto& inlines = intro(read).at(1).inlines;
    EXPECT_EQ(inlines.at(1).kind, Inline::Kind::subscript);
    EXPECT_EQ(inlines.at(3).kind, Inline::Kind::raw);
    EXPECT_EQ(inlines.at(3).text, "<kbd>");
    EXPECT_EQ(inlines.back().text, "<!-- c -->");
}

TEST(MarkdownReaderGfm, SpansWithAttributesTheIrHolds) {
    auto read = read_markdown("# T\n\n<span id=\"x\" class=\"a b\" lang=\"fr\" data-k=\"v\">une</span> "
                              "<span class=\"small-caps\">Sc</span> <span style=\"color: red\">red</span>\n");
    ASSERT_EQ(read.status, Status::ok);
    EXPECT_EQ(problems(read), "");
    const auto& inlines = intro(read).at(0).inlines;
    ASSERT_EQ(inlines.at(0).kind, Inline::Kind::span);
    EXPECT_EQ(inlines[0].attributes.id, "x");
    EXPECT_EQ(inlines[0].attributes.classes, (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(inlines[0].attributes.language, "fr");
    EXPECT_EQ(inlines[0].attributes.get("k"), "v");
    EXPECT_EQ(plain_text(inlines[0].children), "une");
    EXPECT_EQ(inlines.at(2).kind, Inline::Kind::small_caps);
    EXPECT_EQ(inlines.at(4).kind, Inline::Kind::raw);  // style: no place in the IR, the tag stays HTML
    EXPECT_EQ(inlines[4].text, "<span style=\"color: red\">");
}

TEST(MarkdownReaderGfm, TheWritersIdsAttributionsAndReferencesComeBack) {
    auto read = read_markdown("# Book\n\n## <a id=\"a\"></a>A\n\n<a id=\"a.p\"></a>Para[^a-1] [to b](#b.sec) [to a](#a) "
                              "[elsewhere](#nowhere)\n\n> Quoted.\n>\n> \u2014 Ada\n\n### S\n\nx\n\n"
                              "## <a id=\"b\"></a>B\n\n### <a id=\"b.sec\"></a>Sec\n\ny\n\n"
                              "[^a-1]: <a id=\"a.n1\"></a>The note.\n",
                              gfm, "book.md");
    ASSERT_EQ(read.status, Status::ok) << problems(read);
    EXPECT_EQ(problems(read), "");
    ASSERT_EQ(read.book.articles.size(), 2u);
    const auto& blocks = read.book.articles[0].introduction;
    EXPECT_EQ(blocks.at(0).attributes.id, "p");
    const auto& inlines = blocks[0].inlines;
    EXPECT_EQ(inlines.at(1).kind, Inline::Kind::note);
    EXPECT_EQ(inlines[1].attributes.id, "n1");
    EXPECT_TRUE(inlines[1].blocks.at(0).attributes.id.empty());
    EXPECT_EQ(inlines.at(3).kind, Inline::Kind::reference);
    EXPECT_EQ(inlines[3].target, "b#sec");
    EXPECT_EQ(inlines.at(5).target, "a");
    EXPECT_EQ(inlines.at(7).kind, Inline::Kind::link);
    EXPECT_EQ(plain_text(blocks.at(1).attribution), "Ada");
    EXPECT_EQ(blocks[1].children.size(), 1u);
}

TEST(MarkdownReaderGfm, DollarMathIsAnOption) {
    const std::string doc = "# T\n\nThe $x^2$ and $5 and $6.\n\n$$\n\\sum_k k\n$$\n";
    auto plain = read_markdown(doc);
    EXPECT_EQ(intro(plain).at(0).inlines.size(), 1u);
    auto read = read_markdown(doc, {{"markdown-math", "dollars"}});
    ASSERT_EQ(read.status, Status::ok) << problems(read);
    const auto& inlines = intro(read).at(0).inlines;
    ASSERT_EQ(inlines.size(), 3u);
    EXPECT_EQ(inlines[1].kind, Inline::Kind::math);
    EXPECT_EQ(inlines[1].math.tex, "x^2");
    EXPECT_EQ(plain_text(inlines), "The x^2 and $5 and $6.");
    ASSERT_EQ(intro(read).at(1).kind, Block::Kind::display_math);
    EXPECT_EQ(intro(read).at(1).math.tex, "\\sum_k k");

    auto bad = read_markdown(doc, {{"markdown-math", "brackets"}});
    EXPECT_EQ(bad.status, Status::bad_options);
    EXPECT_EQ(problems(bad), "error: --markdown-math must be none or dollars, not 'brackets'\n");
}

TEST(MarkdownReaderGfm, LocalImageBecomesAResourceRemoteStaysAUrl) {
    TempDir dir;
    write(dir / "book" / "pics" / "a b.png", "PNG");
    write(dir / "book" / "doc.md",
          "# T\n\n![A *mill*](pics/a%20b.png \"Mill\") ![far](https://e.x/p.png)\n");
    auto read = read_markdown_file(dir / "book" / "doc.md");
    ASSERT_EQ(read.status, Status::ok) << problems(read);
    EXPECT_EQ(problems(read), "");
    EXPECT_EQ(read.resources, (std::vector<std::string>{"pics/a b.png"}));
    const auto& inlines = intro(read).at(0).inlines;
    ASSERT_EQ(inlines.at(0).kind, Inline::Kind::image);
    EXPECT_EQ(inlines[0].target, "pics/a b.png");
    EXPECT_EQ(inlines[0].text, "A mill");
    EXPECT_EQ(inlines[0].title, "Mill");
    ASSERT_EQ(inlines.at(2).kind, Inline::Kind::image);
    EXPECT_EQ(inlines[2].target, "https://e.x/p.png");
}

TEST(MarkdownReaderGfm, ImageOutsideTheFolderOrMissingIsReported) {
    TempDir dir;
    write(dir / "secret.png", "PNG");
    write(dir / "book" / "doc.md", "# T\n\nText.\n\n![s](../secret.png) ![t](/etc/hostname)\n\n![m](none.png) ![n](no.png)\n");
    auto read = read_markdown_file(dir / "book" / "doc.md");
    ASSERT_EQ(read.status, Status::ok);
    const std::string file = (dir / "book" / "doc.md").string();
    EXPECT_EQ(problems(read),
              file + ":5: warning: 2 out-of-folder images not read (the path leaves the input's folder): kept as "
                     "images of their paths, with no file (the first is here)\n" +
                  file + ":7: warning: 2 missing image files kept as images of their paths, with no file (the first is here)\n");
    EXPECT_TRUE(read.resources.empty());
    EXPECT_EQ(plain_text(intro(read).at(1).inlines), "s t");
    EXPECT_EQ(intro(read).at(1).inlines.at(0).target, "../secret.png");  // its path, the file not read
    EXPECT_EQ(intro(read).at(2).inlines.at(0).kind, Inline::Kind::image);
    EXPECT_EQ(intro(read).at(2).inlines.at(0).target, "none.png");

    auto strict = read_markdown_file(dir / "book" / "doc.md", {{"fail-on-loss", "true"}});
    EXPECT_EQ(strict.status, Status::failed);
    EXPECT_NE(problems(strict).find(":5: error: 2 out-of-folder images not read"), std::string::npos) << problems(strict);
}

TEST(MarkdownReaderGfm, LinksToSiblingMarkdownFilesAreReferences) {
    TempDir dir;
    write(dir / "other.md", "# Other\n\n## Getting Started\n");
    write(dir / "doc.md", "# T\n\n[o](other.md) [s](other.md#getting-started) [x](missing.md) [w](https://e.x/a.md)\n");
    auto read = read_markdown_file(dir / "doc.md");
    ASSERT_EQ(read.status, Status::ok);
    const auto& inlines = intro(read).at(0).inlines;
    EXPECT_EQ(inlines.at(0).kind, Inline::Kind::reference);
    EXPECT_EQ(inlines[0].target, "other");
    EXPECT_EQ(inlines.at(2).kind, Inline::Kind::reference);
    EXPECT_EQ(inlines[2].target, "other#getting-started");
    EXPECT_EQ(inlines.at(4).kind, Inline::Kind::link);
    EXPECT_EQ(inlines.at(6).kind, Inline::Kind::link);

    // The fragment names the section the other document's heading gives.
    auto other = read_markdown_file(dir / "other.md");
    EXPECT_EQ(other.book.articles.at(0).sections.at(0).id, "getting-started");
}

TEST(MarkdownReaderGfm, TheGfmFormatReadsGfmWhateverTheFlavorOption) {
    TempDir dir;
    write(dir / "doc.md", "# T\n\n~~x~~\n");
    auto read = read_markdown_file(dir / "doc.md", {{"markdown-flavor", "commonmark"}}, Flavor::gfm);
    ASSERT_EQ(read.status, Status::ok);
    EXPECT_EQ(intro(read).at(0).inlines.at(0).kind, Inline::Kind::strikethrough);
}

}  // namespace
}  // namespace fascicle::markdown::test
