// The PDF writer's checks before it typesets anything, the pieces it is built from, how it prints
// formulas, and one real render of the feature book (FOP is slow: one render here, one in
// pdf_cli_test).
#include "pdf_test_support.hpp"
#include "external_tool.hpp"
#include "pdf_writer.hpp"
#include "print_date.hpp"

#include <fascicle/host/plugin_registry.hpp>

#include <essays_book.hpp>
#include <feature_book.hpp>
#include <test_support.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <regex>
#include <sstream>

namespace fascicle::pdf {
namespace {

using fascicle::test::RecordingDiagnostics;
using fascicle::test::StringOutput;
using fascicle::test::TempDir;

// Sets an environment variable for one test and puts the old value back.
class ScopedEnvironment {
public:
    ScopedEnvironment(const char* name, const std::string& value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        ::setenv(name, value.c_str(), 1);
    }
    ~ScopedEnvironment() {
        if (old_) ::setenv(name_, old_->c_str(), 1);
        else ::unsetenv(name_);
    }

private:
    const char* name_;
    std::optional<std::string> old_;
};

Status begin(PdfWriter& writer, const Options& options, RecordingDiagnostics& diagnostics, StringOutput& output) {
    WriteContext ctx{options, diagnostics, output, false};
    return writer.begin_book(fascicle::test::essays_book().metadata, ctx);
}

TEST(PdfWriter, MissingToolsAreNamedBeforeAnyWork) {
    TempDir empty_bin;
    ScopedEnvironment path("PATH", empty_bin.path().string());
    PdfWriter writer("");
    RecordingDiagnostics diagnostics;
    StringOutput output;
    EXPECT_EQ(begin(writer, {}, diagnostics, output), Status::failed);
    ASSERT_EQ(diagnostics.error_count(), 2u) << diagnostics.text();
    EXPECT_NE(diagnostics.all[0].message.find("'xsltproc'"), std::string::npos) << diagnostics.text();
    EXPECT_NE(diagnostics.all[1].message.find("'fop' (Apache FOP)"), std::string::npos) << diagnostics.text();
    EXPECT_NE(diagnostics.all[1].message.find("apt-get install fop"), std::string::npos);
}

TEST(PdfWriter, UnknownPaperIsAnError) {
    PdfWriter writer("");
    RecordingDiagnostics diagnostics;
    StringOutput output;
    EXPECT_EQ(begin(writer, {{"paper", "a3"}}, diagnostics, output), Status::failed);
    ASSERT_EQ(diagnostics.error_count(), 1u);
    EXPECT_NE(diagnostics.all[0].message.find("--paper must be a4, letter, a5, b5, royal or a trim size WIDTHxHEIGHT"),
              std::string::npos)
        << diagnostics.text();
}

TEST(PdfWriter, UnknownDivisionIsAnError) {
    PdfWriter writer("");
    RecordingDiagnostics diagnostics;
    StringOutput output;
    EXPECT_EQ(begin(writer, {{"docbook-division", "part"}}, diagnostics, output), Status::failed);
    EXPECT_EQ(diagnostics.error_count(), 1u);
}

// The docbook format writes the DocBook the PDF is typeset from: without it, nothing is done.
TEST(PdfWriter, WithoutTheDocBookFormatLoadedPdfIsRefusedSayingWhy) {
    host::PluginRegistry empty;  // the newest registry alive, the one plugins reach: no docbook in it
    PdfWriter writer("");
    RecordingDiagnostics diagnostics;
    StringOutput output;
    EXPECT_EQ(begin(writer, {}, diagnostics, output), Status::unavailable);
    ASSERT_EQ(diagnostics.error_count(), 1u) << diagnostics.text();
    EXPECT_NE(diagnostics.all[0].message.find("no loaded plugin provides format 'docbook'"), std::string::npos)
        << diagnostics.text();
    EXPECT_NE(diagnostics.all[0].message.find("fascicle-docbook.so"), std::string::npos) << diagnostics.text();
}

TEST(PrintDate, SourceDateEpochWinsThenTheBookDateThenZero) {
    EXPECT_EQ(print_epoch("1700000000", "2024-03-01"), 1700000000);
    EXPECT_EQ(print_epoch("not a number", "2024-03-01"), 1709251200);
    EXPECT_EQ(print_epoch(nullptr, "2024-03-01T10:00:00Z"), 1709251200);
    EXPECT_EQ(print_epoch(nullptr, "2024-03"), 1709251200);
    EXPECT_EQ(print_epoch(nullptr, "2024-02"), 1709251200 - 29 * 86400);
    EXPECT_EQ(print_epoch(nullptr, "1999"), 915148800);
    EXPECT_EQ(print_epoch(nullptr, "March 2024"), 0);
    EXPECT_EQ(print_epoch(nullptr, "2024-13-01"), 0);
    EXPECT_EQ(print_epoch(nullptr, ""), 0);
}

TEST(ExternalTool, FindsProgramsOnPath) {
    EXPECT_TRUE(find_on_path("sh"));
    EXPECT_FALSE(find_on_path("fascicle-no-such-program"));
}

TEST(ExternalTool, RunsWithExtraEnvironmentAndLogsBothStreams) {
    TempDir dir;
    const auto log = dir / "log";
    const auto run = run_tool(*find_on_path("sh"), {"-c", "echo out $FASCICLE_TEST_VALUE; echo err >&2; exit 3"}, log,
                              {"FASCICLE_TEST_VALUE=42"});
    EXPECT_TRUE(run.started) << run.error;
    EXPECT_EQ(run.exit_code, 3);
    EXPECT_EQ(fascicle::test::read_file(log), "out 42\nerr\n");

    const auto missing = run_tool(dir / "missing", {}, log);
    EXPECT_FALSE(missing.started);
    EXPECT_FALSE(missing.error.empty());
}

// JEuclid (libjeuclid-fop-java) is installed with the other tools (scripts/install-deps.sh): a
// machine without it fails here rather than printing formulas as TeX unnoticed.
TEST(MathTypesetting, DebiansFopGetsTheInstalledJEuclid) {
    const auto fop = find_on_path("fop");
    ASSERT_TRUE(fop) << "fop is not on PATH (scripts/install-deps.sh)";
    const auto found = find_math_typesetting(*fop, debian_java_folder);
    EXPECT_EQ(found.class_path, "/usr/share/java/jeuclid-core.jar:/usr/share/java/jeuclid-fop.jar")
        << found.why_not << "\n(install it: scripts/install-deps.sh)";
}

// A folder holding JEuclid's two jars (empty: only their presence is looked at).
void fake_jeuclid(const std::filesystem::path& folder) {
    fascicle::test::write_file(folder / "jeuclid-core.jar", "");
    fascicle::test::write_file(folder / "jeuclid-fop.jar", "");
}

TEST(MathTypesetting, WithoutTheJarsFormulasAreText) {
    TempDir java;
    const auto found = find_math_typesetting(*find_on_path("fop"), java.path());
    EXPECT_TRUE(found.class_path.empty());
    EXPECT_NE(found.why_not.find((java / "jeuclid-core.jar").string() + " is not there"), std::string::npos)
        << found.why_not;
    EXPECT_NE(found.why_not.find("apt-get install libjeuclid-fop-java"), std::string::npos) << found.why_not;

    fascicle::test::write_file(java / "jeuclid-core.jar", "");  // half the plugin is none
    EXPECT_NE(find_math_typesetting(*find_on_path("fop"), java.path()).why_not.find("jeuclid-fop.jar is not there"),
              std::string::npos);
}

TEST(MathTypesetting, OnlyAJavaWrappersFopIsHandedTheJars) {
    TempDir dir;
    fake_jeuclid(dir / "java");
    fascicle::test::write_file(dir / "other-fop",
                               "#!/bin/sh\nexec java -cp /opt/fop/lib/fop.jar org.apache.fop.cli.Main \"$@\"\n");
    const auto other = find_math_typesetting(dir / "other-fop", dir / "java");
    EXPECT_TRUE(other.class_path.empty());
    EXPECT_NE(other.why_not.find("is not Debian's fop script (java-wrappers)"), std::string::npos) << other.why_not;

    fascicle::test::write_file(dir / "debian-fop",
                               "#! /bin/sh\n. /usr/lib/java-wrappers/java-wrappers.sh\nfind_jars fop\n");
    const auto debian = find_math_typesetting(dir / "debian-fop", dir / "java");
    EXPECT_EQ(debian.class_path,
              (dir / "java/jeuclid-core.jar").string() + ":" + (dir / "java/jeuclid-fop.jar").string());
    EXPECT_TRUE(debian.why_not.empty());
}

// The feature book's first article (its formulas: x^2 inline and a displayed sum, both with
// MathML) rendered by a PdfWriter that looks for JEuclid in `java_folder`.
struct RenderedKinds {
    std::optional<std::string> docbook;
    RecordingDiagnostics diagnostics;
};

RenderedKinds render_kinds(const std::filesystem::path& java_folder, const Article* article = nullptr) {
    fascicle::test::FeatureBook features;
    fascicle::test::make_feature_book(features);
    RenderedKinds out;
    PdfWriter writer("", java_folder);
    StringOutput output;
    const Options options;
    WriteContext ctx{options, out.diagnostics, output, false, &features.resources};
    if (writer.begin_book(features.book.metadata, ctx) != Status::ok) return out;
    out.docbook = writer.render_article(article ? *article : features.book.articles.at(0), out.diagnostics);
    return out;
}

// The feature book's image (96 pixels, no resolution stated: 72 dpi) is too coarse for print,
// once in each article that shows it; the formula tests look at the other warnings.
constexpr std::string_view coarse_engine =
    "article 'kinds': image 'images/engine.png' prints at 72 dpi (96 pixels across 34 mm); print needs 300 dpi";

std::vector<std::string> warnings_but_coarse_engine(const RecordingDiagnostics& diagnostics) {
    std::vector<std::string> others;
    std::size_t engine = 0;
    for (const auto& d : diagnostics.all) {
        if (d.severity != Severity::warning) continue;
        if (d.message.rfind(coarse_engine, 0) == 0) ++engine;
        else others.push_back(d.message);
    }
    EXPECT_EQ(engine, 1u) << diagnostics.text();
    return others;
}

TEST(PdfWriter, WithoutJEuclidFormulasArePrintedAsTexWithAWarning) {
    TempDir java;
    const auto rendered = render_kinds(java.path());
    ASSERT_TRUE(rendered.docbook) << rendered.diagnostics.text();
    EXPECT_NE(rendered.docbook->find("<mathphrase>x^2</mathphrase>"), std::string::npos) << *rendered.docbook;
    EXPECT_NE(rendered.docbook->find("<mathphrase>\\sum_{k=1}^{n}"), std::string::npos) << *rendered.docbook;
    EXPECT_EQ(rendered.docbook->find("<math "), std::string::npos) << *rendered.docbook;
    const auto warnings = warnings_but_coarse_engine(rendered.diagnostics);
    ASSERT_EQ(warnings.size(), 1u) << rendered.diagnostics.text();
    const auto& warning = warnings.at(0);
    EXPECT_NE(warning.find("article 'kinds': 2 formulas are printed as TeX source: FOP typesets MathML only with"
                           " the JEuclid plugin"),
              std::string::npos)
        << warning;
    EXPECT_NE(warning.find("apt-get install libjeuclid-fop-java"), std::string::npos) << warning;
}

TEST(PdfWriter, WithJEuclidFormulasAreMathMLAndOnlyTexOnesWarn) {
    TempDir java;
    fake_jeuclid(java.path());
    const auto rendered = render_kinds(java.path());
    ASSERT_TRUE(rendered.docbook) << rendered.diagnostics.text();
    EXPECT_EQ(rendered.docbook->find("<mathphrase"), std::string::npos) << *rendered.docbook;
    EXPECT_NE(rendered.docbook->find("<inlineequation><alt role=\"tex\">x^2</alt><math "
                                     "xmlns=\"http://www.w3.org/1998/Math/MathML\"><msup>"),
              std::string::npos)
        << *rendered.docbook;
    EXPECT_NE(rendered.docbook->find("<munderover><mo>\u2211</mo>"), std::string::npos) << *rendered.docbook;
    EXPECT_TRUE(warnings_but_coarse_engine(rendered.diagnostics).empty()) << rendered.diagnostics.text();

    // A formula with only TeX, and one whose MathML is not well-formed, keep the fallback.
    Article article;
    article.id = "tex";
    Inline tex_only;
    tex_only.kind = Inline::Kind::math;
    tex_only.math = {"\\alpha", ""};
    Block broken;
    broken.kind = Block::Kind::display_math;
    broken.math = {"\\beta", "<math><mi>b</math>"};
    Block with_mathml;
    with_mathml.kind = Block::Kind::display_math;
    with_mathml.math = {"y", "<math><mi>y</mi></math>"};
    article.introduction = {Block::paragraph({Inline::plain("See "), tex_only}), broken, with_mathml};
    const auto tex = render_kinds(java.path(), &article);
    ASSERT_TRUE(tex.docbook) << tex.diagnostics.text();
    EXPECT_NE(tex.docbook->find("<mathphrase>\\alpha</mathphrase>"), std::string::npos) << *tex.docbook;
    EXPECT_NE(tex.docbook->find("<mathphrase>\\beta</mathphrase>"), std::string::npos) << *tex.docbook;
    EXPECT_NE(tex.docbook->find("<mi>y</mi>"), std::string::npos) << *tex.docbook;
    ASSERT_EQ(tex.diagnostics.warning_count(), 1u) << tex.diagnostics.text();
    EXPECT_EQ(tex.diagnostics.all.at(0).message,
              "article 'tex': 2 formulas are printed as TeX source: they have no well-formed MathML");
}

}  // namespace
}  // namespace fascicle::pdf

