// The text files of the feature book's EPUB compared with reviewed copies in tests/golden/.
// FASCICLE_REGENERATE_GOLDEN=1 rewrites them (then review the diff).
#include "epub_archive.hpp"
#include "test_books.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

namespace fascicle::epub::test {
namespace {

TEST(EpubGolden, TheFeatureBookMatchesTheReviewedFiles) {
    fascicle::test::TempDir dir;
    ScopedEnvironment epoch("SOURCE_DATE_EPOCH", "1700000000");
    auto written = write_epub(feature_book(), dir.path(), "golden.epub", {{"cover", FASCICLE_EPUB_TEST_DATA "/cover.jpg"}});
    ASSERT_EQ(written.status, Status::ok) << written.diagnostics.text();
    EpubArchive archive(written.path);

    const std::filesystem::path golden = FASCICLE_EPUB_SOURCE_DIR "/tests/golden/feature-book";
    const char* regenerate = std::getenv("FASCICLE_REGENERATE_GOLDEN");
    const bool regenerating = regenerate && std::string(regenerate) == "1";
    std::size_t compared = 0;
    for (const auto& entry : archive.entries()) {
        // The images are copies of the test data; the stylesheet is compared by EpubContent.
        if (entry.name.starts_with("EPUB/images/") || entry.name.ends_with(".css")) continue;
        const std::string actual = archive.read(entry.name);
        if (regenerating) {
            fascicle::test::write_file(golden / entry.name, actual);
            continue;
        }
        ASSERT_TRUE(std::filesystem::exists(golden / entry.name))
            << entry.name << " has no golden file: run with FASCICLE_REGENERATE_GOLDEN=1 and review";
        EXPECT_EQ(actual, fascicle::test::read_file(golden / entry.name)) << entry.name;
        ++compared;
    }
    if (regenerating) GTEST_SKIP() << "golden files rewritten in " << golden;
    EXPECT_EQ(compared, 10u);
}

}  // namespace
}  // namespace fascicle::epub::test
