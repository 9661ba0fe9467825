// -j: reading and rendering on several threads gives the bytes of -j1, for every output format
// built; and the --progress line on standard error.
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>

namespace fs = std::filesystem;
using fascicle::test::read_file;
using fascicle::test::run_fascicle;
using fascicle::test::run_shell;
using fascicle::test::shell_quote;
using fascicle::test::TempDir;
using fascicle::test::write_file;

namespace {

constexpr int corpus_size = 200;

// A corpus of distinct articles made from the samples by the benchmarks' generator.
void make_corpus(const fs::path& dir, int count) {
    const auto made = run_shell("python3 " + shell_quote(FASCICLE_SOURCE_DIR "/bench/make_corpus.py") + " " +
                                std::to_string(count) + " " + shell_quote(dir.string()));
    ASSERT_EQ(made.status, 0) << made.err;
}

bool format_is_built(const std::string& name) {
    static const std::string formats = run_fascicle({"--list-formats"}).out;
    const auto outputs = formats.find("Output formats:");
    return outputs != std::string::npos && formats.find("\n  " + name + " ", outputs) != std::string::npos;
}

// Every file under `dir` by relative path, with its bytes.
std::map<std::string, std::string> files_in(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        if (entry.is_regular_file()) files[fs::relative(entry.path(), dir).string()] = read_file(entry.path());
    return files;
}

struct Target {
    std::string format;
    bool split = false;
};

void PrintTo(const Target& target, std::ostream* out) { *out << target.format << (target.split ? " --split" : ""); }

std::string target_name(const testing::TestParamInfo<Target>& info) {
    std::string name = info.param.format + (info.param.split ? "_split" : "_book");
    std::replace(name.begin(), name.end(), '-', '_');
    return name;
}

class SameBytesWithAnyJobs : public testing::TestWithParam<Target> {
protected:
    static void SetUpTestSuite() {
        corpus_ = new TempDir;
        make_corpus(corpus_->path(), corpus_size);
    }
    static void TearDownTestSuite() {
        delete corpus_;
        corpus_ = nullptr;
    }

    // The output of a run with `jobs` threads: the files it wrote, by name.
    std::map<std::string, std::string> convert(const Target& target, int jobs) {
        const fs::path out = output_ / ("j" + std::to_string(jobs));
        std::vector<std::string> args{corpus_->path().string(), "-t", target.format, "-q", "-j", std::to_string(jobs)};
        if (target.split) {
            args.insert(args.end(), {"--split", out.string()});
        } else {
            fs::create_directories(out);
            args.insert(args.end(), {"-o", (out / "book").string()});
        }
        const auto run = run_fascicle(args);
        EXPECT_EQ(run.status, 0) << run.err;
        return files_in(out);
    }

