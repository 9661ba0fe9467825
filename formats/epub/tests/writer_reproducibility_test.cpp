// Same input, same bytes: across runs, time zones and outputs; SOURCE_DATE_EPOCH changes only
// dcterms:modified.
#include "epub_archive.hpp"
#include "epub_writer.hpp"
#include "test_books.hpp"

#include <gtest/gtest.h>

#include <ctime>
#include <regex>

namespace fascicle::epub::test {
namespace {

using fascicle::test::TempDir;

const Options with_cover{{"cover", FASCICLE_EPUB_TEST_DATA "/cover.png"}};

TEST(EpubReproducibility, TwoRunsGiveIdenticalBytes) {
    TempDir dir;
    ScopedEnvironment epoch("SOURCE_DATE_EPOCH", std::nullopt);
    auto first = write_epub(feature_book(), dir.path(), "1.epub", with_cover);
    auto second = write_epub(feature_book(), dir.path(), "2.epub", with_cover);
    ASSERT_EQ(first.status, Status::ok) << first.diagnostics.text();
    ASSERT_EQ(second.status, Status::ok);
    EXPECT_EQ(first.bytes(), second.bytes());
}

TEST(EpubReproducibility, TheTimeZoneDoesNotChangeTheBytes) {
    TempDir dir;
    ScopedEnvironment epoch("SOURCE_DATE_EPOCH", "1700000000");
    std::string bytes[2];
    const char* zones[2] = {"UTC0", "NZST-12NZDT"};
    for (int i = 0; i < 2; ++i) {
        ScopedEnvironment zone("TZ", zones[i]);
        tzset();
        auto written = write_epub(feature_book(), dir.path(), std::to_string(i) + ".epub");
        ASSERT_EQ(written.status, Status::ok);
        bytes[i] = written.bytes();
    }
    tzset();
    EXPECT_EQ(bytes[0], bytes[1]);
}

TEST(EpubReproducibility, AnotherSourceDateEpochChangesOnlyDctermsModified) {
    TempDir dir;
    std::unique_ptr<EpubArchive> archives[2];
    for (int i = 0; i < 2; ++i) {
        ScopedEnvironment epoch("SOURCE_DATE_EPOCH", i == 0 ? "1700000000" : "1800000000");
        auto written = write_epub(feature_book(), dir.path(), std::to_string(i) + ".epub", with_cover);
        ASSERT_EQ(written.status, Status::ok);
        archives[i] = std::make_unique<EpubArchive>(written.path);
    }
    const auto& a = archives[0]->entries();
    const auto& b = archives[1]->entries();
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].name, b[i].name);
        EXPECT_EQ(a[i].mtime, b[i].mtime) << a[i].name;
        EXPECT_EQ(a[i].compression, b[i].compression) << a[i].name;
        if (a[i].name == "EPUB/package.opf") continue;
        EXPECT_EQ(archives[0]->read(a[i].name), archives[1]->read(b[i].name)) << a[i].name;
    }
    const std::regex modified(R"(<meta property="dcterms:modified">[^<]*</meta>)");
    const std::string opf0 = archives[0]->read("EPUB/package.opf");
    const std::string opf1 = archives[1]->read("EPUB/package.opf");
    EXPECT_NE(opf0.find("2023-11-14T22:13:20Z"), std::string::npos);
    EXPECT_NE(opf1.find("2027-01-15T08:00:00Z"), std::string::npos);
    EXPECT_EQ(std::regex_replace(opf0, modified, "M"), std::regex_replace(opf1, modified, "M"));
}

std::size_t spool_folders(const std::filesystem::path& temp) {
    std::size_t count = 0;
    for (const auto& e : std::filesystem::directory_iterator(temp))
        if (e.path().filename().string().starts_with("fascicle-epub-")) ++count;
    return count;
}

TEST(EpubReproducibility, TheTemporaryChapterFolderIsRemoved) {
    TempDir dir;
    // A temporary folder of this test's own, so that tests running beside it do not count.
    std::filesystem::create_directory(dir / "tmp");
    ScopedEnvironment tmpdir("TMPDIR", (dir / "tmp").string());
    const auto spool_folders = [&] { return test::spool_folders(dir / "tmp"); };
    const std::size_t before = spool_folders();
    EXPECT_EQ(before, 0u);
    auto written = write_epub(feature_book(), dir.path());
    ASSERT_EQ(written.status, Status::ok);
    EXPECT_EQ(spool_folders(), before);

    {  // A book abandoned half-way (the host stops after a failed article).
        fascicle::test::FileOutput output(dir / "abandoned.epub");
        fascicle::test::RecordingDiagnostics diagnostics;
        Options options;
        WriteContext ctx{options, diagnostics, output, false};
        EpubWriter writer(stylesheet());
        ASSERT_EQ(writer.begin_book(feature_book().metadata, ctx), Status::ok);
        ASSERT_EQ(writer.write_article(feature_book().articles[0]), Status::ok);
        EXPECT_EQ(spool_folders(), before + 1);
    }
    EXPECT_EQ(spool_folders(), before);
}

}  // namespace
}  // namespace fascicle::epub::test