namespace fascicle::pdf {
namespace {

// A word pdftotext found, and its box in points from the page's top left corner.
struct Word {
    int page = 0;  // from 1
    double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
    std::string text;
};

std::vector<Word> words_of(const std::filesystem::path& pdf, const std::filesystem::path& html) {
    const auto run = test::run_command({"pdftotext", "-bbox", pdf.string(), html.string()});
    EXPECT_EQ(run.exit_code, 0) << run.output;
    std::vector<Word> words;
    int page = 0;
    const std::regex word(
        R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>)re");
    std::istringstream lines(fascicle::test::read_file(html));
    for (std::string line; std::getline(lines, line);) {
        if (line.find("<page ") != std::string::npos) ++page;
        if (std::smatch m; std::regex_search(line, m, word))
            words.push_back({page, std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4]), m[5]});
    }
    return words;
}

// The rows of pixels with ink (darker than mid-grey) in a strip of a page, the page rendered at
// 72 dpi (a pixel a point): top..bottom in points. The first and last such row, or {-1, -1}.
std::pair<int, int> ink_rows(const std::filesystem::path& pdf, int page, int top, int bottom,
                             const std::filesystem::path& root) {
    const auto run = test::run_command({"pdftoppm", "-r", "72", "-gray", "-singlefile", "-f", std::to_string(page),
                                        "-l", std::to_string(page), "-x", "0", "-y", std::to_string(top), "-H",
                                        std::to_string(bottom - top), pdf.string(), root.string()});
    EXPECT_EQ(run.exit_code, 0) << run.output;
    std::istringstream pgm(fascicle::test::read_file(root.string() + ".pgm"));
    std::string magic;
    int width = 0, height = 0, maximum = 0;
    pgm >> magic >> width >> height >> maximum;
    pgm.get();  // the one white space character before the pixels
    EXPECT_EQ(magic, "P5");
    std::pair<int, int> rows{-1, -1};
    std::string row(static_cast<std::size_t>(width), '\0');
    for (int y = 0; y < height && pgm.read(row.data(), width); ++y) {
        for (char pixel : row) {
            if (static_cast<unsigned char>(pixel) < maximum / 2) {
                if (rows.first < 0) rows.first = y;
                rows.second = y;
                break;
            }
        }
    }
    return rows;
}

