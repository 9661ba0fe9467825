// The PDF writer's checks before it typesets anything, and the pieces it is built from.
// (The one real PDF render is in docbook_cli_test: FOP is slow.)
#include "commands.hpp"
#include "external_tool.hpp"
#include "pdf_writer.hpp"
#include "print_date.hpp"
#include "test_books.hpp"

#include <feature_book.hpp>
#include <test_support.hpp>

#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>

namespace fascicle::docbook {
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
    return writer.begin_book(test::feature_book().metadata, ctx);
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
    EXPECT_EQ(begin(writer, {{"paper", "a5"}}, diagnostics, output), Status::failed);
    ASSERT_EQ(diagnostics.error_count(), 1u);
    EXPECT_NE(diagnostics.all[0].message.find("--paper must be 'a4' or 'letter'"), std::string::npos);
}

TEST(PdfWriter, UnknownDivisionIsAnError) {
    PdfWriter writer("");
    RecordingDiagnostics diagnostics;
    StringOutput output;
    EXPECT_EQ(begin(writer, {{"docbook-division", "part"}}, diagnostics, output), Status::failed);
    EXPECT_EQ(diagnostics.error_count(), 1u);
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

}  // namespace
}  // namespace fascicle::docbook

namespace fascicle::docbook {
namespace {

// The feature book typeset: its pages show the image (twice: the figure and the inline one), the
// table's cells, the footnote and the formulas' text, and FOP finds the image in the work folder.
TEST(PdfWriter, TheFeatureBookPrintsItsImageTableAndNotes) {
    fascicle::test::FeatureBook features;
    fascicle::test::make_feature_book(features);
    TempDir dir;
    const std::string stylesheet = fascicle::test::read_file(FASCICLE_DOCBOOK_TEST_DIR "/../print.xsl");
    PdfWriter writer(stylesheet);
    fascicle::test::FileOutput output(dir / "book.pdf");
    RecordingDiagnostics diagnostics;
    const auto status = fascicle::test::write_book(writer, features.book, output, diagnostics, {}, false,
                                                   &features.resources);
    output.close();
    ASSERT_EQ(status, Status::ok) << diagnostics.text();

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
}

}  // namespace
}  // namespace fascicle::docbook
