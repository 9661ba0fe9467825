// The shared feature book written as GFM and read back by cmark-gfm with GFM's extensions
// (table, strikethrough, tasklist) and footnotes: the same tables (rows, cells, their text, header
// cells and spans), notes, images (source, alt text, title), task boxes and struck text; every
// internal link leads to an anchor of the output, in one document and across --split files. A
// table a pipe table can hold is one, with its alignment and its escaped pipes.
#include <fascicle/ir_walk.hpp>
#include "markdown_writer.hpp"

#include <feature_book.hpp>
#include <test_support.hpp>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <regex>
#include <set>

namespace fascicle::markdown::test {
namespace {

// A document as cmark-gfm reads it, with the GFM extensions and footnotes.
class GfmDocument {
public:
    explicit GfmDocument(const std::string& markdown)
        : parser_(cmark_parser_new(options), cmark_parser_free), document_(nullptr, cmark_node_free) {
        cmark_gfm_core_extensions_ensure_registered();
        for (const char* name : {"table", "strikethrough", "tasklist"})
            if (auto* extension = cmark_find_syntax_extension(name))
                cmark_parser_attach_syntax_extension(parser_.get(), extension);
        cmark_parser_feed(parser_.get(), markdown.data(), markdown.size());
        document_.reset(cmark_parser_finish(parser_.get()));
    }

    // Every node, in document order, that `wanted` accepts.
    std::vector<cmark_node*> nodes(const std::function<bool(cmark_node*)>& wanted) const {
        std::vector<cmark_node*> out;
        cmark_iter* iter = cmark_iter_new(document_.get());
        for (auto event = cmark_iter_next(iter); event != CMARK_EVENT_DONE; event = cmark_iter_next(iter))
            if (event == CMARK_EVENT_ENTER && wanted(cmark_iter_get_node(iter))) out.push_back(cmark_iter_get_node(iter));
        cmark_iter_free(iter);
        return out;
    }
    std::vector<cmark_node*> nodes(cmark_node_type type) const {
        return nodes([type](cmark_node* n) { return cmark_node_get_type(n) == type; });
    }
    std::vector<cmark_node*> nodes(std::string_view type_name) const {
        return nodes([type_name](cmark_node* n) { return type_name == cmark_node_get_type_string(n); });
    }

