// print.xsl through xsltproc (no FOP: that is the one slow render in pdf_cli_test), and the
// FOP configuration the PDF writer hands FOP.
#include "pdf_test_support.hpp"
#include "print_fonts.hpp"

#include <essays_book.hpp>
#include <test_support.hpp>

#include <gtest/gtest.h>
#include <pugixml.hpp>

namespace fascicle::pdf {
namespace {

using fascicle::test::RecordingDiagnostics;
using fascicle::test::StringOutput;
using fascicle::test::TempDir;

const std::filesystem::path print_xsl = FASCICLE_PDF_TEST_DIR "/../print.xsl";

class PrintStylesheet : public ::testing::Test {
protected:
    // The book's DocBook (by default the essays book's) turned into XSL-FO with the given
    // stylesheet parameters.
    pugi::xml_document to_fo(const std::vector<std::pair<std::string, std::string>>& parameters,
                             const Book& book = fascicle::test::essays_book()) {
        const auto writer = test::docbook_writer();
        StringOutput docbook;
        RecordingDiagnostics diagnostics;
        EXPECT_EQ(fascicle::test::write_book(*writer, book, docbook, diagnostics), Status::ok);
        fascicle::test::write_file(dir_ / "book.xml", docbook.str());

        std::vector<std::string> arguments{"xsltproc", "--nonet"};
        for (const auto& [name, value] : parameters) arguments.insert(arguments.end(), {"--stringparam", name, value});
        arguments.insert(arguments.end(),
                         {"--output", (dir_ / "book.fo").string(), print_xsl.string(), (dir_ / "book.xml").string()});
        const auto run = test::run_command(arguments);
        EXPECT_EQ(run.exit_code, 0) << run.output;
        pugi::xml_document fo;
        EXPECT_TRUE(fo.load_file((dir_ / "book.fo").c_str()));
        return fo;
    }

