// Every character prints: the font fallback chain, missing glyphs traced to their articles, the
// tagged PDF, and PDF/X. Three FOP renders in all: one book with an article per script (and a
// figure, and a character no font has, allowed), the same character not allowed, and PDF/X.
#include "pdf_test_support.hpp"
#include "pdf_writer.hpp"
#include "print_font_runs.hpp"
#include "print_fonts.hpp"
#include "print_missing_glyphs.hpp"
#include "print_pdf_standards.hpp"

#include <feature_book.hpp>
#include <test_support.hpp>

#include <gtest/gtest.h>
#include <utf8proc.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <cmath>
#include <map>
#include <regex>
#include <sstream>

namespace fascicle::pdf {
namespace {

using fascicle::test::RecordingDiagnostics;
using fascicle::test::TempDir;

// ---------------------------------------------------------------------------------------------
// The pieces

TEST(PdfGlyphs, FopsMissingGlyphWarningGivesTheCodePoint) {
    EXPECT_EQ(missing_glyph_in("[WARN] FOUserAgent - Glyph \"\xEE\x80\x80\" (0xe000) not available in font "
                               "\"LiberationSerif\"."),
              char32_t{0xE000});
    EXPECT_EQ(missing_glyph_in("[WARN] FOUserAgent - Glyph \"x\" (0x1F600) not available in font \"Symbola\"."),
              char32_t{0x1F600});
    EXPECT_FALSE(missing_glyph_in("[WARN] FOUserAgent - Font \"Symbol,normal,700\" not found."));
    EXPECT_FALSE(missing_glyph_in("[WARN] FOUserAgent - Glyph \"x\" (0x) not available in font \"F\"."));
    EXPECT_EQ(code_point_name(0xE000), "U+E000");
    EXPECT_EQ(code_point_name(0x41), "U+0041");
    EXPECT_EQ(code_point_name(0x1F600), "U+1F600");
}

TEST(PdfGlyphs, CharactersAreTracedToTheirArticlesAndLines) {
    TempDir dir;
    fascicle::test::write_file(dir / "a.md", "# Title\n\nplain\n\ncaf\xC3\xA9 and \xEE\x80\x80\n");
    CharacterSources sources;
    sources.add({}, "The book \xC3\xA9");
    sources.add({"a", dir / "a.md"}, "<para>caf\xC3\xA9 and \xEE\x80\x80</para>");
    sources.add({"b", {}}, "<para>only ASCII</para>");
    const auto e_acute = sources.places_of(0xE9);
    ASSERT_EQ(e_acute.size(), 2u);
    EXPECT_EQ(e_acute[0].article_id, "");
    EXPECT_EQ(e_acute[1].article_id, "a");
    ASSERT_EQ(sources.places_of(0xE000).size(), 1u);
    EXPECT_TRUE(sources.places_of('a').empty());  // ASCII is never looked for
    EXPECT_EQ(line_of(dir / "a.md", 0xE000), 5u);
    EXPECT_EQ(line_of(dir / "a.md", 0x4E00), 0u);
    EXPECT_EQ(line_of(dir / "missing.md", 0xE000), 0u);

    RecordingDiagnostics diagnostics;
    EXPECT_FALSE(report_missing_glyphs({0xE000}, sources, "Liberation Serif, Symbola", {"fonts-nanum"}, false,
                                       diagnostics));
    ASSERT_EQ(diagnostics.error_count(), 1u) << diagnostics.text();
    EXPECT_EQ(diagnostics.all[0].file, (dir / "a.md").string());
    EXPECT_EQ(diagnostics.all[0].line, 5u);
    EXPECT_NE(diagnostics.all[0].message.find("article 'a': character U+E000 '\xEE\x80\x80' has no glyph in any "
                                              "of the PDF's fonts (Liberation Serif, Symbola); not installed: "
                                              "fonts-nanum"),
              std::string::npos)
        << diagnostics.text();
    RecordingDiagnostics allowed;
    EXPECT_TRUE(report_missing_glyphs({0xE000, 0x10FFFD}, sources, "F", {}, true, allowed));
    EXPECT_EQ(allowed.error_count(), 0u);
    ASSERT_EQ(allowed.warning_count(), 2u) << allowed.text();
    EXPECT_NE(allowed.all[1].message.find("U+10FFFD"), std::string::npos);  // in no article: no place
    EXPECT_EQ(allowed.all[1].file, "");
}

TEST(PdfFonts, TheChainNamesThePackagesOfMissingFonts) {
    TempDir root;  // no fonts at all
    const auto none = find_fallback_chain(root.path());
    EXPECT_TRUE(none.fonts.empty());
    EXPECT_EQ(none.missing_packages,
              (std::vector<std::string>{"fonts-noto-core", "fonts-droid-fallback", "fonts-nanum", "fonts-symbola"}));
    fascicle::test::write_file(root / "usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf", "");
    const auto symbola = find_fallback_chain(root.path());
    ASSERT_EQ(symbola.fonts.size(), 1u);
    EXPECT_EQ(font_family_list("Liberation Serif", symbola), "Liberation Serif, Symbola");
    const auto xconf = fop_configuration({}, symbola, "      <pdf-x-mode>PDF/X-4</pdf-x-mode>\n");
    EXPECT_NE(xconf.find("<accessibility>true</accessibility>"), std::string::npos) << xconf;
    EXPECT_NE(xconf.find("<pdf-x-mode>PDF/X-4</pdf-x-mode>"), std::string::npos) << xconf;
    EXPECT_NE(xconf.find("<font-triplet name=\"Symbola\" style=\"italic\" weight=\"bold\"/>"), std::string::npos)
        << xconf;

    // The real machine has the whole chain (scripts/install-deps.sh).
    const auto installed = find_fallback_chain();
    EXPECT_TRUE(installed.missing_packages.empty()) << "install: " << installed.missing_packages.front();
}

TEST(PdfFonts, CoverageComesFromTheFontsCharacterMap) {
    const auto liberation = FontCoverage::read("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf");
    ASSERT_TRUE(liberation) << "fonts-liberation2 (scripts/install-deps.sh)";
    EXPECT_TRUE(liberation->has('A'));
    EXPECT_TRUE(liberation->has(0xE9));     // é
    EXPECT_TRUE(liberation->has(0x5D0));    // א
    EXPECT_FALSE(liberation->has(0x65E5));  // 日
    EXPECT_FALSE(liberation->has(0xE000));
    const auto droid = FontCoverage::read("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");
    ASSERT_TRUE(droid) << "fonts-droid-fallback (scripts/install-deps.sh)";
    EXPECT_TRUE(droid->has(0x65E5));
    EXPECT_FALSE(droid->has(0x2F47));  // the Kangxi radical ⽇: not mapped to the ideograph's glyph
    const auto symbola = FontCoverage::read("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf");
    ASSERT_TRUE(symbola) << "fonts-symbola (scripts/install-deps.sh)";
    EXPECT_TRUE(symbola->has(0x1F600));  // beyond the BMP: cmap format 12
    TempDir dir;
    fascicle::test::write_file(dir / "not-a-font.ttf", "hello");
    EXPECT_FALSE(FontCoverage::read(dir / "not-a-font.ttf"));
}

TEST(PdfFonts, RunsTheTextFontLacksGetTheirFallbackFontWhereAnInlineMayGo) {
    const auto liberation = *FontCoverage::read("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf");
    const std::vector<RunFont> chain{
        {"Droid Sans Fallback", *FontCoverage::read("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")},
        {"Symbola", *FontCoverage::read("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf")}};
    const std::string fo =
        "<?xml version=\"1.0\"?>\n<fo:root xmlns:fo=\"http://www.w3.org/1999/XSL/Format\">"
        "<fo:declarations><x:xmpmeta><dc:title>\xE6\x97\xA5</dc:title></x:xmpmeta></fo:declarations>"
        "<fo:bookmark-tree><fo:bookmark><fo:bookmark-title>\xE6\x97\xA5</fo:bookmark-title></fo:bookmark>"
        "</fo:bookmark-tree>"
        "<fo:block title=\"\xE6\x97\xA5\">A \xE6\x97\xA5\xE6\x9C\xAC x &amp; \xE6\x97\xA5&#x20;\xF0\x9F\x98\x80 "
        "caf\xC3\xA9 \xEE\x80\x80<!-- \xE6\x97\xA5 --><fo:block/></fo:block>"
        "<fo:instream-foreign-object><m:mi>\xE6\x97\xA5</m:mi></fo:instream-foreign-object></fo:root>";
    std::istringstream in(fo);
    std::ostringstream out;
    ASSERT_TRUE(wrap_fallback_runs(in, out, liberation, chain, "Liberation Serif, Symbola"));
    const std::string open = "<fo:inline hyphenate=\"false\" hyphenation-character=\" \" font-family=\"";
    EXPECT_EQ(out.str(),
              "<?xml version=\"1.0\"?>\n<fo:root xmlns:fo=\"http://www.w3.org/1999/XSL/Format\">"
              "<fo:declarations><x:xmpmeta><dc:title>\xE6\x97\xA5</dc:title></x:xmpmeta></fo:declarations>"
              "<fo:bookmark-tree><fo:bookmark><fo:bookmark-title>\xE6\x97\xA5</fo:bookmark-title></fo:bookmark>"
              "</fo:bookmark-tree>"
              "<fo:block title=\"\xE6\x97\xA5\">A " + open + "Droid Sans Fallback, Liberation Serif, Symbola\">"
              "\xE6\x97\xA5\xE6\x9C\xAC </fo:inline>x &amp; " + open + "Droid Sans Fallback, Liberation Serif, Symbola\">"
              "\xE6\x97\xA5</fo:inline>&#x20;\xF0\x9F\x98\x80 caf\xC3\xA9 \xEE\x80\x80<!-- \xE6\x97\xA5 --><fo:block/></fo:block>"
              "<fo:instream-foreign-object><m:mi>\xE6\x97\xA5</m:mi></fo:instream-foreign-object></fo:root>");
}

TEST(PdfStandards, OptionsAreCheckedBeforeAnyWork) {
    RecordingDiagnostics diagnostics;
    EXPECT_FALSE(pdf_standards_from({{pdf_a_option, "4z"}, {pdf_x_option, "5"}}, diagnostics));
    ASSERT_EQ(diagnostics.error_count(), 2u) << diagnostics.text();
    EXPECT_NE(diagnostics.all[0].message.find("--pdf-a must be one of 1a, 1b"), std::string::npos);
    EXPECT_NE(diagnostics.all[1].message.find("--pdf-x must be 3 (PDF/X-3:2003) or 4 (PDF/X-4), not '5'"),
              std::string::npos);

    RecordingDiagnostics missing_profile;
    EXPECT_FALSE(pdf_standards_from({{pdf_x_option, "4"}}, missing_profile, "/no/such/profile.icc"));
    ASSERT_EQ(missing_profile.error_count(), 1u);
    EXPECT_NE(missing_profile.all[0].message.find("apt-get install libgs-common"), std::string::npos);

    RecordingDiagnostics fine;
    const auto standards = pdf_standards_from({{pdf_a_option, "2b"}, {pdf_ua_option, "true"}, {pdf_x_option, "3"}},
                                              fine);
    ASSERT_TRUE(standards) << fine.text();
    EXPECT_EQ(standards->pdf_a, "PDF/A-2b");
    EXPECT_EQ(standards->pdf_ua, "PDF/UA-1");
    EXPECT_EQ(standards->pdf_x, "PDF/X-3:2003");
    EXPECT_EQ(standards->output_profile, default_output_profile);
    EXPECT_NE(renderer_settings(*standards).find("<output-profile>file:///usr/share/color/icc/ghostscript/"
                                                 "default_cmyk.icc</output-profile>"),
              std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// The renders

struct Script {
    const char* name;
    const char* text;            // every character of it must be in the PDF's text
    std::vector<const char*> fonts;  // the fonts (as pdffonts names them) that print it
    bool shaped = false;  // compared under NFKC: shaped letters come out as presentation forms
    bool right_to_left = false;  // its words and their letters must also read in the order written
};

const std::vector<Script>& scripts() {
    static const std::vector<Script> all{
        {"latin", "\xC3\x86r\xC3\xB8sk\xC3\xB8" "bing fa\xC3\xA7" "ade \xC5\x81\xC3\xB3" "d\xC5\xBA", {"LiberationSerif"}},
        {"greek", "\xCE\x95\xCE\xBB\xCE\xBB\xCE\xB7\xCE\xBD\xCE\xB9\xCE\xBA\xCE\xAC", {"LiberationSerif"}},
        {"cyrillic", "\xD0\xA0\xD1\x83\xD1\x81\xD1\x81\xD0\xBA\xD0\xB8\xD0\xB9", {"LiberationSerif"}},
        {"cjk", "x \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xAE\xE3\x83\x86\xE3\x82\xAD\xE3\x82\xB9\xE3\x83\x88 "
                "\xE4\xB8\xAD\xE6\x96\x87 \xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4 x",
         {"DroidSansFallback", "NanumMyeongjo"}},
        {"arabic", "\xD8\xA7\xD9\x84\xD9\x84\xD8\xBA\xD8\xA9 \xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9",
         {"NotoSansArabic-Regular"}, true, true},  // اللغة العربية
        {"hebrew", "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xD7\xA2\xD7\x95\xD7\x9C\xD7\x9D", {"LiberationSerif"}, false,
         true},  // שלום עולם
        {"symbols", "\xE2\x98\x83 \xE2\x9A\x93 \xE2\x99\xBB", {"NotoSansSymbols-Regular"}},
        {"emoji", "\xF0\x9F\x98\x80 \xF0\x9F\x90\x8D", {"Symbola"}},
    };
    return all;
}

// The code points of a UTF-8 string, as UTF-8 strings, spaces left out.
std::vector<std::string> characters_of(const std::string& text) {
    std::vector<std::string> out;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t length = 1;
        const auto lead = static_cast<unsigned char>(text[at]);
        if (lead >= 0xF0) length = 4;
        else if (lead >= 0xE0) length = 3;
        else if (lead >= 0xC0) length = 2;
        if (text[at] != ' ') out.push_back(text.substr(at, length));
        at += length;
    }
    return out;
}

// An article whose source file (written into `dir`) holds `text` on its third line.
Article script_article(const std::string& id, const std::string& text, const std::filesystem::path& dir) {
    const auto source = dir / (id + ".md");
    fascicle::test::write_file(source, "# " + id + "\n\n" + text + "\n");
    Article a;
    a.id = id;
    a.source = source;
    a.title = title_inlines("The " + id + " script");
    a.introduction = {Block::paragraph(text)};
    return a;
}

const char* private_use = "\xEE\x80\x80";  // U+E000: no font has it

struct Render {
    Status status = Status::failed;
    RecordingDiagnostics diagnostics;
    std::filesystem::path pdf;
    double seconds = 0;
};

void render(Render& out, const Book& book, const Options& extra, const std::filesystem::path& dir,
            const Resources* resources = nullptr) {
    static const std::string stylesheet = fascicle::test::read_file(FASCICLE_PDF_TEST_DIR "/../print.xsl");
    PdfWriter writer(stylesheet);
    out.pdf = dir / "book.pdf";
    fascicle::test::FileOutput output(out.pdf);
    Options options = extra;
    options[print_work_dir_option] = (dir / "work").string();
    const auto start = std::chrono::steady_clock::now();
    out.status = fascicle::test::write_book(writer, book, output, out.diagnostics, options, false, resources);
    output.close();
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string tool(const std::vector<std::string>& arguments) {
    const auto run = test::run_command(arguments);
    EXPECT_EQ(run.exit_code, 0) << arguments.front() << " failed:\n" << run.output;
    return run.output;
}

// Every font pdffonts lists is embedded ("emb" yes); the names of the fonts, subset prefix dropped.
std::vector<std::string> embedded_fonts(const std::string& pdffonts) {
    std::vector<std::string> names;
    std::istringstream lines(pdffonts);
    std::string line;
    std::getline(lines, line);
    std::getline(lines, line);  // the two header lines
    while (std::getline(lines, line)) {
        std::istringstream fields(line);
        std::string name;
        fields >> name;
        const auto plus = name.find('+');
        names.push_back(plus == std::string::npos ? name : name.substr(plus + 1));
        EXPECT_NE(line.find(" yes yes yes "), std::string::npos) << "not embedded (emb sub uni): " << line;
    }
    return names;
}

// `text` under NFKC: FOP's ToUnicode map gives shaped Arabic letters as their presentation forms.
std::string nfkc(const std::string& text) {
    utf8proc_uint8_t* normalized = utf8proc_NFKC(reinterpret_cast<const utf8proc_uint8_t*>(text.c_str()));
    if (!normalized) return text;
    std::string out(reinterpret_cast<char*>(normalized));
    std::free(normalized);
    return out;
}

// Whether `text` holds an Arabic presentation form (U+FB50...U+FDFF, U+FE70...U+FEFF): letters
// FOP shaped (joined), not printed in their isolated forms.
bool has_arabic_presentation_forms(const std::string& text) {
    for (std::size_t at = 0; at + 2 < text.size(); ++at) {
        const auto b0 = static_cast<unsigned char>(text[at]), b1 = static_cast<unsigned char>(text[at + 1]);
        if (b0 == 0xEF && ((b1 >= 0xAD && b1 <= 0xB7) || (b1 >= 0xB9 && b1 <= 0xBB))) return true;
    }
    return false;
}

// A script's check: every character in the PDF's text, and the fonts that print it embedded.
// Reported on a line of its own (one FOP render serves all the scripts: ctest runs each test in a
// process of its own, so a fixture shared by several tests would render once per test).
void check_script(const Script& script, const std::string& text, const std::string& pdffonts) {
    SCOPED_TRACE(std::string("script ") + script.name);
    std::size_t found = 0;
    const auto characters = characters_of(script.text);
    for (const auto& c : characters) {
        if (text.find(c) != std::string::npos) ++found;
        else ADD_FAILURE() << script.name << ": '" << c << "' is not in the PDF's text";
    }
    const auto fonts = embedded_fonts(pdffonts);
    std::string shown;
    for (const char* font : script.fonts) {
        if (std::find(fonts.begin(), fonts.end(), font) == fonts.end())
            ADD_FAILURE() << script.name << ": " << font << " is not among the PDF's fonts:\n" << pdffonts;
        shown += std::string(" ") + font;
    }
    std::cout << "[ script ] " << script.name << ": " << found << "/" << characters.size()
              << " characters found by pdftotext; embedded:" << shown << "\n";
    if (!script.right_to_left) return;
    // pdftotext gives right-to-left runs in their logical order, between bidi embedding marks
    // (U+202A-U+202E): without the marks, the words read as written, first word first, letters
    // in order (a run laid out backwards, or words swapped, would not).
    std::string logical;
    for (std::size_t at = 0; at < text.size(); ++at) {
        if (text.compare(at, 2, "\xE2\x80") == 0 && at + 2 < text.size() &&
            static_cast<unsigned char>(text[at + 2]) >= 0xAA && static_cast<unsigned char>(text[at + 2]) <= 0xAE) {
            at += 2;
            continue;
        }
        logical += text[at];
    }
    EXPECT_NE(logical.find(script.text), std::string::npos)
        << script.name << ": '" << script.text << "' does not read in its order in the PDF's text:\n" << logical;
    std::cout << "[ script ] " << script.name << ": '" << script.text << "' reads right to left, as written\n";
}

// The CJK article's line "x 日本語... x": its ideographs sit on the line with the x's, their
// boxes' bottoms (pdftotext -bbox) within 2 points. FOP's own per-character font selection put
// them some 8 points higher (print_font_runs.hpp).
void check_baseline(const std::filesystem::path& pdf, const std::filesystem::path& html) {
    tool({"pdftotext", "-bbox", pdf.string(), html.string()});
    const std::regex word(R"re(<word xMin="[0-9.]+" yMin="[0-9.]+" xMax="[0-9.]+" yMax="([0-9.]+)">([^<]*)</word>)re");
    std::istringstream lines(fascicle::test::read_file(html));
    std::vector<std::pair<double, std::string>> words;
    int page = 0, cjk_page = -1;
    std::size_t cjk = 0;
    for (std::string line; std::getline(lines, line);) {
        if (line.find("<page ") != std::string::npos) ++page;
        std::smatch m;
        if (!std::regex_search(line, m, word)) continue;
        if (page != cjk_page && cjk_page >= 0) continue;
        words.emplace_back(std::stod(m[1]), m[2]);
        if (m[2].str().rfind("\xE6\x97\xA5\xE6\x9C\xAC", 0) == 0) {
            cjk_page = page;
            cjk = words.size() - 1;
        }
    }
    ASSERT_GE(cjk_page, 0) << "no 日本 in the PDF";
    // The x before the ideographs.
    ASSERT_GE(cjk, 1u);
    ASSERT_EQ(words[cjk - 1].second, "x");
    const double shift = words[cjk - 1].first - words[cjk].first;
    std::cout << "[ baseline ] 日本語 sits " << shift << " pt above the x beside it\n";
    EXPECT_LT(std::abs(shift), 2.0);
}

// The tagged PDF: headings, paragraphs, figures, their alt text, the document's language.
void check_tagged(const Render& render) {
    const auto info = tool({"pdfinfo", render.pdf.string()});
    EXPECT_NE(info.find("Tagged:          yes"), std::string::npos) << info;
    const auto structure = tool({"pdfinfo", "-struct", render.pdf.string()});
    std::map<std::string, std::size_t> elements;  // structure types, counted
    std::istringstream lines(structure);
    for (std::string line; std::getline(lines, line);) {
        std::istringstream words(line);
        std::string type;
        words >> type;
        if (!type.empty() && type.back() == ':') type.pop_back();  // "Figure:" before its attributes
        ++elements[type];
    }
    // A chapter title per article (H1), the feature article's section titles (H2).
    EXPECT_GE(elements["H1"], scripts().size() + 2) << structure.substr(0, 3000);
    EXPECT_GE(elements["H2"], 5u) << structure.substr(0, 3000);
    EXPECT_GE(elements["P"], 20u);
    EXPECT_GE(elements["Figure"], 2u);  // the figure's image and the inline one
    std::cout << "[ tagged ] H1 " << elements["H1"] << ", H2 " << elements["H2"] << ", P " << elements["P"]
              << ", Figure " << elements["Figure"] << "\n";
    // pdfinfo does not print alt text: qpdf's JSON of the objects does. The formulas' is their TeX.
    const auto objects = tool({"qpdf", "--json", render.pdf.string()});
    for (const char* alt : {"\"/Alt\": \"u:A wheel and a box: the engine, drawn small\"", "\"/Alt\": \"u:x^2\""})
        EXPECT_NE(objects.find(alt), std::string::npos) << alt;
    EXPECT_NE(objects.find("\"/Lang\": \"u:en\""), std::string::npos) << "no document language";
    // Every figure has its alt text: FOP would have warned of one without.
    for (const auto& d : render.diagnostics.all)
        EXPECT_EQ(d.message.find("Alternate text is missing"), std::string::npos) << d.message;
}

// One book: an article per script, one with a character no font has (allowed: a warning), and
// the feature book's first article (headings, a figure with alt text, formulas, links); as
// PDF/UA-1 and PDF/A-2b.
TEST(PdfScripts, EveryScriptPrintsInEmbeddedFontsInATaggedPdf) {
    TempDir dir;
    fascicle::test::FeatureBook features;
    fascicle::test::make_feature_book(features);
    Book book;
    book.metadata = features.book.metadata;
    book.metadata.language = "en";
    for (const auto& script : scripts()) book.articles.push_back(script_article(script.name, script.text, dir.path()));
    book.articles.push_back(script_article("private", std::string("Unprintable ") + private_use + " here.", dir.path()));
    book.articles.push_back(features.book.articles.at(0));
    Render out;
    // PDF/UA and PDF/A-2b as well: FOP's rules hold for this book (no validator checks it).
    render(out, book, {{allow_missing_glyphs_option, "true"}, {pdf_ua_option, "true"}, {pdf_a_option, "2b"}},
           dir.path(), &features.resources);
    std::cout << "[ time ] the scripts book: " << out.seconds << " s\n";
    ASSERT_EQ(out.status, Status::ok) << out.diagnostics.text();

    const auto raw_text = tool({"pdftotext", out.pdf.string(), "-"});
    const auto text = nfkc(raw_text);
    const auto fonts = tool({"pdffonts", out.pdf.string()});
    check_baseline(out.pdf, dir / "words.html");
    // Only shaped scripts are compared under NFKC, which would also hide a Kangxi radical ⽇
    // standing for the ideograph 日.
    for (const auto& script : scripts()) check_script(script, script.shaped ? text : raw_text, fonts);
    // Arabic is shaped (complex scripts on): its letters joined, in their presentation forms.
    EXPECT_TRUE(has_arabic_presentation_forms(raw_text)) << "the Arabic letters are not shaped";

    // Every font embedded (embedded_fonts checks "emb"), none of FOP's built-in ones.
    for (const auto& font : embedded_fonts(fonts)) {
        for (const char* builtin : {"Times", "Helvetica", "Courier"}) EXPECT_NE(font.rfind(builtin, 0), 0u) << font;
        EXPECT_NE(font, "Symbol");
        EXPECT_NE(font, "ZapfDingbats");
    }

    // The allowed missing glyph: one warning naming the article, its file and line, and U+E000.
    std::size_t found = 0;
    for (const auto& d : out.diagnostics.all) {
        if (d.message.find("U+E000") == std::string::npos) continue;
        ++found;
        EXPECT_EQ(d.severity, Severity::warning) << d.message;
        EXPECT_EQ(d.file, (dir / "private.md").string());
        EXPECT_EQ(d.line, 3u);
        EXPECT_NE(d.message.find("article 'private': character U+E000"), std::string::npos) << d.message;
    }
    EXPECT_EQ(found, 1u) << out.diagnostics.text();
    EXPECT_EQ(out.diagnostics.error_count(), 0u) << out.diagnostics.text();
    // Nothing else from FOP: no other glyph, no font it could not load.
    for (const auto& d : out.diagnostics.all) EXPECT_EQ(d.message.find("fop:"), std::string::npos) << d.message;

    check_tagged(out);
    const auto meta = tool({"pdfinfo", "-meta", out.pdf.string()});
    EXPECT_NE(meta.find("<pdfuaid:part>1</pdfuaid:part>"), std::string::npos) << meta;
    EXPECT_NE(meta.find("<pdfaid:part>2</pdfaid:part>"), std::string::npos) << meta;
    // Every link has its alt text (PDF/UA): FOP warns of none missing (checked in check_tagged).
}

// Not allowed, the same character fails the book, naming where it is.
TEST(PdfGlyphs, AMissingGlyphIsAnErrorNamingArticleLineAndCodePoint) {
    TempDir dir;
    Book book;
    book.metadata.title = "Unprintable";
    book.articles = {script_article("latin", "Plain text.", dir.path()),
                     script_article("private", std::string("Unprintable ") + private_use + " here.", dir.path())};
    Render out;
    render(out, book, {}, dir.path());
    std::cout << "[ time ] the missing glyph book: " << out.seconds << " s\n";
    EXPECT_EQ(out.status, Status::failed);
    ASSERT_EQ(out.diagnostics.error_count(), 1u) << out.diagnostics.text();
    const auto error = out.diagnostics.of(Severity::error).front();
    EXPECT_EQ(error.file, (dir / "private.md").string());
    EXPECT_EQ(error.line, 3u);
    EXPECT_NE(error.message.find("article 'private': character U+E000 '\xEE\x80\x80' has no glyph in any of the "
                                 "PDF's fonts (Liberation Serif, Noto Serif, "),
              std::string::npos)
        << error.message;
    EXPECT_NE(error.message.find("--allow-missing-glyphs"), std::string::npos) << error.message;
}

// PDF/X-4 for a print shop: the version in the XMP metadata, every font embedded (docbook-xsl's
// Symbol and ZapfDingbats fallbacks included), no links (PDF/X allows no annotation on the page;
// the table of contents has links otherwise), and a PDF qpdf finds sound.
TEST(PdfX, ThePdfNamesItsVersionEmbedsEveryFontAndPassesQpdf) {
    TempDir dir;
    Book book;
    book.metadata.title = "For the printer";
    book.metadata.language = "en";
    book.articles = {script_article("latin", "Plain text, \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x98\x83.", dir.path()),
                     script_article("greek", "\xCE\x95\xCE\xBB\xCE\xBB\xCE\xB7\xCE\xBD\xCE\xB9\xCE\xBA\xCE\xAC",
                                    dir.path())};
    Render out;
    render(out, book, {{pdf_x_option, "4"}}, dir.path());
    std::cout << "[ time ] the PDF/X book: " << out.seconds << " s\n";
    ASSERT_EQ(out.status, Status::ok) << out.diagnostics.text();
    // FOP says so itself, and the user hears it: no validator has checked the PDF/X.
    ASSERT_EQ(out.diagnostics.warning_count(), 1u) << out.diagnostics.text();
    EXPECT_NE(out.diagnostics.all.at(0).message.find("PDF/X-4 support is work-in-progress"), std::string::npos);

    const auto meta = tool({"pdfinfo", "-meta", out.pdf.string()});
    EXPECT_NE(meta.find("pdfxid:GTS_PDFXVersion>PDF/X-4<"), std::string::npos) << meta;
    const auto fonts = tool({"pdffonts", out.pdf.string()});
    const auto names = embedded_fonts(fonts);
    EXPECT_FALSE(names.empty()) << fonts;
    const auto check = test::run_command({"qpdf", "--check", out.pdf.string()});
    EXPECT_EQ(check.exit_code, 0) << check.output;
    EXPECT_NE(check.output.find("No syntax or stream encoding errors found"), std::string::npos) << check.output;
    // The output intent, with the CMYK profile; and no annotation.
    const auto objects = tool({"qpdf", "--json", out.pdf.string()});
    EXPECT_NE(objects.find("\"/S\": \"/GTS_PDFX\""), std::string::npos) << "no PDF/X output intent";
    EXPECT_NE(objects.find("\"/N\": 4"), std::string::npos) << "the output profile is not CMYK";
    EXPECT_EQ(objects.find("\"/Annots\""), std::string::npos) << "the PDF/X has annotations (links)";
}

}  // namespace
}  // namespace fascicle::pdf