    std::string html() const {
        char* html = cmark_render_html(document_.get(), options, cmark_parser_get_syntax_extensions(parser_.get()));
        std::string out(html);
        std::free(html);
        return out;
    }

private:
    static constexpr int options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | CMARK_OPT_UNSAFE;
    std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser_;
    std::unique_ptr<cmark_node, decltype(&cmark_node_free)> document_;
};

std::string literal(cmark_node* n) {
    const char* s = cmark_node_get_literal(n);
    return s ? s : "";
}

// The text a node shows: its text and code, soft breaks as "\n", raw HTML left out.
std::string text_of(cmark_node* node) {
    std::string out;
    for (cmark_node* n = cmark_node_first_child(node); n; n = cmark_node_next(n)) {
        switch (cmark_node_get_type(n)) {
            case CMARK_NODE_TEXT:
            case CMARK_NODE_CODE: out += literal(n); break;
            case CMARK_NODE_SOFTBREAK:
            case CMARK_NODE_LINEBREAK: out += '\n'; break;
            case CMARK_NODE_HTML_INLINE: break;
            default: out += text_of(n);
        }
    }
    return out;
}

// The same, its lines joined (a wrapped paragraph's soft breaks read as spaces).
std::string unwrapped_text_of(cmark_node* node) {
    std::string out = text_of(node);
    std::replace(out.begin(), out.end(), '\n', ' ');
    return out;
}

std::string text_of(pugi::xml_node node) {
    std::string out;
    for (auto child : node.children()) out += child.type() == pugi::node_pcdata ? child.value() : text_of(child);
    return out;
}

// The book as Markdown of `flavor`, wrapped at `columns` unless 0.
std::string write(const Book& book, const std::string& flavor, bool split, std::string* warnings = nullptr,
                  std::size_t columns = 0) {
    MarkdownWriter writer;
    fascicle::test::StringOutput output;
    fascicle::test::RecordingDiagnostics diagnostics;
    Options options{{"markdown-flavor", flavor}};
    if (columns) options["columns"] = std::to_string(columns);
    EXPECT_EQ(fascicle::test::write_book(writer, book, output, diagnostics, options, split), Status::ok)
        << diagnostics.text();
    if (warnings) *warnings = diagnostics.text();
    return output.str();
}

std::vector<const Block*> tables_of(const Book& book) {
    std::vector<const Block*> out;
    IrVisitor visitor;
    visitor.block = [&](const Block& b) {
        if (b.kind == Block::Kind::table) out.push_back(&b);
    };
    for (const auto& a : book.articles) walk(a, visitor);
    return out;
}

std::vector<const Inline*> inlines_of(const Book& book, Inline::Kind kind) {
    std::vector<const Inline*> out;
    IrVisitor visitor;
    visitor.inline_ = [&](const Inline& i) {
        if (i.kind == kind) out.push_back(&i);
    };
    for (const auto& a : book.articles) walk(a, visitor);
    return out;
}

// An HTML table as cmark-gfm passes it through (one HTML block) has the IR table's rows, cells,
// header cells, spans and text.
void expect_same_html_table(const Block& expected, const std::string& html) {
    pugi::xml_document document;
    ASSERT_TRUE(document.load_string(html.c_str())) << "not well-formed:\n" << html;
    const pugi::xml_node table = document.child("table");
    ASSERT_TRUE(table) << html;
    EXPECT_EQ(text_of(table.child("caption")), plain_text(expected.caption));
    const std::pair<const char*, const std::vector<TableRow>*> parts[] = {
        {"thead", &expected.table.head}, {"tbody", &expected.table.body}, {"tfoot", &expected.table.foot}};
    for (const auto& [name, rows] : parts) {
        std::vector<pugi::xml_node> trs;
        for (auto tr : table.child(name).children("tr")) trs.push_back(tr);
        ASSERT_EQ(trs.size(), rows->size()) << name;
        for (std::size_t r = 0; r < rows->size(); ++r) {
            std::vector<pugi::xml_node> cells;
            for (auto cell : trs[r].children()) cells.push_back(cell);
            ASSERT_EQ(cells.size(), (*rows)[r].cells.size()) << name << " row " << r;
            for (std::size_t c = 0; c < cells.size(); ++c) {
                const TableCell& cell = (*rows)[r].cells[c];
                EXPECT_EQ(std::string(cells[c].name()), cell.header ? "th" : "td") << name << " " << r << "," << c;
                EXPECT_EQ(text_of(cells[c]), plain_text(cell.blocks.at(0).inlines));
                EXPECT_EQ(cells[c].attribute("rowspan").as_int(1), cell.row_span);
                EXPECT_EQ(cells[c].attribute("colspan").as_int(1), cell.column_span);
            }
        }
    }
}

// A pipe table as cmark-gfm reads it has the IR table's rows (the head first: an empty one when
// the table has none), cells and text, and its columns' alignment.
void expect_same_pipe_table(const Block& expected, cmark_node* table) {
    std::vector<TableRow> rows = expected.table.head;
    if (rows.empty()) rows.push_back(TableRow{std::vector<TableCell>(expected.table.columns.size())});
    rows.insert(rows.end(), expected.table.body.begin(), expected.table.body.end());
    std::size_t r = 0;
    for (cmark_node* row = cmark_node_first_child(table); row; row = cmark_node_next(row), ++r) {
        ASSERT_LT(r, rows.size());
        std::size_t c = 0;
        for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell), ++c) {
            ASSERT_LT(c, rows[r].cells.size()) << "row " << r;
            const auto& blocks = rows[r].cells[c].blocks;
            EXPECT_EQ(text_of(cell), blocks.empty() ? "" : plain_text(blocks[0].inlines)) << "row " << r << ", cell " << c;
        }
        EXPECT_EQ(c, rows[r].cells.size()) << "row " << r;
    }
    EXPECT_EQ(r, rows.size());
    const uint8_t* alignments = cmark_gfm_extensions_get_table_alignments(table);
    for (std::size_t c = 0; c < expected.table.columns.size(); ++c) {
        const char shown[] = {0, 'l', 'c', 'r'};
        EXPECT_EQ(alignments[c], shown[static_cast<int>(expected.table.columns[c].alignment)]) << "column " << c;
    }
}

