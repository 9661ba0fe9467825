// The fascicle CLI writing EPUBs from the sample corpus: the navigation and every paragraph of the
// input files, reproducibility, the cover option. Expectations come from the .txt files and
// book.ini themselves, read here by the rules of formats/article-text/FORMAT.md.
#include "epub_archive.hpp"

#include <test_support.hpp>

#include <zip.h>

#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <sstream>

namespace fascicle::epub::test {
namespace {

using fascicle::test::read_file;
using fascicle::test::run_fascicle;
using fascicle::test::TempDir;

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

struct CorpusArticle {
    std::string id;
    std::string title;
    std::vector<std::string> toc;        // the "- " lines
    std::vector<std::string> paragraphs;  // every other line: summary, introduction, headings, text, conclusion
};

// Article titles that book.ini gives ([article ID] title = ...).
std::map<std::string, std::string> title_overrides(const std::filesystem::path& ini) {
    std::map<std::string, std::string> titles;
    std::istringstream in(read_file(ini));
    std::string line;
    std::string article;
    while (std::getline(in, line)) {
        line = trim(line);
        if (line.starts_with("[article ")) article = trim(line.substr(9, line.size() - 10));
        else if (line.starts_with("[")) article.clear();
        else if (!article.empty() && line.starts_with("title")) titles[article] = trim(line.substr(line.find('=') + 1));
    }
    return titles;
}

CorpusArticle read_article(const std::filesystem::path& file, const std::map<std::string, std::string>& titles) {
    CorpusArticle a;
    a.id = file.stem().string();
    std::istringstream in(read_file(file));
    std::string line;
    while (std::getline(in, line)) {
        line = trim(line);
        if (line.empty()) continue;
        if (line.starts_with("- ")) a.toc.push_back(trim(line.substr(2)));
        else a.paragraphs.push_back(line);
    }
    auto given = titles.find(a.id);
    a.title = given != titles.end() ? given->second : a.toc.at(0);
    return a;
}

std::vector<CorpusArticle> read_corpus(bool with_book_ini = true) {
    const auto dir = fascicle::test::sample_corpus_dir();
    const auto titles = with_book_ini ? title_overrides(dir / "book.ini") : std::map<std::string, std::string>{};
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::vector<CorpusArticle> articles;
    for (const auto& f : files) articles.push_back(read_article(f, titles));
    return articles;
}

// Checks an EPUB the CLI wrote against the articles it was made from.
void expect_book_shows(const std::filesystem::path& epub, const std::vector<CorpusArticle>& articles) {
    EpubArchive archive(epub);
    ASSERT_FALSE(archive.entries().empty());
    EXPECT_EQ(archive.entries()[0].name, "mimetype");
    EXPECT_EQ(archive.entries()[0].compression, ZIP_CM_STORE);
    EXPECT_EQ(archive.read("mimetype"), "application/epub+zip");

    // The navigation: every article title, its section titles beneath, in order.
    auto nav = archive.xml("EPUB/nav.xhtml");
    const auto items = nav->select_nodes("//nav[@id='toc']/ol/li");
    ASSERT_EQ(items.size(), articles.size());
    std::size_t i = 0;
    for (const auto& item : items) {
        const CorpusArticle& a = articles[i++];
        EXPECT_EQ(std::string(item.node().child("a").text().get()), a.title) << a.id;
        std::vector<std::string> sections = texts(item.node(), "ol/li/a");
        std::vector<std::string> expected = a.toc;
        expected.push_back("Conclusion");
        EXPECT_EQ(sections, expected) << a.id;

        // The chapter: every line of the input that is not a table-of-contents entry, in order,
        // as a heading or a paragraph (the title and the "Conclusion" heading are ours).
        const std::string href = item.node().child("a").attribute("href").value();
        auto chapter = archive.xml("EPUB/" + href);
        EXPECT_EQ(texts(*chapter, "//h1"), std::vector<std::string>{a.title});
        EXPECT_EQ(texts(*chapter, "//*[self::p or (self::h2 and not(parent::section[@role='doc-conclusion']))]"),
                  a.paragraphs)
            << a.id;
    }
}

class EpubCli : public ::testing::Test {
protected:
    TempDir dir;
    const std::string corpus = fascicle::test::sample_corpus_dir().string();
    const std::string one_article = corpus + "/000_f53ed46ec5733f67.txt";
};

TEST_F(EpubCli, TheCorpusBookShowsEveryTitleAndParagraphInOrder) {
    const auto out = dir / "corpus.epub";
    auto run = run_fascicle({corpus, "-o", out.string()});
    ASSERT_EQ(run.status, 0) << run.err;
    expect_book_shows(out, read_corpus());

    auto opf = EpubArchive(out).xml("EPUB/package.opf");
    EXPECT_STREQ(opf->select_node("//dc:title").node().text().get(), "Kratom and the Mind: Five Essays");
    EXPECT_STREQ(opf->select_node("//dc:identifier").node().text().get(),
                 "urn:uuid:6f1c3a52-2d0e-4c1b-9a57-3f5b8e1d2c40");
}

TEST_F(EpubCli, AOneArticleBookIsTitledByItsArticle) {
    const auto out = dir / "one.epub";
    auto run = run_fascicle({one_article, "-o", out.string()});
    ASSERT_EQ(run.status, 0) << run.err;
    const auto article = read_article(one_article, {});
    expect_book_shows(out, {article});
    auto opf = EpubArchive(out).xml("EPUB/package.opf");
    EXPECT_EQ(std::string(opf->select_node("//dc:title").node().text().get()), article.title);
    EXPECT_TRUE(std::regex_match(std::string(opf->select_node("//dc:identifier").node().text().get()),
                                 std::regex("urn:uuid:[0-9a-f-]{36}")));
}

TEST_F(EpubCli, TheCoverOptionAddsACover) {
    const auto out = dir / "cover.epub";
    auto run = run_fascicle({corpus, "--cover", FASCICLE_EPUB_TEST_DATA "/cover.png", "-o", out.string()});
    ASSERT_EQ(run.status, 0) << run.err;
    EpubArchive archive(out);
    EXPECT_EQ(archive.read("EPUB/images/cover.png"), read_file(FASCICLE_EPUB_TEST_DATA "/cover.png"));
    EXPECT_TRUE(archive.xml("EPUB/package.opf")->select_node("//item[@properties='cover-image']"));
}

TEST_F(EpubCli, ABadCoverFailsAndWritesNothing) {
    const auto out = dir / "bad.epub";
    auto run = run_fascicle({corpus, "--cover", FASCICLE_EPUB_TEST_DATA "/not-an-image.gif", "-o", out.string()});
    EXPECT_NE(run.status, 0);
    EXPECT_NE(run.err.find("neither PNG nor JPEG"), std::string::npos) << run.err;
    EXPECT_FALSE(std::filesystem::exists(out));
}

TEST_F(EpubCli, TwoRunsGiveByteIdenticalEpubs) {
    for (const char* name : {"1.epub", "2.epub"}) {
        auto run = run_fascicle({corpus, "-o", (dir / name).string()}, "-u SOURCE_DATE_EPOCH");
        ASSERT_EQ(run.status, 0) << run.err;
    }
    EXPECT_EQ(read_file(dir / "1.epub"), read_file(dir / "2.epub"));
}

TEST_F(EpubCli, AnotherSourceDateEpochChangesOnlyDctermsModified) {
    for (const char* epoch : {"1700000000", "1800000000"}) {
        auto run = run_fascicle({corpus, "-o", (dir / (std::string(epoch) + ".epub")).string()},
                             std::string("SOURCE_DATE_EPOCH=") + epoch);
        ASSERT_EQ(run.status, 0) << run.err;
    }
    EpubArchive a(dir / "1700000000.epub");
    EpubArchive b(dir / "1800000000.epub");
    ASSERT_EQ(a.entries().size(), b.entries().size());
    for (std::size_t i = 0; i < a.entries().size(); ++i) {
        const std::string& name = a.entries()[i].name;
        ASSERT_EQ(name, b.entries()[i].name);
        EXPECT_EQ(a.entries()[i].mtime, b.entries()[i].mtime) << name;
        if (name == "EPUB/package.opf") continue;
        EXPECT_EQ(a.read(name), b.read(name)) << name;
    }
    const std::regex modified(R"(<meta property="dcterms:modified">([^<]*)</meta>)");
    const std::string opf_a = a.read("EPUB/package.opf");
    const std::string opf_b = b.read("EPUB/package.opf");
    std::smatch match;
    ASSERT_TRUE(std::regex_search(opf_a, match, modified));
    EXPECT_EQ(match[1], "2023-11-14T22:13:20Z");
    ASSERT_TRUE(std::regex_search(opf_b, match, modified));
    EXPECT_EQ(match[1], "2027-01-15T08:00:00Z");
    EXPECT_EQ(std::regex_replace(opf_a, modified, "M"), std::regex_replace(opf_b, modified, "M"));
}

TEST_F(EpubCli, StandardOutputGetsTheSameBook) {
    auto to_file = run_fascicle({corpus, "-o", (dir / "file.epub").string()}, "SOURCE_DATE_EPOCH=1700000000");
    ASSERT_EQ(to_file.status, 0) << to_file.err;
    auto to_stdout = run_fascicle({corpus, "-t", "epub", "-o", "-"}, "SOURCE_DATE_EPOCH=1700000000");
    ASSERT_EQ(to_stdout.status, 0) << to_stdout.err;
    EXPECT_EQ(to_stdout.out, read_file(dir / "file.epub"));
}

}  // namespace
}  // namespace fascicle::epub::test
