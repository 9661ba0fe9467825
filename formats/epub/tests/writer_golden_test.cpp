// The text files of the feature book's EPUB compared with reviewed copies in tests/golden/.
// FASCICLE_REGENERATE_GOLDEN=1 rewrites them (then review the diff).
#include "epub_archive.hpp"
#include "epub_writer.hpp"
#include "test_books.hpp"

#include <feature_book.hpp>

#include <gtest/gtest.h>

#include <cstdlib>

namespace fascicle::epub::test {
namespace {

// Compares every text entry of `book` with golden/`name`/ (or rewrites them); returns how many.
std::size_t compare_with_golden(const std::filesystem::path& book, const std::string& name) {
    EpubArchive archive(book);
    const std::filesystem::path golden = std::filesystem::path(FASCICLE_EPUB_SOURCE_DIR "/tests/golden") / name;
    const char* regenerate = std::getenv("FASCICLE_REGENERATE_GOLDEN");
    const bool regenerating = regenerate && std::string(regenerate) == "1";
    std::size_t compared = 0;
    for (const auto& entry : archive.entries()) {
        // The images are copies of the test data; the stylesheet is compared by EpubContent.
        if (entry.name.starts_with("EPUB/images/") || entry.name.starts_with("EPUB/media/") ||
            entry.name.ends_with(".css"))
            continue;
        const std::string actual = archive.read(entry.name);
        if (regenerating) {
            fascicle::test::write_file(golden / entry.name, actual);
            continue;
        }
        EXPECT_TRUE(std::filesystem::exists(golden / entry.name))
            << entry.name << " has no golden file: run with FASCICLE_REGENERATE_GOLDEN=1 and review";
        EXPECT_EQ(actual, fascicle::test::read_file(golden / entry.name)) << entry.name;
        ++compared;
    }
    if (regenerating) ADD_FAILURE() << "golden files rewritten in " << golden << ": review them, then run again";
    return compared;
}

TEST(EpubGolden, TheFeatureBookMatchesTheReviewedFiles) {
    fascicle::test::TempDir dir;
    ScopedEnvironment epoch("SOURCE_DATE_EPOCH", "1700000000");
    auto written = write_epub(feature_book(), dir.path(), "golden.epub", {{"cover", FASCICLE_EPUB_TEST_DATA "/cover.jpg"}});
    ASSERT_EQ(written.status, Status::ok) << written.diagnostics.text();
    EXPECT_EQ(compare_with_golden(written.path, "feature-book"), 10u);
}

// The shared feature book: every kind of the document model, with its image.
TEST(EpubGolden, EveryKindMatchesTheReviewedFiles) {
    fascicle::test::TempDir dir;
    ScopedEnvironment epoch("SOURCE_DATE_EPOCH", "1700000000");
    fascicle::test::FeatureBook features;
    fascicle::test::make_feature_book(features);
    const auto path = dir / "every-kind.epub";
    fascicle::test::RecordingDiagnostics diagnostics;
    {
        fascicle::test::FileOutput output(path);
        EpubWriter writer(stylesheet());
        ASSERT_EQ(fascicle::test::write_book(writer, features.book, output, diagnostics, {}, false, &features.resources),
                  Status::ok)
            << diagnostics.text();
    }
    // mimetype, container, package, navigation, NCX, title page and the two chapters
    EXPECT_EQ(compare_with_golden(path, "every-kind"), 8u);
}

}  // namespace
}  // namespace fascicle::epub::test