class GfmFeatureBook : public ::testing::Test {
protected:
    void SetUp() override { fascicle::test::make_feature_book(features_); }
    const Book& book() const { return features_.book; }

private:
    fascicle::test::FeatureBook features_;
};

// Wrapped or not: wrapping must break no table, note, task item or image.
constexpr std::size_t widths[] = {0, 30};

TEST_F(GfmFeatureBook, TablesComeBackWithTheirRowsCellsAndText) {
    for (std::size_t columns : widths) {
        SCOPED_TRACE("columns " + std::to_string(columns));
        const std::string markdown = write(book(), "gfm", false, nullptr, columns);
        const GfmDocument document(markdown);
        const auto expected = tables_of(book());
        ASSERT_EQ(expected.size(), 1u);
        // Its spans and its foot need HTML: one HTML block, no pipe table.
        EXPECT_TRUE(document.nodes("table").empty()) << markdown;
        std::vector<std::string> html_tables;
        for (cmark_node* n : document.nodes(CMARK_NODE_HTML_BLOCK))
            if (literal(n).starts_with("<table")) html_tables.push_back(literal(n));
        ASSERT_EQ(html_tables.size(), 1u) << markdown;
        expect_same_html_table(*expected[0], html_tables[0]);
    }
}

TEST_F(GfmFeatureBook, NotesImagesTasksAndStruckTextComeBack) {
    for (std::size_t columns : widths) {
        SCOPED_TRACE("columns " + std::to_string(columns));
        std::string warnings;
        const std::string markdown = write(book(), "gfm", false, &warnings, columns);
        const GfmDocument document(markdown);

        // Notes: a footnote reference where each stood, its definition holding its text.
        const auto notes = inlines_of(book(), Inline::Kind::note);
        const auto references = document.nodes(CMARK_NODE_FOOTNOTE_REFERENCE);
        const auto definitions = document.nodes(CMARK_NODE_FOOTNOTE_DEFINITION);
        ASSERT_EQ(references.size(), notes.size()) << markdown;
        ASSERT_EQ(definitions.size(), notes.size()) << markdown;
        for (std::size_t k = 0; k < notes.size(); ++k)
            EXPECT_EQ(unwrapped_text_of(definitions[k]), plain_text(notes[k]->blocks[0].inlines));

        // Images: source, alt text and title, in order; a figure's is in its HTML (below).
        std::vector<const Inline*> images = inlines_of(book(), Inline::Kind::image);
        std::vector<const Inline*> in_figures;
        for (const auto& a : book().articles)
            walk(a, IrVisitor{[&](const Block& b) {
                                  if (b.kind == Block::Kind::figure)
                                      walk(b.children, IrVisitor{{}, [&](const Inline& i) {
                                                                     if (i.kind == Inline::Kind::image) in_figures.push_back(&i);
                                                                 }, {}});
                              }, {}, {}});
        ASSERT_EQ(in_figures.size(), 1u);
        std::erase_if(images, [&](const Inline* i) { return i == in_figures.front(); });
        const auto read_images = document.nodes(CMARK_NODE_IMAGE);
        ASSERT_EQ(read_images.size(), images.size()) << markdown;
        for (std::size_t k = 0; k < images.size(); ++k) {
            EXPECT_STREQ(cmark_node_get_url(read_images[k]), images[k]->target.c_str());
            EXPECT_EQ(unwrapped_text_of(read_images[k]), images[k]->text);
            EXPECT_STREQ(cmark_node_get_title(read_images[k]), images[k]->title.c_str());
        }

        // Task items and their boxes.
        std::vector<Task> tasks;
        IrVisitor visitor;
        visitor.block = [&](const Block& b) { tasks.insert(tasks.end(), b.tasks.begin(), b.tasks.end()); };
        walk(book().articles[0], visitor);
        const auto items = document.nodes("tasklist");
        ASSERT_EQ(items.size(), tasks.size()) << markdown;
        for (std::size_t k = 0; k < tasks.size(); ++k)
            EXPECT_EQ(cmark_gfm_extensions_get_tasklist_item_checked(items[k]), tasks[k] == Task::checked) << k;

        const auto struck = document.nodes("strikethrough");
        ASSERT_EQ(struck.size(), 1u);
        EXPECT_EQ(text_of(struck[0]), "struck");

        // GFM holds every kind: the one warning is the lettered list's numbering.
        EXPECT_EQ(warnings,
                  "kinds: warning: article 'kinds': 1 list numbered in letters or roman numerals cannot be held by "
                  "Markdown: numbered 1, 2, 3 instead\n");
    }
}

