// One read, many outputs: the outputs of one run with several -o are byte for byte those of
// separate runs, for every output format built (the real format plugins), on the samples and on a
// generated corpus read on several threads.
#include "test_support.hpp"

#include <gtest/gtest.h>

namespace fs = std::filesystem;
using fascicle::test::read_file;
using fascicle::test::run_fascicle;
using fascicle::test::run_shell;
using fascicle::test::shell_quote;
using fascicle::test::TempDir;

namespace {

// The dates written into the outputs (EPUB's dcterms:modified) are the same in every run.
const std::string fixed_date = "SOURCE_DATE_EPOCH=1700000000";

struct Built {
    std::string format;
    std::string extension;
};

// The book formats of this build, each with the extension that tells it.
std::vector<Built> built_formats() {
    const std::string listed = run_fascicle({"--list-formats"}).out;
    const auto outputs = listed.find("Output formats:");
    std::vector<Built> out;
    for (const Built& b : {Built{"epub", ".epub"}, Built{"docbook", ".xml"}, Built{"markdown", ".md"}, Built{"plain", ".txt"}})
        if (outputs != std::string::npos && listed.find("\n  " + b.format + " ", outputs) != std::string::npos) out.push_back(b);
    return out;
}

void expect_same_bytes_as_separate_runs(const fs::path& corpus, const std::vector<std::string>& extra) {
    const auto formats = built_formats();
    ASSERT_GE(formats.size(), 2u) << "needs at least two output formats built";
    TempDir out;
    std::vector<std::string> together{corpus.string(), "-q"};
    together.insert(together.end(), extra.begin(), extra.end());
    for (const auto& f : formats) {
        std::vector<std::string> alone{corpus.string(), "-q", "-o", (out / ("alone" + f.extension)).string()};
        alone.insert(alone.end(), extra.begin(), extra.end());
        const auto run = run_fascicle(alone, fixed_date);
        ASSERT_EQ(run.status, 0) << f.format << ": " << run.err;
        together.insert(together.end(), {"-o", (out / ("together" + f.extension)).string()});
    }
    const auto run = run_fascicle(together, fixed_date);
    ASSERT_EQ(run.status, 0) << run.err;
    for (const auto& f : formats) {
        const auto alone = read_file(out / ("alone" + f.extension));
        EXPECT_FALSE(alone.empty()) << f.format;
        EXPECT_TRUE(alone == read_file(out / ("together" + f.extension))) << f.format << ": not the bytes of a separate run";
    }
}

}  // namespace

TEST(OneReadManyOutputs, SameBytesAsSeparateRunsOnTheSamples) {
    expect_same_bytes_as_separate_runs(FASCICLE_SOURCE_DIR "/samples/corpus", {"-j1"});
}

TEST(OneReadManyOutputs, SameBytesAsSeparateRunsOnAGeneratedCorpusWithJobs) {
    TempDir corpus;
    const auto made = run_shell("python3 " + shell_quote(FASCICLE_SOURCE_DIR "/bench/make_corpus.py") + " 120 " +
                                shell_quote(corpus.path().string()));
    ASSERT_EQ(made.status, 0) << made.err;
    expect_same_bytes_as_separate_runs(corpus.path(), {"-j3"});
}
