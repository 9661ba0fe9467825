// Hostile EPUBs the new mapping meets: a zip bomb in an image entry, tables nested 100,000 deep
// (the walker recurses: refused at the nesting limit before it starts), an image path that leaves
// the archive, and --max-nesting.
#include "reader_expectations.hpp"
#include "reader_test_archives.hpp"

#include <gtest/gtest.h>

namespace fascicle::epub::test {
namespace {

using fascicle::test::TempDir;

struct Attempt {
    TempDir dir;
    std::filesystem::path path;
    ReadBook read;
};

std::unique_ptr<Attempt> attempt(const std::string& zip, const Options& options = {}) {
    auto a = std::make_unique<Attempt>();
    a->path = a->dir / "book.epub";
    fascicle::test::write_file(a->path, zip);
    a->read = read_epub(a->path, {}, options);
    return a;
}

EpubSpec chapter_showing(const std::string& src) {
    EpubSpec spec;
    spec.documents = {{"chapter.xhtml", xhtml("<h1>T</h1>\n<p>Look: <img src=\"" + src + "\" alt=\"a picture\"/></p>")}};
    return spec;
}

TEST(ReaderHostile, ImageEntryThatDeclaresABombRefusesTheArchive) {
    auto entries = epub_entries(chapter_showing("bomb.png"));
    entries.push_back({"EPUB/bomb.png", std::string(std::size_t(65) << 20, '\0')});
    const auto a = attempt(zip_bytes(entries));
    EXPECT_EQ(a->read.status, Status::failed);
    ASSERT_EQ(a->read.diagnostics.error_count(), 1u) << a->read.diagnostics.text();
    EXPECT_EQ(a->read.diagnostics.of(Severity::error)[0].format(),
              a->path.string() + ": error: entry \"EPUB/bomb.png\" declares 68157440 bytes uncompressed, more than the "
                                 "limit of 64 MiB an entry: refused as a possible zip bomb (--max-entry-size BYTES "
                                 "raises the limit)");
}

TEST(ReaderHostile, ImageEntryThatHidesABombIsLeftOutWithAWarning) {
    // 65 MiB of zeros whose headers say 1000 bytes: the reading stops past 1000 bytes, the image
    // is left out (its alt text kept), the rest of the book is read.
    auto entries = epub_entries(chapter_showing("bomb.png"));
    entries.push_back({"EPUB/bomb.png", std::string(std::size_t(65) << 20, '\0')});
    std::string zip = zip_bytes(entries);
    set_declared_size(zip, "EPUB/bomb.png", 1000);
    const auto a = attempt(zip);
    ASSERT_EQ(a->read.status, Status::ok) << a->read.diagnostics.text();
    const auto warnings = a->read.diagnostics.of(Severity::warning);
    ASSERT_EQ(warnings.size(), 1u) << a->read.diagnostics.text();
    EXPECT_EQ(warnings[0].format(),
              a->path.string() + "(EPUB/chapter.xhtml):7:11: warning: image left out (its alt text is kept): entry "
                                 "\"EPUB/bomb.png\" inflates to more than the 1000 bytes its header declares: refused "
                                 "as a possible zip bomb (limits: 64 MiB an entry, 1 GiB in all, 100 times "
                                 "compressed size)");
    ASSERT_EQ(a->read.book.articles.size(), 1u);
    EXPECT_EQ(plain_text(a->read.book.articles[0].introduction.at(0)), "Look: a picture");
    EXPECT_EQ(a->read.resources->size(), 0u);
}

TEST(ReaderHostile, ImagePathLeavingTheArchiveIsRefused) {
    const auto a = attempt(zip_bytes(epub_entries(chapter_showing("../../etc/passwd"))));
    ASSERT_EQ(a->read.status, Status::ok) << a->read.diagnostics.text();
    const auto warnings = a->read.diagnostics.of(Severity::warning);
    ASSERT_EQ(warnings.size(), 1u) << a->read.diagnostics.text();
    EXPECT_EQ(warnings[0].format(), a->path.string() + "(EPUB/chapter.xhtml):7:11: warning: image \"../../etc/passwd\" "
                                                       "leaves the archive: refused (its alt text is kept)");
    EXPECT_EQ(a->read.resources->size(), 0u);
}

std::string nested_tables(int depth) {
    std::string body = "<h1>T</h1>\n";
    for (int k = 0; k < depth; ++k) body += "<table><tr><td>";
    body += "deep";
    for (int k = 0; k < depth; ++k) body += "</td></tr></table>";
    return body;
}

TEST(ReaderHostile, TablesNested100000DeepAreRefusedAtTheNestingLimit) {
    EpubSpec spec;
    spec.documents = {{"chapter.xhtml", xhtml(nested_tables(100000))}};
    auto entries = epub_entries(spec);
    entries.back().deflate = false;  // 3 MB of markup: stored, not refused for its compression ratio
    const auto a = attempt(zip_bytes(entries));
    EXPECT_EQ(a->read.status, Status::failed);
    ASSERT_EQ(a->read.diagnostics.error_count(), 1u) << a->read.diagnostics.text().substr(0, 2000);
    // html, body, then table/tr/td: the 513th element down is the 171st table (7 + 3 * 170
    // bytes of "<table><tr><td>" = 15 each; a position is the name after its "<").
    EXPECT_EQ(a->read.diagnostics.of(Severity::error)[0].format(),
              a->path.string() + "(EPUB/chapter.xhtml):7:2552: error: malformed content document: elements nest more "
                                 "than 512 deep, the most the reader takes (--max-nesting N changes it, up to 1000): "
                                 "refused");
}

TEST(ReaderHostile, MaxNestingLetsDeeperDocumentsBeRead) {
    // 300 tables, 900 elements deep: refused by default, read with --max-nesting 1000 (the
    // walker's recursion is bounded by it).
    EpubSpec spec;
    spec.documents = {{"chapter.xhtml", xhtml(nested_tables(300))}};
    const std::string zip = zip_bytes(epub_entries(spec));
    EXPECT_EQ(attempt(zip)->read.status, Status::failed);
    const auto a = attempt(zip, {{"max-nesting", "1000"}});
    ASSERT_EQ(a->read.status, Status::ok) << a->read.diagnostics.text().substr(0, 2000);
    ASSERT_EQ(a->read.book.articles.size(), 1u);
    const Block* table = &a->read.book.articles[0].introduction.at(0);
    int depth = 0;
    while (table->kind == Block::Kind::table) {
        ++depth;
        table = &table->table.body.at(0).cells.at(0).blocks.at(0);
    }
    EXPECT_EQ(depth, 300);
    EXPECT_EQ(*table, Block::paragraph("deep"));

    const auto bad = attempt(zip, {{"max-nesting", "5000"}});
    EXPECT_EQ(bad->read.status, Status::bad_options);
    EXPECT_EQ(bad->read.diagnostics.text(), "error: --max-nesting expects a whole number from 1 to 1000, got '5000'\n");
}

}  // namespace
}  // namespace fascicle::epub::test