TEST_F(GfmFeatureBook, EveryOtherKindIsWhereItBelongs) {
    const std::string markdown = write(book(), "gfm", false);
    const GfmDocument document(markdown);
    std::vector<std::string> paragraphs, html_blocks, quotes;
    for (cmark_node* n : document.nodes(CMARK_NODE_PARAGRAPH)) paragraphs.push_back(text_of(n));
    for (cmark_node* n : document.nodes(CMARK_NODE_HTML_BLOCK)) html_blocks.push_back(literal(n));
    for (cmark_node* n : document.nodes(CMARK_NODE_BLOCK_QUOTE)) quotes.push_back(text_of(cmark_node_first_child(n)));
    auto has = [](const std::vector<std::string>& list, auto&& test) { return std::any_of(list.begin(), list.end(), test); };

    // Math as pandoc's tex_math_dollars writes it.
    EXPECT_TRUE(has(paragraphs, [](const std::string& p) { return p.find("the formula $x^2$, an image") != std::string::npos; }));
    EXPECT_TRUE(has(paragraphs, [](const std::string& p) {
        return p == "$$\n\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}\n$$";
    })) << markdown;
    // Admonitions as GitHub's alerts; the quote's attribution after a dash.
    EXPECT_TRUE(has(quotes, [](const std::string& q) { return q == "[!TIP]\nRead the notes first."; })) << markdown;
    EXPECT_TRUE(has(quotes, [](const std::string& q) { return q == "[!WARNING]\nThe engine is heavy."; }));
    EXPECT_TRUE(has(paragraphs, [](const std::string& p) { return p == "\u2014 Ada Lovelace"; }));
    // The definition list and the figure in HTML (one block each, which the reader maps back).
    EXPECT_TRUE(has(html_blocks, [](const std::string& h) {
        return h.starts_with("<dl>\n  <dt>Mill</dt>\n  <dd>The part that computes.</dd>");
    })) << markdown;
    EXPECT_TRUE(has(html_blocks, [](const std::string& h) {
        return h == "<figure id=\"kinds.fig-engine\">\n"
                    "  <p><img src=\"images/engine.png\" alt=\"A wheel and a box: the engine, drawn small\" "
                    "title=\"The engine\"/></p>\n"
                    "  <figcaption>The <strong>engine</strong>, in outline</figcaption>\n</figure>\n";
    })) << markdown;
    // Raised, lowered, small caps and the span keep their markup as inline HTML.
    const std::string html = document.html();
    for (const char* shown : {"<sup>10</sup>", "<sub>2</sub>", "<span class=\"small-caps\">small caps</span>",
                              "<span class=\"foreign\" lang=\"fr\">une phrase</span>", "<code class=\"language-python\">",
                              "<a href=\"https://example.org/engine\" title=\"The engine's page\">"})
        EXPECT_NE(html.find(shown), std::string::npos) << shown << "\n" << html;
}