    TempDir dir_;
};

// Every bookmark leads to an element of the FO (FOP warns of any that does not), with a book title
// (a title page carries the book's id) and without one (no title page: no bookmark for it).
void expect_every_bookmark_resolves(const pugi::xml_document& fo) {
    const auto bookmarks = fo.select_nodes("//fo:bookmark");
    ASSERT_GT(bookmarks.size(), 0u);
    for (const auto& bookmark : bookmarks) {
        const std::string target = bookmark.node().attribute("internal-destination").value();
        pugi::xpath_variable_set variables;
        variables.set("id", target.c_str());
        EXPECT_TRUE(fo.select_node("//*[@id = $id]", &variables)) << "no element with id '" << target << "'";
    }
}

TEST_F(PrintStylesheet, EveryBookmarkLeadsSomewhereWithOrWithoutABookTitle) {
    expect_every_bookmark_resolves(to_fo({}));
    auto untitled = fascicle::test::essays_book();
    untitled.metadata = Metadata{};
    const auto fo = to_fo({}, untitled);
    expect_every_bookmark_resolves(fo);
    EXPECT_TRUE(fo.select_node("//fo:bookmark-title[. = 'Table of Contents']"));
}

TEST_F(PrintStylesheet, MakesADoubleSidedHyphenatedA4BookByDefault) {
    const auto fo = to_fo({});
    const auto root = fo.document_element();
    EXPECT_STREQ(root.name(), "fo:root");
    // Each chapter is a page sequence of its own, hyphenated, ending on a left-hand page so that
    // the next starts on a right-hand one.
    EXPECT_EQ(fo.select_nodes("//fo:page-sequence[@master-reference='body'][@hyphenate='true']"
                              "[@force-page-count='end-on-even']").size(), 3u);
    EXPECT_STREQ(root.attribute("language").value(), "en");
    EXPECT_STREQ(root.attribute("text-align").value(), "justify");
    const auto masters = fo.select_nodes("//fo:simple-page-master");
    ASSERT_GT(masters.size(), 0u);
    for (auto m : masters) EXPECT_STREQ(m.node().attribute("page-width").value(), "210mm");
    // Double-sided: left- and right-hand page masters.
    EXPECT_TRUE(fo.select_node("//fo:simple-page-master[@master-name='body-even']"));
    // A table of contents listing the chapters and their sections.
    EXPECT_TRUE(fo.select_node("//fo:block[contains(., 'Table of Contents')]"));
    EXPECT_TRUE(fo.select_node("//fo:basic-link[@internal-destination='a-001_alpha.getting-started']"));
    // Page numbers.
    EXPECT_TRUE(fo.select_node("//fo:page-number"));
}

TEST_F(PrintStylesheet, TakesLetterPaperFontsAndTheDate) {
    const auto fo = to_fo({{"paper.type", "USletter"},
                           {"body.font.family", "Liberation Serif"},
                           {"pdf.date", "2024-03-01T00:00:00Z"}});
    for (auto m : fo.select_nodes("//fo:simple-page-master")) {
        EXPECT_STREQ(m.node().attribute("page-width").value(), "8.5in");
        EXPECT_STREQ(m.node().attribute("page-height").value(), "11in");
    }
    EXPECT_NE(std::string(fo.document_element().attribute("font-family").value()).find("Liberation Serif"),
              std::string::npos);
    EXPECT_STREQ(fo.select_node("//xmp:CreateDate").node().child_value(), "2024-03-01T00:00:00Z");
    EXPECT_STREQ(fo.select_node("//xmp:MetadataDate").node().child_value(), "2024-03-01T00:00:00Z");
    EXPECT_STREQ(fo.select_node("//dc:title").node().child_value(), "Field Notes & <Essays>");
}

// Blank pages (before a chapter that must start on the right) get no running head or number;
// without bleed or crop marks the page masters carry no FOP prepress extension.
TEST_F(PrintStylesheet, LeavesBlankPagesBlankAndAddsNoPrepressByDefault) {
    const auto fo = to_fo({});
    const auto blank_regions = fo.select_nodes("//fo:static-content[contains(@flow-name, '-blank')]");
    ASSERT_GT(blank_regions.size(), 0u);
    for (auto region : blank_regions) {
        EXPECT_FALSE(region.node().select_node(
            ".//fo:page-number | .//fo:retrieve-marker | .//text()[normalize-space(.) != '']"))
            << region.node().attribute("flow-name").value();
    }
    // The left-hand pages that are not blank do have them.
    EXPECT_TRUE(fo.select_node("//fo:static-content[@flow-name='xsl-region-after-even']//fo:page-number"));
    EXPECT_FALSE(fo.select_node("//fo:simple-page-master[@fox:bleed]"));
    EXPECT_FALSE(fo.select_node("//svg:svg"));
}

// A trim size, bleed and crop marks as the PDF writer passes them: every page master has the
// size and FOP's prepress extensions, every page's header region the marks.
TEST_F(PrintStylesheet, TakesATrimSizeBleedAndCropMarks) {
    const auto fo = to_fo({{"page.width", "6in"}, {"page.height", "9in"}, {"page.width.points", "432pt"},
                           {"page.height.points", "648pt"}, {"page.margin.inner", "19mm"}, {"print.bleed", "8.5pt"},
                           {"print.crop.offset", "36.85pt"}, {"print.crop.marks", "1"}});
    const auto masters = fo.select_nodes("//fo:simple-page-master");
    ASSERT_GT(masters.size(), 0u);
    for (auto m : masters) {
        EXPECT_STREQ(m.node().attribute("page-width").value(), "6in");
        EXPECT_STREQ(m.node().attribute("fox:bleed").value(), "8.5pt");
        EXPECT_STREQ(m.node().attribute("fox:crop-offset").value(), "36.85pt");
    }
    EXPECT_STREQ(fo.select_node("//fo:simple-page-master[@master-name='body-odd']").node().attribute("margin-left").value(),
                 "19mm");  // the inner margin on the right-hand page's left
    const auto heads = fo.select_nodes("//fo:static-content[starts-with(@flow-name, 'xsl-region-before')]");
    ASSERT_GT(heads.size(), 0u);
    for (auto head : heads) {
        const auto path = head.node().select_node(".//svg:path").node();
        ASSERT_TRUE(path) << head.node().attribute("flow-name").value();
        // The top-left mark: from 8.5pt (the bleed) to 36.85pt outside the trim's corner.
        EXPECT_EQ(std::string(path.attribute("d").value()).rfind("M0,-8.5 V-36.85 M432,-8.5", 0), 0u)
            << path.attribute("d").value();
    }
}

TEST_F(PrintStylesheet, TurnsTheLineBreakInstructionIntoABreak) {
    const auto fo = to_fo({});
    const auto para = fo.select_node("//fo:block[starts-with(., 'Plain, emphasised')]").node();
    ASSERT_TRUE(para);
    const auto empty_block = para.select_node("fo:block[not(node())]").node();
    ASSERT_TRUE(empty_block);
    EXPECT_NE(std::string(empty_block.next_sibling().value()).find("and a second line."), std::string::npos);
}

TEST(PrintFonts, FindsAFamilyOnlyWithAllFourStyles) {
    TempDir incomplete, complete;
    for (const char* style : {"Regular", "Bold", "Italic"})
        fascicle::test::write_file(incomplete / ("Face-" + std::string(style) + ".ttf"), "x");
    for (const char* style : {"Regular", "Bold", "Italic", "BoldItalic"})
        fascicle::test::write_file(complete / ("Face-" + std::string(style) + ".ttf"), "x");

    EXPECT_FALSE(find_font_family("Face", "Face", {incomplete.path()}));
    const auto found = find_font_family("Face", "Face", {incomplete.path(), complete.path()});
    ASSERT_TRUE(found);
    EXPECT_EQ(found->name, "Face");
    EXPECT_EQ(found->bold_italic, complete / "Face-BoldItalic.ttf");
}

TEST(PrintFonts, ConfigurationEmbedsEachStyleAndMapsBoldSymbols) {
    const PrintFontFamily family{"My Serif", "/fonts dir/R.ttf", "/fonts dir/B.ttf", "/fonts dir/I.ttf",
                                 "/fonts dir/BI.ttf"};
    pugi::xml_document config;
    ASSERT_TRUE(config.load_string(fop_configuration({family}).c_str()));
    const auto fonts = config.select_nodes("/fop/renderers/renderer[@mime='application/pdf']/fonts/font");
    ASSERT_EQ(fonts.size(), 4u);
    EXPECT_STREQ(fonts[0].node().attribute("embed-url").value(), "file:///fonts%20dir/R.ttf");
    EXPECT_STREQ(fonts[3].node().child("font-triplet").attribute("name").value(), "My Serif");
    EXPECT_STREQ(fonts[3].node().child("font-triplet").attribute("style").value(), "italic");
    EXPECT_STREQ(fonts[3].node().child("font-triplet").attribute("weight").value(), "bold");
    EXPECT_EQ(config.select_nodes("/fop/fonts/substitutions/substitution").size(), 2u);

    pugi::xml_document without_fonts;
    ASSERT_TRUE(without_fonts.load_string(fop_configuration({}).c_str()));
    EXPECT_FALSE(without_fonts.select_node("//renderers"));
}

}  // namespace
}  // namespace fascicle::pdf