    static TempDir* corpus_;
    TempDir output_;
};

TempDir* SameBytesWithAnyJobs::corpus_ = nullptr;

TEST_P(SameBytesWithAnyJobs, OneTwoAndThreeJobs) {
    const Target& target = GetParam();
    if (!format_is_built(target.format)) GTEST_SKIP() << "format " << target.format << " is not built";

    const auto one = convert(target, 1);
    ASSERT_EQ(one.size(), target.split ? std::size_t(corpus_size) : 1u);
    for (const auto& [name, bytes] : one) EXPECT_GT(bytes.size(), 1000u) << name;
    if (target.format == "epub") {
        // All articles are in it, and the archive is sound (epubcheck runs in the epub tests).
        const auto listed = run_shell("unzip -l " + shell_quote((output_ / "j1" / "book").string()));
        EXPECT_EQ(std::count(listed.out.begin(), listed.out.end(), '\n') - 5, 7 + corpus_size) << listed.out;
        EXPECT_EQ(run_shell("unzip -tq " + shell_quote((output_ / "j1" / "book").string())).status, 0);
    }
    for (int jobs : {2, 3}) {
        const auto many = convert(target, jobs);
        ASSERT_EQ(many.size(), one.size()) << jobs << " jobs";
        for (const auto& [name, bytes] : one) {
            ASSERT_TRUE(many.count(name)) << name << " missing with " << jobs << " jobs";
            // Not EXPECT_EQ on the bytes: a failure would print megabytes.
            EXPECT_TRUE(many.at(name) == bytes) << name << " differs between -j1 and -j" << jobs;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Jobs, SameBytesWithAnyJobs,
                         testing::Values(Target{"epub"}, Target{"docbook"}, Target{"markdown"}, Target{"plain"},
                                         Target{"article-text", true}, Target{"docbook", true},
                                         Target{"markdown", true}, Target{"plain", true}),
                         target_name);

// An article of article-text with the given id and section titles.
void write_article(const fs::path& dir, const std::string& id, const std::vector<std::string>& sections) {
    std::string text = "The summary of " + id + ".\nThe introduction of " + id + ".\n";
    for (const auto& s : sections) text += "- " + s + "\n";
    for (const auto& s : sections) text += s + "\nA paragraph of the section " + s + " in " + id + ".\n";
    text += "The conclusion of " + id + ".";
    write_file(dir / (id + ".txt"), text);
}

std::vector<std::string> xml_ids(const std::string& xml) {
    std::vector<std::string> ids;
    const std::regex id(R"(xml:id="([^"]*)\")");
    for (auto it = std::sregex_iterator(xml.begin(), xml.end(), id); it != std::sregex_iterator(); ++it)
        ids.push_back((*it)[1]);
    return ids;
}

// Ids must be unique in the whole book, but a renderer on another thread sees one article: the
// section "y" of article "x" and article "x.y" both want the xml:id "x.y", and the second,
// rendered alone, must be rendered again when written.
TEST(Jobs, ArticlesRenderedApartGetIdsUniqueInTheBook) {
    if (!format_is_built("docbook")) GTEST_SKIP() << "format docbook is not built";
    TempDir dir;
    write_article(dir / "in", "x", {"Y", "Z"});
    write_article(dir / "in", "x.y", {"Conclusion", "Y"});
    for (int i = 0; i < 8; ++i) write_article(dir / "in", "z" + std::to_string(i), {"Y"});

    std::string outputs[2];
    for (int jobs : {1, 2}) {
        const fs::path out = dir / ("j" + std::to_string(jobs) + ".xml");
        const auto run = run_fascicle({(dir / "in").string(), "-j", std::to_string(jobs), "-o", out.string()});
        ASSERT_EQ(run.status, 0) << run.err;
        outputs[jobs - 1] = read_file(out);
    }
    EXPECT_TRUE(outputs[0] == outputs[1]) << "-j1 and -j2 differ";

    const auto ids = xml_ids(outputs[1]);
    const std::set<std::string> unique(ids.begin(), ids.end());
    EXPECT_EQ(unique.size(), ids.size());
    EXPECT_TRUE(unique.count("x.y")) << "the section of x";
    EXPECT_TRUE(unique.count("x.y-2")) << "the article x.y";
    EXPECT_TRUE(unique.count("x.y.y")) << "the section of x.y";
    EXPECT_TRUE(unique.count("x.y.conclusion") && unique.count("x.y.conclusion-2"));

    const auto jing = run_shell("jing /usr/share/xml/docbook/schema/rng/5.0/docbook.rng " +
                                shell_quote((dir / "j2.xml").string()));
    if (jing.status == 127) FAIL() << "jing is not installed (scripts/install-deps.sh installs it)";
    EXPECT_EQ(jing.status, 0) << jing.out << jing.err;
}

class Progress : public testing::Test {
protected:
    void SetUp() override {
        make_corpus(corpus_.path(), 30);
        output_ = (out_.path() / "book.xml").string();
    }
    TempDir corpus_, out_;
    std::string output_;
    // "fascicle: 30 of 30 articles, 12.3 MB/s, 0 s left" ends the last line.
    const std::regex done_line{R"(fascicle: 30 of 30 articles, [0-9.]+ MB/s, 0 s left *\n)"};
};

TEST_F(Progress, AlwaysPrintsTheLineOnStandardError) {
    const auto run = run_fascicle({corpus_.path().string(), "--progress=always", "-o", output_});
    ASSERT_EQ(run.status, 0) << run.err;
    EXPECT_TRUE(std::regex_search(run.err, done_line)) << run.err;
    EXPECT_EQ(run.out, "");
}

TEST_F(Progress, NeverPrintsNothing) {
    const auto run = run_fascicle({corpus_.path().string(), "--progress=never", "-o", output_});
    ASSERT_EQ(run.status, 0) << run.err;
    EXPECT_EQ(run.err, "");
}

TEST_F(Progress, AutoPrintsNothingWhenStandardErrorIsNotATerminal) {
    const auto run = run_fascicle({corpus_.path().string(), "-o", output_});  // into a file: not a terminal
    ASSERT_EQ(run.status, 0) << run.err;
    EXPECT_EQ(run.err, "");
}

TEST_F(Progress, AutoPrintsTheLineOnATerminal) {
    // script(1) runs the command on a pseudo-terminal and copies what it shows to standard output.
    const std::string command = "env -u FASCICLE_PLUGIN_PATH " + shell_quote(FASCICLE_EXE) + " " +
                                shell_quote(corpus_.path().string()) + " -o " + shell_quote(output_);
    const auto run = run_shell("script -qec " + shell_quote(command) + " /dev/null");
    if (run.status == 127) FAIL() << "script(1) (util-linux) is not installed";
    ASSERT_EQ(run.status, 0) << run.out << run.err;
    // The terminal turns "\n" into "\r\n".
    EXPECT_TRUE(std::regex_search(run.out, std::regex(R"(fascicle: 30 of 30 articles, [0-9.]+ MB/s, 0 s left *\r?\n)")))
        << run.out;
}

}  // namespace