// The anchors (id="...") of a document, and its links that are not URLs: "#id", "file.md#id", "file.md".
struct Anchoring {
    std::set<std::string> ids;
    std::vector<std::string> internal_links;
};

Anchoring anchoring(const GfmDocument& document) {
    Anchoring out;
    static const std::regex id(R"re(\bid="([^"]+)")re");
    for (cmark_node* n : document.nodes([](cmark_node* n) {
             return cmark_node_get_type(n) == CMARK_NODE_HTML_INLINE || cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK;
         })) {
        const std::string html = literal(n);
        for (std::sregex_iterator m(html.begin(), html.end(), id), end; m != end; ++m) out.ids.insert((*m)[1]);
    }
    for (cmark_node* n : document.nodes(CMARK_NODE_LINK)) {
        const std::string url = cmark_node_get_url(n);
        if (url.find("://") == std::string::npos) out.internal_links.push_back(url);
    }
    return out;
}

TEST_F(GfmFeatureBook, InternalReferencesLeadToAnchorsInTheDocument) {
    const std::string markdown = write(book(), "gfm", false);
    const Anchoring found = anchoring(GfmDocument(markdown));
    EXPECT_EQ(found.internal_links.size(), inlines_of(book(), Inline::Kind::reference).size());
    for (const auto& link : found.internal_links) {
        ASSERT_TRUE(link.starts_with("#")) << link;
        EXPECT_TRUE(found.ids.contains(link.substr(1))) << link << " leads nowhere in\n" << markdown;
    }
    // A reference without text of its own shows what it names.
    EXPECT_NE(markdown.find("The figure [fig-engine](#kinds.fig-engine) and the table [of trials](#kinds.tab-results) "
                            "are in [the first chapter](#kinds)."),
              std::string::npos)
        << markdown;
}

TEST_F(GfmFeatureBook, InternalReferencesLeadToAnchorsAcrossSplitFiles) {
    std::map<std::string, Anchoring> files;  // named as the host names --split files
    for (const auto& article : book().articles) {
        Book single;
        single.metadata = book().metadata;
        single.articles = {article};
        files.emplace(article.id + ".md", anchoring(GfmDocument(write(single, "gfm", true))));
    }
    std::size_t links = 0;
    for (const auto& [name, found] : files) {
        for (const auto& link : found.internal_links) {
            ++links;
            const auto hash = link.find('#');
            const std::string file = hash == 0 ? name : link.substr(0, hash);
            ASSERT_TRUE(files.contains(file)) << name << ": " << link;
            if (hash != std::string::npos) {
                EXPECT_TRUE(files.at(file).ids.contains(link.substr(hash + 1))) << name << ": " << link << " leads nowhere";
            }
        }
    }
    EXPECT_EQ(links, inlines_of(book(), Inline::Kind::reference).size());
}

// A table a pipe table can hold: alignment, pipes in text, code and links, an empty cell, and
// no head (the pipe table's header row is then empty); its caption a "Table:" paragraph.
TEST(GfmPipeTable, ComesBackCellForCellWithItsAlignment) {
    auto cell = [](std::vector<Inline> inlines) {
        TableCell c;
        if (!inlines.empty()) c.blocks = {Block::paragraph(std::move(inlines))};
        return c;
    };
    auto text = [](std::string s) { return Inline::plain(std::move(s)); };
    Block table;
    table.kind = Block::Kind::table;
    table.attributes.id = "tab-pipes";
    table.caption = {text("Pipes | and "), Inline::wrap(Inline::Kind::emphasis, {text("more")})};
    table.table.columns = {{Alignment::left, 0}, {Alignment::center, 0}, {Alignment::right, 0}, {Alignment::unspecified, 0}};
    table.table.head = {{{cell({text("Name")}), cell({text("a | b")}), cell({Inline::code_span("x|y")}), cell({})}}};
    table.table.body = {
        {{cell({Inline::link_to("https://e.org/a%7Cb"  /* written as a valid URI */, {text("link|text")})}), cell({text("-")}), cell({text("3")}),
          cell({text("\u65e5\u672c")})}},
        {{cell({text("back\\slash|")}), cell({Inline::code_span("`|`")}), cell({}), cell({text("*")})}},
    };
    Article a;
    a.id = "t";
    a.title = title_inlines("Tables");
    a.introduction = {table};
    Block headless = table;
    headless.table.head.clear();
    headless.caption.clear();
    headless.attributes.id.clear();
    a.introduction.push_back(headless);
    Book book;
    book.articles = {a};

    const std::string markdown = write(book, "gfm", false);
    const GfmDocument document(markdown);
    const auto read = document.nodes("table");
    ASSERT_EQ(read.size(), 2u) << markdown;
    expect_same_pipe_table(table, read[0]);
    expect_same_pipe_table(headless, read[1]);
    const auto links = document.nodes(CMARK_NODE_LINK);
    ASSERT_EQ(links.size(), 2u);
    EXPECT_STREQ(cmark_node_get_url(links[0]), "https://e.org/a%7Cb");  // a valid URI
    EXPECT_NE(markdown.find("Table: <a id=\"t.tab-pipes\"></a>Pipes \\| and *more*\n\n| Name"), std::string::npos)
        << markdown;
    EXPECT_NE(markdown.find("\n|:-----"), std::string::npos) << "the first column is left-aligned\n" << markdown;

    // CommonMark has no tables: the same table is HTML there, and no warning is needed.
    std::string warnings;
    const std::string commonmark = write(book, "commonmark", false, &warnings);
    EXPECT_NE(commonmark.find("\n<table id=\"t.tab-pipes\">\n  <caption>Pipes | and <em>more</em></caption>"),
              std::string::npos)
        << commonmark;
    EXPECT_EQ(warnings, "");
}

}  // namespace
}  // namespace fascicle::markdown::test

