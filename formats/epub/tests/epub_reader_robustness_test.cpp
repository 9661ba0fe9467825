// Damaged EPUBs never crash the reader, never throw, and never fail without saying why: the
// sample corpus's EPUB with one entry cut, spliced or sprinkled with markup characters, over
// and over (seeded: the same cases every run), and with bytes of the archive itself flipped.
#include "epub_archive.hpp"
#include "reader_expectations.hpp"
#include "reader_test_archives.hpp"
#include "test_books.hpp"

#include <gtest/gtest.h>

#include <random>

namespace fascicle::epub::test {
namespace {

using fascicle::test::TempDir;

std::size_t pick(std::mt19937& random, std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(random);
}

std::string mutated(std::string text, std::mt19937& random) {
    static const std::vector<std::string> pieces = {
        "<",    ">",         "&",          "&nbsp;", "&bogus;", "]]>",          "<!--", "\"", "</p>",
        "<h1>", "<section>", "</section>", "<li>",   "\xFF",    "<!DOCTYPE x>", "../",  "#",  std::string(1, '\0')};
    switch (pick(random, 4)) {
        case 0: {  // cut a range out
            const std::size_t at = pick(random, text.size());
            text.erase(at, pick(random, 200));
            break;
        }
        case 1: {  // duplicate a range somewhere else
            const std::size_t from = pick(random, text.size());
            const std::string range = text.substr(from, pick(random, 300));
            text.insert(pick(random, text.size()), range);
            break;
        }
        default:  // sprinkle markup characters
            for (int k = 0; k < 5; ++k) text.insert(pick(random, text.size()), pieces[pick(random, pieces.size())]);
    }
    return text;
}

void expect_sane(const ReadBook& read) {
    if (read.status == Status::ok)
        EXPECT_EQ(read.diagnostics.error_count(), 0u) << read.diagnostics.text();
    else
        EXPECT_GE(read.diagnostics.error_count(), 1u) << "failed without an error";
}

class ReaderRobustness : public ::testing::Test {
protected:
    void SetUp() override {
        const WrittenEpub written = write_epub(sample_book(), dir_.path());
        ASSERT_EQ(written.status, Status::ok);
        bytes_ = written.bytes();
        EpubArchive archive(written.path);
        for (const auto& e : archive.entries())
            entries_.push_back({e.name, archive.read(e.name), e.name != "mimetype"});
    }
    TempDir dir_;
    std::string bytes_;
    std::vector<ZipEntry> entries_;
};

TEST_F(ReaderRobustness, MutatedEntries) {
    std::mt19937 random(20240501);
    for (int round = 0; round < 150; ++round) {
        auto entries = entries_;
        ZipEntry& victim = entries[1 + pick(random, entries.size() - 1)];
        victim.bytes = mutated(victim.bytes, random);
        SCOPED_TRACE("round " + std::to_string(round) + ", " + victim.name);
        const auto path = dir_ / "mutated.epub";
        fascicle::test::write_file(path, zip_bytes(entries));
        expect_sane(read_epub(path));
    }
}

TEST_F(ReaderRobustness, FlippedArchiveBytes) {
    std::mt19937 random(7);
    for (int round = 0; round < 150; ++round) {
        std::string bytes = bytes_;
        for (int k = 0; k < 4; ++k) bytes[pick(random, bytes.size())] ^= char(1 << pick(random, 8));
        SCOPED_TRACE("round " + std::to_string(round));
        expect_sane(read_epub_stream(bytes));
    }
}

}  // namespace
}  // namespace fascicle::epub::test