// The feature book typeset: its pages show the image (twice: the figure and the inline one), the
// table's cells, the footnote and the formulas as mathematics (JEuclid), and FOP finds the image
// in the work folder. The one FOP render of this test program (FOP is slow).
TEST(PdfWriter, TheFeatureBookPrintsItsImageTableNotesAndFormulas) {
    fascicle::test::FeatureBook features;
    fascicle::test::make_feature_book(features);
    TempDir dir;
    const std::string stylesheet = fascicle::test::read_file(FASCICLE_PDF_TEST_DIR "/../print.xsl");
    PdfWriter writer(stylesheet);
    fascicle::test::FileOutput output(dir / "book.pdf");
    RecordingDiagnostics diagnostics;
    const auto status = fascicle::test::write_book(writer, features.book, output, diagnostics,
                                                   {{print_work_dir_option, (dir / "work").string()}}, false,
                                                   &features.resources);
    output.close();
    ASSERT_EQ(status, Status::ok) << diagnostics.text();
    // No formula printed as TeX (JEuclid is there: DebiansFopGetsTheInstalledJEuclid), and FOP
    // knew every MathML element (an unknown one would have been an error); the one warning is
    // the image's resolution.
    EXPECT_TRUE(warnings_but_coarse_engine(diagnostics).empty()) << diagnostics.text();
    EXPECT_EQ(fascicle::test::read_file(dir / "work/fop.log").find("Unknown formatting object"), std::string::npos);

    const auto images = test::run_command({"pdfimages", "-list", (dir / "book.pdf").string()});
    ASSERT_EQ(images.exit_code, 0) << images.output;
    std::size_t listed = 0;  // one line per image placed, after the two header lines
    std::istringstream lines(images.output);
    for (std::string line; std::getline(lines, line);)
        if (line.find(" image ") != std::string::npos && line.find(" 96    64 ") != std::string::npos) ++listed;
    EXPECT_EQ(listed, 2u) << images.output;
    const auto text = test::run_command({"pdftotext", "-layout", (dir / "book.pdf").string(), "-"});
    ASSERT_EQ(text.exit_code, 0) << text.output;
    for (const char* shown : {"Trials of the engine", "12 digits", "Bernoulli numbers", "3 trials",
                              "The engine was never finished.", "The part that computes.", "algebraic patterns"})
        EXPECT_NE(text.output.find(shown), std::string::npos) << shown << "\n" << text.output;
    // JEuclid draws a formula's glyphs as outlines: none of the formulas' text, TeX or MathML, is
    // text in the PDF.
    for (const char* hidden : {"x^2", "\\sum", "\\frac", "k=1", "n(n+1)", "\u2211"})
        EXPECT_EQ(text.output.find(hidden), std::string::npos) << hidden << "\n" << text.output;

    // The displayed sum is drawn between the section's title and the rule after it ("* * *"),
    // as tall as a sum with limits above and below: more than twice a line of text (a line of
    // TeX would be some 11 points).
    const auto words = words_of(dir / "book.pdf", dir / "words.html");
    const auto after = std::find_if(words.begin(), words.end(), [](const Word& w) { return w.text == "break."; });
    ASSERT_NE(after, words.end());
    const Word* rule = nullptr;
    const Word* title = nullptr;
    for (const auto& w : words) {
        if (w.page != after->page || w.y_max > after->y_min) continue;
        if (w.text == "*") rule = &w;
        if (w.text == "Mathematics" && (!title || w.y_min > title->y_min)) title = &w;
    }
    ASSERT_TRUE(rule && title) << "the rule and the section title on page " << after->page;
    ASSERT_GT(rule->y_min, title->y_max);
    const auto [first, last] = ink_rows(dir / "book.pdf", after->page, static_cast<int>(title->y_max) + 2,
                                        static_cast<int>(rule->y_min) - 1, dir / "formula");
    ASSERT_GE(first, 0) << "nothing drawn between the title and the rule";
    EXPECT_GE(last - first + 1, 24) << "the sum is " << last - first + 1 << " points tall";
}

}  // namespace
}  // namespace fascicle::pdf
