// The printed book: trim sizes, margins and type by size (print_geometry), the resolution check of
// images (print_image_resolution), and real FOP renders checked with poppler's tools: the page
// size of every named trim size (pdfinfo), chapters on right-hand pages with blank, unmarked
// left-hand pages before them (pdftotext page by page), the copyright page from the metadata,
// images' printed resolution (pdfimages), bleed and crop marks (pdfinfo -box, pdftoppm).
#include "pdf_test_support.hpp"
#include "pdf_writer.hpp"
#include "print_geometry.hpp"
#include "print_image_resolution.hpp"

#include <test_support.hpp>

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <regex>
#include <sstream>

namespace fascicle::pdf {
namespace {

using fascicle::test::RecordingDiagnostics;
using fascicle::test::TempDir;

// ---------------------------------------------------------------------------------------------
// Trim sizes and margins

std::optional<PageGeometry> geometry(const Options& options, RecordingDiagnostics& diagnostics) {
    return page_geometry_from(options, diagnostics);
}

TEST(PrintGeometry, NamedTrimSizes) {
    const std::array<std::tuple<const char*, const char*, const char*, double, double>, 5> named = {{
        {"a4", "210mm", "297mm", 595.28, 841.89},
        {"letter", "8.5in", "11in", 612, 792},
        {"A5", "148mm", "210mm", 419.53, 595.28},
        {"b5", "176mm", "250mm", 498.9, 708.66},
        {"royal", "156mm", "234mm", 442.2, 663.31},
    }};
    for (const auto& [name, width, height, width_pt, height_pt] : named) {
        const auto size = parse_trim_size(name);
        ASSERT_TRUE(size) << name;
        EXPECT_EQ(size->width.text, width);
        EXPECT_EQ(size->height.text, height);
        EXPECT_NEAR(size->width.points, width_pt, 0.01) << name;
        EXPECT_NEAR(size->height.points, height_pt, 0.01) << name;
    }
}

TEST(PrintGeometry, TrimSizesWithUnits) {
    for (const auto& [text, width, height] :
         std::vector<std::tuple<const char*, double, double>>{{"6x9in", 432, 648},
                                                              {"5.5x8.5in", 396, 612},
                                                              {"5x8in", 360, 576},
                                                              {"6inx9in", 432, 648},
                                                              {"156x234mm", 442.2, 663.31},
                                                              {"15.6x23.4cm", 442.2, 663.31},
                                                              {"432x648pt", 432, 648},
                                                              {"6X9IN", 432, 648}}) {
        const auto size = parse_trim_size(text);
        ASSERT_TRUE(size) << text;
        EXPECT_NEAR(size->width.points, width, 0.01) << text;
        EXPECT_NEAR(size->height.points, height, 0.01) << text;
    }
    for (const char* bad : {"", "a3", "6x9", "6 x 9in", "6x9 in", "-6x9in", "6x9inch", "6x9px", "x9in", "6x", "6x9x1in",
                            "6.x9in", "6inx9mm", "1e2x9in", "6,5x9in"})
        EXPECT_FALSE(parse_trim_size(bad)) << bad;
}

TEST(PrintGeometry, DefaultsFollowTheTrimSize) {
    RecordingDiagnostics diagnostics;
    const auto a4 = geometry({}, diagnostics);
    ASSERT_TRUE(a4) << diagnostics.text();
    EXPECT_EQ(a4->width.text, "210mm");
    EXPECT_EQ(a4->inner.text, "25mm");
    EXPECT_EQ(a4->outer.text, "20mm");
    EXPECT_EQ(a4->font_size, 11);
    EXPECT_FALSE(a4->crop_marks);
    EXPECT_EQ(a4->bleed.points, 0);

    for (const char* small : {"a5", "5x8in", "5.5x8.5in", "6x9in", "royal"}) {
        const auto page = geometry({{paper_option, small}}, diagnostics);
        ASSERT_TRUE(page) << small << diagnostics.text();
        EXPECT_EQ(page->font_size, 10) << small;
        EXPECT_GT(page->inner.points, page->outer.points) << small;  // room for the binding
        EXPECT_GE(page->inner.points, 0.75 * 72 - 1) << small;
    }
    const auto b5 = geometry({{paper_option, "b5"}}, diagnostics);
    ASSERT_TRUE(b5);
    EXPECT_EQ(b5->font_size, 10.5);
    EXPECT_EQ(diagnostics.error_count(), 0u) << diagnostics.text();
}

TEST(PrintGeometry, OptionsOverrideTheDefaults) {
    RecordingDiagnostics diagnostics;
    const auto page = geometry({{paper_option, "6x9in"},
                                {margin_inner_option, "0.875in"},
                                {margin_outer_option, "12mm"},
                                {margin_top_option, "1.5cm"},
                                {margin_bottom_option, "36pt"},
                                {font_size_option, "10.5pt"},
                                {bleed_option, "0.125in"},
                                {crop_marks_option, "true"}},
                               diagnostics);
    ASSERT_TRUE(page) << diagnostics.text();
    EXPECT_EQ(page->inner.text, "0.875in");
    EXPECT_NEAR(page->outer.points, 34.02, 0.01);
    EXPECT_EQ(page->top.text, "1.5cm");
    EXPECT_EQ(page->bottom.points, 36);
    EXPECT_EQ(page->font_size, 10.5);
    EXPECT_EQ(page->bleed.points, 9);
    EXPECT_TRUE(page->crop_marks);
    EXPECT_NEAR(page->text_width(), 432 - 63 - 34.02, 0.01);

    const auto parameters = stylesheet_parameters(*page);
    auto parameter = [&](const std::string& name) {
        for (const auto& [key, value] : parameters)
            if (key == name) return value;
        return std::string("(none)");
    };
    EXPECT_EQ(parameter("page.width"), "6in");
    EXPECT_EQ(parameter("page.margin.inner"), "0.875in");
    EXPECT_EQ(parameter("body.font.master"), "10.5");
    EXPECT_EQ(parameter("print.bleed"), "9pt");
    EXPECT_EQ(parameter("print.crop.offset"), "37.35pt");  // the bleed and 10mm of marks
    EXPECT_EQ(parameter("print.crop.marks"), "1");
}

TEST(PrintGeometry, BadValuesAreErrorsNamingWhatIsExpected) {
    const std::vector<std::pair<Options, std::string>> cases = {
        {{{paper_option, "a3"}},
         "--paper must be a4, letter, a5, b5, royal or a trim size WIDTHxHEIGHT with a unit (mm, cm, in or pt), "
         "e.g. 6x9in, 5.5x8.5in or 156x234mm; not 'a3'"},
        {{{paper_option, "6x9"}}, "not '6x9'"},
        {{{paper_option, "1x9in"}}, "a trim size must be between 2 in and 40 in on each side"},
        {{{paper_option, "6x90in"}}, "a trim size must be between 2 in and 40 in on each side"},
        {{{margin_inner_option, "20"}},
         "--margin-inner must be a length with a unit (mm, cm, in or pt), e.g. 20mm or 0.75in; not '20'"},
        {{{margin_top_option, "-1mm"}}, "--margin-top must be a length with a unit"},
        {{{font_size_option, "huge"}}, "--font-size must be a size in points from 6 to 24, e.g. 10 or 10.5pt; not 'huge'"},
        {{{font_size_option, "3"}}, "--font-size must be a size in points from 6 to 24"},
        {{{paper_option, "a5"}, {margin_inner_option, "70mm"}, {margin_outer_option, "60mm"}},
         "the margins leave less than 1 in of text on a 148mm x 210mm page"},
        {{{bleed_option, "1in"}}, "--bleed 1in: printers ask for 3 mm or 0.125 in; at most 0.5 in"},
    };
    for (const auto& [options, expected] : cases) {
        RecordingDiagnostics diagnostics;
        EXPECT_FALSE(geometry(options, diagnostics)) << expected;
        ASSERT_EQ(diagnostics.error_count(), 1u) << diagnostics.text();
        EXPECT_NE(diagnostics.all[0].message.find(expected), std::string::npos) << diagnostics.all[0].message;
    }
}

// ---------------------------------------------------------------------------------------------
// Images: pixels and the resolution they print at

std::uint32_t crc32(std::string_view bytes) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (unsigned char c : bytes) {
        crc ^= c;
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

void put32(std::string& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>(value >> shift & 0xFF);
}

void chunk(std::string& png, const char* type, const std::string& data) {
    put32(png, static_cast<std::uint32_t>(data.size()));
    const std::string typed = type + data;
    png += typed;
    put32(png, crc32(typed));
}

// A real grey PNG (a dark frame on white, zlib's stored blocks), with a pHYs chunk when `dpi` > 0.
std::string grey_png(unsigned width, unsigned height, double dpi = 0) {
    std::string png = "\x89PNG\r\n\x1a\n";
    std::string header;
    put32(header, width);
    put32(header, height);
    header += std::string("\x08\x00\x00\x00\x00", 5);  // 8-bit grey
    chunk(png, "IHDR", header);
    if (dpi > 0) {
        std::string phys;
        const auto per_metre = static_cast<std::uint32_t>(std::lround(dpi / 0.0254));
        put32(phys, per_metre);
        put32(phys, per_metre);
        phys += '\x01';
        chunk(png, "pHYs", phys);
    }
    std::string raw;
    for (unsigned y = 0; y < height; ++y) {
        raw += '\0';  // no filter
        for (unsigned x = 0; x < width; ++x)
            raw += (x < 4 || y < 4 || x + 4 >= width || y + 4 >= height) ? '\x20' : '\xF0';
    }
    std::string z = "\x78\x01";
    std::uint32_t a = 1, b = 0;
    for (unsigned char c : raw) {
        a = (a + c) % 65521;
        b = (b + a) % 65521;
    }
    for (std::size_t at = 0; at < raw.size() || at == 0; at += 65535) {
        const std::size_t n = std::min<std::size_t>(65535, raw.size() - at);
        z += static_cast<char>(at + n >= raw.size() ? 1 : 0);
        z += static_cast<char>(n & 0xFF);
        z += static_cast<char>(n >> 8);
        z += static_cast<char>(~n & 0xFF);
        z += static_cast<char>(~n >> 8 & 0xFF);
        z += raw.substr(at, n);
        if (n == 0) break;
    }
    put32(z, b << 16 | a);
    chunk(png, "IDAT", z);
    chunk(png, "IEND", "");
    return png;
}

std::optional<ImagePixels> pixels_of(const std::string& bytes) {
    std::istringstream in(bytes);
    return read_image_pixels(in);
}

TEST(PrintImageResolution, ReadsPngJpegAndGifSizes) {
    const auto plain = pixels_of(grey_png(341, 20));
    ASSERT_TRUE(plain);
    EXPECT_EQ(plain->width, 341u);
    EXPECT_EQ(plain->height, 20u);
    EXPECT_EQ(plain->dpi, 0);
    const auto stated = pixels_of(grey_png(30, 10, 300));
    ASSERT_TRUE(stated);
    EXPECT_NEAR(stated->dpi, 300, 0.1);

    // SOI, a JFIF APP0 of 150 dots per inch, a baseline frame header 640 wide and 480 high.
    const std::string jpeg = std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x01\x00\x96\x00\x96\x00\x00", 20) +
                             std::string("\xFF\xC0\x00\x11\x08\x01\xE0\x02\x80\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01", 19);
    const auto photo = pixels_of(jpeg);
    ASSERT_TRUE(photo);
    EXPECT_EQ(photo->width, 640u);
    EXPECT_EQ(photo->height, 480u);
    EXPECT_EQ(photo->dpi, 150);

    const auto gif = pixels_of(std::string("GIF89a\x20\x01\x10\x00", 10));
    ASSERT_TRUE(gif);
    EXPECT_EQ(gif->width, 288u);
    EXPECT_EQ(gif->height, 16u);

    EXPECT_FALSE(pixels_of("not an image"));
    EXPECT_FALSE(pixels_of(grey_png(10, 10).substr(0, 12)));  // cut inside IHDR
}

TEST(PrintImageResolution, PrintedWidthIsTheAttributeOrTheNaturalSizeFittedToTheColumn) {
    EXPECT_DOUBLE_EQ(printed_width({341, 20, 0}, "", 341), 341);      // 72 dpi natural: full width
    EXPECT_DOUBLE_EQ(printed_width({1422, 20, 0}, "", 341), 341);     // wider: scaled down
    EXPECT_DOUBLE_EQ(printed_width({300, 20, 300}, "", 341), 72);     // 1 in at 300 dpi
    EXPECT_DOUBLE_EQ(printed_width({300, 20, 300}, "50%", 340), 170);
    EXPECT_DOUBLE_EQ(printed_width({300, 20, 300}, "2in", 340), 144);
    EXPECT_DOUBLE_EQ(printed_width({300, 20, 300}, "180px", 340), 144);  // docbook-xsl's 90 pixels an inch
    EXPECT_DOUBLE_EQ(printed_width({300, 20, 300}, "180", 340), 144);
    EXPECT_DOUBLE_EQ(printed_width({300, 20, 300}, "10em", 340), 0);  // not known
}

Article article_with_images(const std::vector<std::string>& names) {
    Article article;
    article.id = "plates";
    article.source = "plates.md";
    article.title = {Inline::plain("Plates")};
    for (const auto& name : names) {
        Inline image;
        image.kind = Inline::Kind::image;
        image.target = name;
        image.text = name;
        Block figure;
        figure.kind = Block::Kind::figure;
        figure.children = {Block::paragraph(std::vector<Inline>{image})};
        figure.caption = {Inline::plain("Plate " + name)};
        article.introduction.push_back(figure);
    }
    return article;
}

TEST(PrintImageResolution, WarnsOfImagesUnder300DpiNamingArticleImageAndDpi) {
    Resources resources;
    resources.add(memory_resource("coarse.png", "image/png", grey_png(341, 40)));   // 72 dpi across the column
    resources.add(memory_resource("fine.png", "image/png", grey_png(1422, 40)));    // 300 dpi across it
    resources.add(memory_resource("stated.png", "image/png", grey_png(300, 40, 300)));  // 1 in at 300 dpi
    RecordingDiagnostics diagnostics;
    warn_low_resolution_images(article_with_images({"coarse.png", "fine.png", "stated.png", "elsewhere.png"}),
                               &resources, 341.3, diagnostics);
    ASSERT_EQ(diagnostics.warning_count(), 1u) << diagnostics.text();
    EXPECT_EQ(diagnostics.all[0].file, "plates.md");
    EXPECT_EQ(diagnostics.all[0].message,
              "article 'plates': image 'coarse.png' prints at 72 dpi (341 pixels across 120 mm); print needs 300 dpi:"
              " it will look soft or jagged");
}

// ---------------------------------------------------------------------------------------------
// Real renders

std::string pdf_info(const std::filesystem::path& pdf, bool boxes = false) {
    std::vector<std::string> arguments{"pdfinfo"};
    if (boxes) arguments.push_back("-box");
    arguments.push_back(pdf.string());
    const auto run = test::run_command(arguments);
    EXPECT_EQ(run.exit_code, 0) << run.output;
    return run.output;
}

int page_count(const std::filesystem::path& pdf) {
    std::smatch m;
    const auto info = pdf_info(pdf);
    return std::regex_search(info, m, std::regex(R"(Pages:\s+(\d+))")) ? std::stoi(m[1]) : 0;
}

std::string page_text(const std::filesystem::path& pdf, int page) {
    const auto run = test::run_command(
        {"pdftotext", "-enc", "UTF-8", "-f", std::to_string(page), "-l", std::to_string(page), pdf.string(), "-"});
    EXPECT_EQ(run.exit_code, 0) << run.output;
    // Lines joined: titles wrap on a narrow page.
    std::string text;
    for (char c : run.output) {
        const bool space = c == ' ' || c == '\n' || c == '\f' || c == '\t';
        if (!space) text += c;
        else if (!text.empty() && text.back() != ' ') text += ' ';
    }
    if (!text.empty() && text.back() == ' ') text.pop_back();
    return text;
}

bool blank(const std::string& text) {
    return text.find_first_not_of(" \t\r\n\f") == std::string::npos;
}

std::vector<Block> paragraphs(int count) {
    std::vector<Block> blocks;
    for (int i = 0; i < count; ++i)
        blocks.push_back(Block::paragraph(
            "Paragraph " + std::to_string(i + 1) +
            " of a chapter whose length decides whether the next chapter needs a blank page before it: the "
            "printer binds the book, and every chapter opens on a right-hand page, as books have long done."));
    return blocks;
}

Article chapter(const std::string& id, const std::string& title, int length) {
    Article article;
    article.id = id;
    article.title = {Inline::plain(title)};
    article.introduction = paragraphs(length);
    return article;
}

struct Rendered {
    std::filesystem::path pdf;
    RecordingDiagnostics diagnostics;
    Status status = Status::failed;
};

// Renders `book` through print.xsl and FOP with the given options into dir/book.pdf.
void render(const Book& book, const Options& options, const std::filesystem::path& dir, Rendered& out,
            const Resources* resources = nullptr) {
    const std::string stylesheet = fascicle::test::read_file(FASCICLE_PDF_TEST_DIR "/../print.xsl");
    PdfWriter writer(stylesheet);
    out.pdf = dir / "book.pdf";
    fascicle::test::FileOutput output(out.pdf);
    out.status = fascicle::test::write_book(writer, book, output, out.diagnostics, options, false, resources);
    output.close();
}

Book one_article_book() {
    Book book;
    book.metadata.title = "Trim";
    book.metadata.language = "en";
    book.articles = {chapter("only", "Only chapter", 1)};
    return book;
}

class TrimSize : public ::testing::TestWithParam<std::tuple<const char*, double, double>> {};

// pdfinfo reads the page size FOP wrote for each named trim size. The book has no metadata but
// its title: its copyright page names nothing but the tools.
TEST_P(TrimSize, IsThePdfsPageSizeAndTheCopyrightPageInventsNothing) {
    const auto& [paper, width, height] = GetParam();
    TempDir dir;
    Rendered rendered;
    render(one_article_book(), {{paper_option, paper}}, dir.path(), rendered);
    ASSERT_EQ(rendered.status, Status::ok) << rendered.diagnostics.text();
    EXPECT_EQ(rendered.diagnostics.warning_count(), 0u) << rendered.diagnostics.text();  // FOP's among them
    std::smatch m;
    const auto info = pdf_info(rendered.pdf);
    ASSERT_TRUE(std::regex_search(info, m, std::regex(R"(Page size:\s+([0-9.]+) x ([0-9.]+) pts)"))) << info;
    EXPECT_NEAR(std::stod(m[1]), width, 0.05) << info;
    EXPECT_NEAR(std::stod(m[2]), height, 0.05) << info;
    EXPECT_EQ(page_text(rendered.pdf, 4), "Typeset with Fascicle, the DocBook XSL stylesheets and Apache FOP.");
}

INSTANTIATE_TEST_SUITE_P(PrintBook, TrimSize,
                         ::testing::Values(std::make_tuple("a4", 595.28, 841.89), std::make_tuple("letter", 612.0, 792.0),
                                           std::make_tuple("a5", 419.53, 595.28), std::make_tuple("b5", 498.9, 708.66),
                                           std::make_tuple("royal", 442.2, 663.31),
                                           std::make_tuple("5x8in", 360.0, 576.0),
                                           std::make_tuple("5.5x8.5in", 396.0, 612.0),
                                           std::make_tuple("6x9in", 432.0, 648.0)),
                         [](const auto& info) {
                             std::string name = std::get<0>(info.param);
                             for (auto& c : name)
                                 if (c == '.') c = '_';
                             return name;
                         });

// A 6x9in book of chapters of 1, 12, 2 and 5 paragraphs (some end on a right-hand page, so the
// next needs a blank page), with full metadata, a 72 dpi and a 300 dpi image.
TEST(PrintBook, ChaptersOpenOnRightHandPagesAfterBlankOnesAndTheCopyrightPageTellsTheMetadata) {
    Book book;
    book.metadata.title = "Bound Pages";
    book.metadata.language = "en";
    book.metadata.set("author", "Ada Printer");
    book.metadata.rights = "Copyright 2024 Ada Printer. All rights reserved.";
    book.metadata.publisher = "Quire House";
    book.metadata.identifier = "978-0-00-000000-2";
    book.metadata.identifier_scheme = "ISBN";
    book.metadata.date = "2024-03-01";
    book.articles = {chapter("one", "Chapter One Title", 1), chapter("two", "Second Chapter Title", 12),
                     chapter("three", "Third Chapter Title", 2), chapter("four", "Fourth Chapter Title", 5)};
    auto plates = article_with_images({"coarse.png", "fine.png", "half.png"});
    // Half the column's width (as CSS has it): 711 pixels across 2.37 in, 300 dpi.
    plates.introduction[2].children[0].inlines[0].attributes.pairs = {{"width", "50%"}};
    for (const auto& plate : plates.introduction) book.articles[1].introduction.push_back(plate);
    Resources resources;
    resources.add(memory_resource("coarse.png", "image/png", grey_png(341, 40)));
    resources.add(memory_resource("fine.png", "image/png", grey_png(1422, 40)));
    resources.add(memory_resource("half.png", "image/png", grey_png(711, 40)));

    TempDir dir;
    Rendered rendered;
    render(book, {{paper_option, "6x9in"}}, dir.path(), rendered, &resources);
    ASSERT_EQ(rendered.status, Status::ok) << rendered.diagnostics.text();
    // One warning: the 72 dpi image, and nothing of the 300 dpi one.
    ASSERT_EQ(rendered.diagnostics.warning_count(), 1u) << rendered.diagnostics.text();
    EXPECT_NE(rendered.diagnostics.all[0].message.find("article 'two': image 'coarse.png' prints at 72 dpi"),
              std::string::npos)
        << rendered.diagnostics.text();

    // pdfimages measures what FOP printed: the coarse image at 72 ppi, the fine and half-width
    // ones at 300.
    const auto images = test::run_command({"pdfimages", "-list", rendered.pdf.string()});
    ASSERT_EQ(images.exit_code, 0) << images.output;
    std::vector<int> ppi;
    const std::regex image_line(R"(^\s*\d+\s+\d+\s+image\s+(\d+)\s+\d+\s+\S+\s+\d+\s+\d+\s+\S+\s+\S+\s+\d+\s+\d+\s+(\d+))");
    std::istringstream lines(images.output);
    for (std::string line; std::getline(lines, line);)
        if (std::smatch m; std::regex_search(line, m, image_line)) ppi.push_back(std::stoi(m[2]));
    ASSERT_EQ(ppi.size(), 3u) << images.output;
    EXPECT_NEAR(ppi[0], 72, 1) << images.output;
    EXPECT_NEAR(ppi[1], 300, 2) << images.output;
    EXPECT_NEAR(ppi[2], 300, 2) << images.output;

    const int pages = page_count(rendered.pdf);
    ASSERT_GT(pages, 10);
    std::vector<std::string> text(static_cast<std::size_t>(pages) + 1);
    for (int p = 1; p <= pages; ++p) text[static_cast<std::size_t>(p)] = page_text(rendered.pdf, p);

    // The half title, its blank back, the title page, the copyright page.
    EXPECT_NE(text[1].find("Bound Pages"), std::string::npos) << text[1];
    EXPECT_EQ(text[1].find("Ada Printer"), std::string::npos) << text[1];
    EXPECT_TRUE(blank(text[2])) << text[2];
    EXPECT_NE(text[3].find("Ada Printer"), std::string::npos) << text[3];
    for (const char* shown : {"Copyright 2024 Ada Printer. All rights reserved.", "Published by Quire House, 2024-03-01",
                              "ISBN 978-0-00-000000-2",
                              "Typeset with Fascicle, the DocBook XSL stylesheets and Apache FOP."})
        EXPECT_NE(text[4].find(shown), std::string::npos) << shown << "\n" << text[4];

    // Every chapter starts on an odd page; the page before it is the previous chapter's last or
    // a blank one without running head or page number.
    const std::array<const char*, 4> titles = {"Chapter One Title", "Second Chapter Title", "Third Chapter Title",
                                               "Fourth Chapter Title"};
    std::vector<int> starts;
    for (std::size_t c = 0; c < titles.size(); ++c) {
        const std::string heading = "Chapter " + std::to_string(c + 1) + ". " + titles[c];
        for (int p = 5; p <= pages; ++p) {
            if (text[static_cast<std::size_t>(p)].find(heading) != std::string::npos) {
                starts.push_back(p);
                break;
            }
        }
        ASSERT_EQ(starts.size(), c + 1) << "no page starts with " << heading;
        EXPECT_EQ(starts.back() % 2, 1) << heading << " starts on page " << starts.back();
    }
    int blanks = 0;
    for (int p = starts.front(); p <= pages; ++p) {
        const auto& page = text[static_cast<std::size_t>(p)];
        if (blank(page)) {
            ++blanks;
            EXPECT_EQ(p % 2, 0) << "blank page " << p << " is a right-hand page";
            continue;
        }
        const bool first = std::find(starts.begin(), starts.end(), p) != starts.end();
        if (first) continue;
        // Running heads: the book's title on the left, the chapter's on the right.
        const auto chapter_index = static_cast<std::size_t>(
            std::upper_bound(starts.begin(), starts.end(), p) - starts.begin() - 1);
        if (p % 2 == 0) EXPECT_EQ(page.rfind("Bound Pages", 0), 0u) << "page " << p << ":\n" << page;
        else EXPECT_EQ(page.rfind(titles[chapter_index], 0), 0u) << "page " << p << ":\n" << page;
    }
    EXPECT_GE(blanks, 1) << "no chapter needed a blank page before it: the test book no longer tests that";
}

// The rows of pixels darker than mid-grey in a box of page `page` rendered at 72 dpi (pdftoppm
// renders the MediaBox): how many.
int ink(const std::filesystem::path& pdf, int page, int x, int y, int w, int h, const std::filesystem::path& root) {
    const auto run = test::run_command({"pdftoppm", "-r", "72", "-gray", "-singlefile", "-f", std::to_string(page), "-l",
                                        std::to_string(page), "-x", std::to_string(x), "-y", std::to_string(y), "-W",
                                        std::to_string(w), "-H", std::to_string(h), pdf.string(), root.string()});
    EXPECT_EQ(run.exit_code, 0) << run.output;
    std::istringstream pgm(fascicle::test::read_file(root.string() + ".pgm"));
    std::string magic;
    int width = 0, height = 0, maximum = 0;
    pgm >> magic >> width >> height >> maximum;
    pgm.get();
    int dark = 0;
    for (char pixel; pgm.get(pixel);)
        if (static_cast<unsigned char>(pixel) < maximum / 2) ++dark;
    return dark;
}

// --bleed and --crop-marks: FOP writes the boxes (pdfinfo -box); the marks are drawn outside the
// bleed at each corner of every page, blank ones included, and nowhere inside the bleed.
TEST(PrintBook, BleedAndCropMarks) {
    Book book = one_article_book();
    book.articles.push_back(chapter("next", "Next", 1));  // a blank page between the two
    TempDir dir;
    Rendered rendered;
    render(book, {{paper_option, "6x9in"}, {bleed_option, "3mm"}, {crop_marks_option, "true"}}, dir.path(), rendered);
    ASSERT_EQ(rendered.status, Status::ok) << rendered.diagnostics.text();
    EXPECT_EQ(rendered.diagnostics.warning_count(), 0u) << rendered.diagnostics.text();  // FOP took the marks' SVG
    const auto boxes = pdf_info(rendered.pdf, true);
    EXPECT_NE(boxes.find("TrimBox:             0.00     0.00   432.00   648.00"), std::string::npos) << boxes;
    EXPECT_NE(boxes.find("BleedBox:           -8.50    -8.50   440.50   656.50"), std::string::npos) << boxes;
    EXPECT_NE(boxes.find("MediaBox:          -36.85   -36.85   468.85   684.85"), std::string::npos) << boxes;

    const int pages = page_count(rendered.pdf);
    ASSERT_GE(pages, 8);
    // In the rendered media box (505.7 x 721.7 points), the trim's corners are at 36.85 from its
    // edges: marks lie in the 28 points outside the bleed; the bleed itself stays white.
    for (int p = 1; p <= pages; ++p) {
        EXPECT_GT(ink(rendered.pdf, p, 0, 0, 28, 40, dir / "tl"), 5) << "no mark at page " << p << "'s top left";
        EXPECT_GT(ink(rendered.pdf, p, 465, 680, 40, 41, dir / "br"), 5) << "no mark at page " << p
                                                                          << "'s bottom right";
        EXPECT_EQ(ink(rendered.pdf, p, 29, 29, 7, 7, dir / "bleed"), 0) << "ink in page " << p << "'s bleed";
    }
}

}  // namespace
}  // namespace fascicle::pdf
