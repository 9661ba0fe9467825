// The fascicle executable end to end, with the test-lines plugin built for these tests.
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace fs = std::filesystem;
using fascicle::test::read_file;
using fascicle::test::run_fascicle;
using fascicle::test::TempDir;
using fascicle::test::write_file;

namespace {

const std::string plugins = std::string("--plugin-dir=") + FASCICLE_TEST_PLUGIN_DIR;

// Files in a folder other than the ones named: what a failed run might have left behind.
std::vector<std::string> entries(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST(Cli, Version) {
    auto r = run_fascicle({"--version"});
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.out.rfind("fascicle ", 0), 0u) << r.out;
    EXPECT_NE(r.out.find("plugin API 3."), std::string::npos);
}

TEST(Cli, HelpListsPluginOptions) {
    auto r = run_fascicle({plugins, "--help"});
    EXPECT_EQ(r.status, 0);
    EXPECT_NE(r.out.find("Usage: fascicle"), std::string::npos);
    EXPECT_NE(r.out.find("--fail-on TEXT"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Examples:"), std::string::npos);
}

TEST(Cli, UnknownOptionIsAUsageError) {
    auto r = run_fascicle({"--frobnicate"});
    EXPECT_EQ(r.status, 64);
    EXPECT_NE(r.err.find("frobnicate"), std::string::npos) << r.err;
}

TEST(Cli, UnknownFormatIsAUsageError) {
    TempDir dir;
    write_file(dir / "a.lines", "x\n");
    auto r = run_fascicle({plugins, (dir / "a.lines").string(), "-t", "nope", "-o", (dir / "out").string()});
    EXPECT_EQ(r.status, 64);
    EXPECT_NE(r.err.find("unknown format 'nope'"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir / "out"));
}

TEST(Cli, UnknownOutputExtensionIsAUsageError) {
    TempDir dir;
    write_file(dir / "a.lines", "x\n");
    auto r = run_fascicle({plugins, (dir / "a.lines").string(), "-o", (dir / "out.zzz").string()});
    EXPECT_EQ(r.status, 64);
    EXPECT_NE(r.err.find("cannot tell the output format from the extension '.zzz'"), std::string::npos) << r.err;
}

TEST(Cli, MissingInputNamesTheFile) {
    TempDir dir;
    auto r = run_fascicle({plugins, (dir / "absent.lines").string(), "-o", (dir / "out.lines").string()});
    EXPECT_EQ(r.status, 66);
    EXPECT_NE(r.err.find((dir / "absent.lines").string() + ": error: no such file or folder"), std::string::npos) << r.err;
    EXPECT_TRUE(entries(dir.path()).empty());
}

TEST(Cli, MissingOutputIsAUsageError) {
    TempDir dir;
    write_file(dir / "a.lines", "x\n");
    auto r = run_fascicle({plugins, (dir / "a.lines").string()});
    EXPECT_EQ(r.status, 64);
    EXPECT_NE(r.err.find("no output given"), std::string::npos) << r.err;
}

TEST(Cli, ConvertsAFolderInNameOrderWithItsMetadata) {
    TempDir dir;
    write_file(dir / "in" / "b.lines", "Second\n");
    write_file(dir / "in" / "a.lines", "First\nmore\n");
    write_file(dir / "in" / "book.ini", "title = From ini\npublisher = P\n[article b]\ntitle = Bee\n");
    write_file(dir / "in" / "ignored.xyz", "not an article\n");
    auto r = run_fascicle({plugins, (dir / "in").string(), "-o", (dir / "book.lines").string()});
    ASSERT_EQ(r.status, 0) << r.err;
    const auto out = read_file(dir / "book.lines");
    EXPECT_EQ(out.rfind("book From ini\n", 0), 0u) << out;
    const auto a = out.find("article a"), b = out.find("article b");
    ASSERT_NE(a, std::string::npos);
    ASSERT_NE(b, std::string::npos);
    EXPECT_LT(a, b);
    EXPECT_NE(out.find("title: \"Bee\""), std::string::npos) << out;

    // The command line wins over book.ini.
    r = run_fascicle({plugins, (dir / "in").string(), "--metadata", "title=From CLI", "-o", (dir / "book2.lines").string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(read_file(dir / "book2.lines").rfind("book From CLI\n", 0), 0u);
}

TEST(Cli, FailedRunLeavesExistingOutputUntouched) {
    TempDir dir;
    write_file(dir / "a.lines", "fine\nBAD line\n");
    write_file(dir / "out.lines", "precious");
    auto r = run_fascicle({plugins, (dir / "a.lines").string(), "--fail-on", "BAD", "-o", (dir / "out.lines").string()});
    EXPECT_EQ(r.status, 65);
    EXPECT_NE(r.err.find((dir / "a.lines").string() + ":2:1: error: expected no \"BAD\""), std::string::npos) << r.err;
    EXPECT_EQ(read_file(dir / "out.lines"), "precious");
    EXPECT_EQ(entries(dir.path()), (std::vector<std::string>{"a.lines", "out.lines"}));  // no temporary left
}

TEST(Cli, FailedRunLeavesNoPartialFileAndReportsEveryInvalidInput) {
    TempDir dir;
    write_file(dir / "a.lines", "fine\n");
    write_file(dir / "b.lines", "BAD\n");
    write_file(dir / "c.lines", "also fine\nBAD again\n");
    auto r = run_fascicle({plugins, (dir / "a.lines").string(), (dir / "b.lines").string(), (dir / "c.lines").string(),
                        "--fail-on", "BAD", "-o", (dir / "out.lines").string()});
    EXPECT_EQ(r.status, 65);
    EXPECT_NE(r.err.find((dir / "b.lines").string() + ":1:1: error"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find((dir / "c.lines").string() + ":2:1: error"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("2 inputs are invalid: nothing written"), std::string::npos) << r.err;
    EXPECT_EQ(entries(dir.path()), (std::vector<std::string>{"a.lines", "b.lines", "c.lines"}));
}

TEST(Cli, SkipInvalidConvertsTheRest) {
    TempDir dir;
    write_file(dir / "a.lines", "fine\n");
    write_file(dir / "b.lines", "BAD\n");
    auto r = run_fascicle({plugins, (dir / "a.lines").string(), (dir / "b.lines").string(), "--fail-on", "BAD",
                    "--skip-invalid", "-o", (dir / "out.lines").string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.err.find((dir / "b.lines").string() + ":1:1: warning: expected no \"BAD\""), std::string::npos) << r.err;
    EXPECT_NE(r.err.find((dir / "b.lines").string() + ": warning: skipped"), std::string::npos) << r.err;
    const auto out = read_file(dir / "out.lines");
    EXPECT_NE(out.find("article a"), std::string::npos);
    EXPECT_EQ(out.find("article b"), std::string::npos);
}

TEST(Cli, UnwritableOutputFolderIsAnOutputError) {
    TempDir dir;
    write_file(dir / "a.lines", "fine\n");
    auto r = run_fascicle({plugins, (dir / "a.lines").string(), "-o", (dir / "no" / "such" / "dir" / "out.lines").string()});
    EXPECT_EQ(r.status, 73);
    EXPECT_NE(r.err.find("cannot create the output file"), std::string::npos) << r.err;
}

TEST(Cli, EmptyFolderHasNoArticles) {
    TempDir dir;
    fs::create_directories(dir / "empty");
    auto r = run_fascicle({plugins, (dir / "empty").string(), "-o", (dir / "out.lines").string()});
    EXPECT_EQ(r.status, 65);
    EXPECT_NE(r.err.find("the folder holds no articles"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir / "out.lines"));
}

TEST(Cli, SplitWritesOneFilePerArticle) {
    TempDir dir;
    write_file(dir / "in" / "a.lines", "A\n");
    write_file(dir / "in" / "b.lines", "B\n");
    auto r = run_fascicle({plugins, (dir / "in").string(), "-t", "test-lines", "--split", (dir / "parts").string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(entries(dir / "parts"), (std::vector<std::string>{"a.lines", "b.lines"}));
    EXPECT_EQ(read_file(dir / "parts" / "a.lines").rfind("article a", 0), 0u);  // no book matter when split
}

TEST(Cli, StandardInputAndOutput) {
    TempDir dir;
    write_file(dir / "a.lines", "From stdin\n");
    auto r = run_fascicle({plugins, "-f", "test-lines", "-", "-t", "test-lines", "-o", "-"}, "", (dir / "a.lines").string());
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("article stdin"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\"From stdin\""), std::string::npos) << r.out;

    r = run_fascicle({plugins, "-", "-t", "test-lines", "-o", "-"}, "", (dir / "a.lines").string());
    EXPECT_EQ(r.status, 64);
    EXPECT_NE(r.err.find("give -f FORMAT"), std::string::npos) << r.err;
}

TEST(Cli, ListPluginsShowsLoadedAndRejected) {
    auto r = run_fascicle({plugins, std::string("--plugin-dir=") + FASCICLE_TEST_BROKEN_DIR, "--list-plugins"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("test-lines 1.2.3 (API " + fascicle::api_version.to_string() + ")"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("fascicle-test-api1.so: wrong API version: built against 1.1, this fascicle supports 3.0"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("fascicle-test-lines.so"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("test-lines (read, write) .lines"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Rejected:"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("fascicle-test-wrong_major.so: wrong API version: built against 4.0"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("fascicle-test-no_descriptor.so: missing entry point 'fascicle_plugin'"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("fascicle-test-duplicate.so: format 'test-lines' is already provided"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("not-a-plugin"), std::string::npos) << r.out;
}

TEST(Cli, PluginPathFromTheEnvironment) {
    auto r = run_fascicle({"--list-formats"}, std::string("FASCICLE_PLUGIN_PATH=/nonexistent:") + FASCICLE_TEST_PLUGIN_DIR);
    ASSERT_EQ(r.status, 0) << r.err;
    const auto in = r.out.find("Input formats:"), out = r.out.find("Output formats:");
    ASSERT_NE(in, std::string::npos);
    ASSERT_NE(out, std::string::npos);
    const auto first = r.out.find("test-lines", in);
    EXPECT_LT(first, out);
    EXPECT_NE(r.out.find("test-lines", out), std::string::npos);
}

TEST(Cli, ThrowingPluginFailsCleanly) {
    TempDir dir;
    write_file(dir / "a.broken", "x\n");
    auto r = run_fascicle({std::string("--plugin-dir=") + FASCICLE_TEST_BROKEN_DIR, "-f", "test-throwing", (dir / "a.broken").string(), "-t",
                    "test-throwing", "-o", (dir / "out.broken").string()});
    EXPECT_EQ(r.status, 69);
    EXPECT_NE(r.err.find("plugin 'broken-throwing' (format test-throwing) failed: "), std::string::npos) << r.err;
    EXPECT_EQ(entries(dir.path()), (std::vector<std::string>{"a.broken"}));
}

// The same plugin's writer throws too: a good reader's articles reach it, and nothing is written
// (an existing output stays as it was).
TEST(Cli, ThrowingWriterFailsCleanly) {
    TempDir dir;
    write_file(dir / "a.lines", "A\n");
    write_file(dir / "out.broken", "earlier output\n");
    auto r = run_fascicle({plugins, std::string("--plugin-dir=") + FASCICLE_TEST_BROKEN_DIR, (dir / "a.lines").string(), "-t",
                        "test-throwing", "-o", (dir / "out.broken").string()});
    EXPECT_EQ(r.status, 69);
    EXPECT_NE(r.err.find("plugin 'broken-throwing' (format test-throwing) failed: "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("writer exploded"), std::string::npos) << r.err;
    EXPECT_EQ(entries(dir.path()), (std::vector<std::string>{"a.lines", "out.broken"}));
    EXPECT_EQ(read_file(dir / "out.broken"), "earlier output\n");
}

// ---- Several outputs from one read (-o repeated, -t paired by position)

TEST(CliOutputs, FailedRunLeavesEveryExistingOutputUntouched) {
    TempDir dir;
    write_file(dir / "a.lines", "fine\nBAD line\n");
    write_file(dir / "one.lines", "precious 1");
    write_file(dir / "two.lines", "precious 2");
    auto r = run_fascicle({plugins, (dir / "a.lines").string(), "--fail-on", "BAD", "-o", (dir / "one.lines").string(),
                           "-o", (dir / "two.lines").string(), "-o", (dir / "three.lines").string()});
    EXPECT_EQ(r.status, 65) << r.err;
    EXPECT_EQ(read_file(dir / "one.lines"), "precious 1");
    EXPECT_EQ(read_file(dir / "two.lines"), "precious 2");
    EXPECT_EQ(entries(dir.path()), (std::vector<std::string>{"a.lines", "one.lines", "two.lines"}));  // no temporary left
}

TEST(CliOutputs, AnOutputThatCannotBeCreatedWritesNone) {
    TempDir dir;
    write_file(dir / "a.lines", "x\n");
    auto r = run_fascicle({plugins, (dir / "a.lines").string(), "-o", (dir / "fine.lines").string(), "-o",
                           (dir / "no-such-folder" / "b.lines").string()});
    EXPECT_EQ(r.status, 73) << r.err;
    EXPECT_NE(r.err.find((dir / "no-such-folder" / "b.lines").string() + ": error: cannot create the output file"),
              std::string::npos) << r.err;
    EXPECT_EQ(entries(dir.path()), (std::vector<std::string>{"a.lines"}));
}

// The last rename fails (its target is a folder): the outputs already renamed get their old files back.
TEST(CliOutputs, AFailedRenameRestoresTheOutputsAlreadyReplaced) {
    TempDir dir;
    write_file(dir / "a.lines", "new\n");
    write_file(dir / "one.lines", "old 1");
    fs::create_directory(dir / "folder.lines");
    auto r = run_fascicle({plugins, (dir / "a.lines").string(), "-o", (dir / "one.lines").string(), "-o",
                           (dir / "two.lines").string(), "-o", (dir / "folder.lines").string()});
    EXPECT_EQ(r.status, 73) << r.err;
    EXPECT_NE(r.err.find("cannot write the output: " + (dir / "folder.lines").string() + ": Is a directory"), std::string::npos)
        << r.err;
    EXPECT_EQ(read_file(dir / "one.lines"), "old 1");
    EXPECT_TRUE(fs::is_directory(dir / "folder.lines"));
    EXPECT_EQ(entries(dir.path()), (std::vector<std::string>{"a.lines", "folder.lines", "one.lines"}));
}

TEST(CliOutputs, ToPairsWithOutputByPosition) {
    TempDir dir;
    write_file(dir / "a.lines", "x\n");
    auto r = run_fascicle({plugins, (dir / "a.lines").string(), "-o", (dir / "one.out").string(), "-o",
                           (dir / "two.out").string(), "-t", "test-lines", "-t", "test-lines"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(fs::exists(dir / "one.out"));
    EXPECT_EQ(read_file(dir / "one.out"), read_file(dir / "two.out"));

    r = run_fascicle({plugins, (dir / "a.lines").string(), "-o", (dir / "three.out").string(), "-o",
                      (dir / "four.out").string(), "-t", "test-lines"});
    EXPECT_EQ(r.status, 64);
    EXPECT_NE(r.err.find("give one -t FORMAT per -o FILE, paired in order (here 2 -o and 1 -t)"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir / "three.out"));
}

TEST(CliOutputs, TheSameFileTwiceOrStandardOutputTwiceIsAUsageError) {
    TempDir dir;
    write_file(dir / "a.lines", "x\n");
    auto r = run_fascicle({plugins, (dir / "a.lines").string(), "-o", (dir / "b.lines").string(), "-o",
                           (dir / "." / "b.lines").string()});
    EXPECT_EQ(r.status, 64);
    EXPECT_NE(r.err.find("is given twice as an output"), std::string::npos) << r.err;
    r = run_fascicle({plugins, (dir / "a.lines").string(), "-o", "-", "-o", "-", "-t", "test-lines", "-t", "test-lines"});
    EXPECT_EQ(r.status, 64);
    EXPECT_NE(r.err.find("only one output can go to standard output"), std::string::npos) << r.err;
    EXPECT_EQ(entries(dir.path()), (std::vector<std::string>{"a.lines"}));
}

TEST(CliOutputs, SplitTakesOneFormat) {
    TempDir dir;
    write_file(dir / "a.lines", "x\n");
    auto r = run_fascicle({plugins, (dir / "a.lines").string(), "--split", (dir / "out").string(), "-t", "test-lines",
                           "-t", "test-lines"});
    EXPECT_EQ(r.status, 64);
    EXPECT_NE(r.err.find("--split writes one format: give one -t FORMAT"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir / "out"));
}

TEST(CliOutputs, ValidateRefusesStandardOutput) {
    TempDir dir;
    write_file(dir / "a.lines", "x\n");
    auto r = run_fascicle({plugins, (dir / "a.lines").string(), "-t", "test-lines", "--validate"});
    EXPECT_EQ(r.status, 64);
    EXPECT_NE(r.err.find("--validate checks files: standard output cannot be validated"), std::string::npos) << r.err;
}

TEST(CliOutputs, ValidateOnlyConvertsNothing) {
    TempDir dir;
    write_file(dir / "a.lines", "x\n");
    auto r = run_fascicle({plugins, "--validate-only", (dir / "a.lines").string(), "-o", (dir / "b.lines").string()});
    EXPECT_EQ(r.status, 64);
    EXPECT_NE(r.err.find("--validate-only converts nothing: leave out -o and --split"), std::string::npos) << r.err;
    r = run_fascicle({plugins, "--validate-only", (dir / "a.lines").string()});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.err.find((dir / "a.lines").string() + ": warning: not validated: format 'test-lines' has no validator"),
              std::string::npos) << r.err;
    r = run_fascicle({plugins, "--validate-only", (dir / "absent.lines").string()});
    EXPECT_EQ(r.status, 66);
    EXPECT_NE(r.err.find((dir / "absent.lines").string() + ": error: no such file"), std::string::npos) << r.err;
    EXPECT_EQ(entries(dir.path()), (std::vector<std::string>{"a.lines"}));
}

// A format without a validator is said to be unvalidated, not passed off as valid.
TEST(CliOutputs, ValidateWarnsOfAFormatWithoutValidator) {
    TempDir dir;
    write_file(dir / "a.lines", "x\n");
    auto r = run_fascicle({plugins, (dir / "a.lines").string(), "-o", (dir / "b.lines").string(), "--validate"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.err.find((dir / "b.lines").string() + ": warning: not validated: format 'test-lines' has no validator"),
              std::string::npos) << r.err;
}

// ---- --help: the general options, then each format's under its name; --help FORMAT

TEST(CliHelp, FormatOptionsComeUnderTheFormatsNameAfterTheGeneralOptions) {
    auto r = run_fascicle({plugins, "--help"});
    EXPECT_EQ(r.status, 0);
    const auto general = r.out.find("\nOptions:\n");
    const auto validate = r.out.find("\n  --validate ");
    const auto section = r.out.find("\ntest-lines options:\n");
    const auto option = r.out.find("--fail-on TEXT");
    ASSERT_NE(general, std::string::npos) << r.out;
    ASSERT_NE(section, std::string::npos) << r.out;
    EXPECT_LT(general, validate);
    EXPECT_LT(validate, section);
    EXPECT_LT(section, option);
    EXPECT_NE(r.out.find("70 an output failed --validate"), std::string::npos) << r.out;
}

TEST(CliHelp, HelpForOneFormat) {
    auto r = run_fascicle({plugins, "--help", "test-lines"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("test-lines: "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("  reads:      yes (-f test-lines)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("  writes:     yes (-t test-lines)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("  extensions: .lines"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("  --validate: no validator"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("test-lines options:\n  --fail-on TEXT"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("Usage:"), std::string::npos) << "one format's help only";

    r = run_fascicle({plugins, "--help", "nope"});
    EXPECT_EQ(r.status, 64);
    EXPECT_NE(r.err.find("unknown format 'nope'"), std::string::npos) << r.err;
}

// --help added to a conversion command shows the usage: its inputs are not format names.
TEST(CliHelp, HelpAddedToAConversionShowsTheUsage) {
    TempDir dir;
    fascicle::test::write_file(dir / "a.lines", "one\n");
    const auto out = dir / "b.lines";
    auto r = run_fascicle({plugins, (dir / "a.lines").string(), dir.path().string(), "-o", out.string(), "--help"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("\nOptions:\n"), std::string::npos) << r.out;
    EXPECT_EQ(r.err.find("unknown format"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(out)) << "--help converts nothing";
}
