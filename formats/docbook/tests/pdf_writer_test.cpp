// The PDF writer's checks before it typesets anything, and the pieces it is built from.
// (The one real PDF render is in docbook_cli_test: FOP is slow.)
#include "external_tool.hpp"
#include "pdf_writer.hpp"
#include "print_date.hpp"
#include "test_books.hpp"

#include <test_support.hpp>

#include <gtest/gtest.h>

#include <cstdlib>

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

TEST(PrintDate, XmpDateIsIsoUtc) {
    EXPECT_EQ(xmp_date(0), "1970-01-01T00:00:00Z");
    EXPECT_EQ(xmp_date(1700000000), "2023-11-14T22:13:20Z");
    EXPECT_EQ(xmp_date(951782400), "2000-02-29T00:00:00Z");
    EXPECT_EQ(xmp_date(-1), "1969-12-31T23:59:59Z");
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