namespace fascicle::markdown {
namespace {

// The images go beside the document, where its references point; standard output has no folder,
// which is said.
TEST(MarkdownImages, AreWrittenBesideTheDocument) {
    fascicle::test::FeatureBook features;
    fascicle::test::make_feature_book(features);
    fascicle::test::TempDir dir;
    {
        MarkdownWriter writer;
        fascicle::test::FileOutput output(dir / "book.md");
        fascicle::test::RecordingDiagnostics diagnostics;
        ASSERT_EQ(fascicle::test::write_book(writer, features.book, output, diagnostics, {{"markdown-flavor", "gfm"}},
                                             false, &features.resources),
                  Status::ok)
            << diagnostics.text();
    }
    EXPECT_NE(fascicle::test::read_file(dir / "book.md").find("](images/engine.png"), std::string::npos);
    EXPECT_EQ(fascicle::test::read_file(dir / "images/engine.png"),
              fascicle::test::read_file(fascicle::test::test_data_dir() / "feature/engine.png"));

    MarkdownWriter writer;
    fascicle::test::StringOutput output;
    fascicle::test::RecordingDiagnostics diagnostics;
    ASSERT_EQ(fascicle::test::write_book(writer, features.book, output, diagnostics, {}, false, &features.resources),
              Status::ok);
    EXPECT_NE(diagnostics.text().find("1 image(s) are referred to by name but not written"), std::string::npos)
        << diagnostics.text();
}

}  // namespace
}  // namespace fascicle::markdown
