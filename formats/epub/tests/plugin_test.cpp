// The built plugin, loaded the way the fascicle CLI loads it.
#include "epub_archive.hpp"
#include "test_books.hpp"

#include <fascicle/host/plugin_registry.hpp>

#include <gtest/gtest.h>

namespace fascicle::epub::test {
namespace {

TEST(EpubPlugin, DescribesTheEpubFormat) {
    host::PluginRegistry registry;
    ASSERT_TRUE(registry.load_file(FASCICLE_EPUB_PLUGIN_FILE))
        << (registry.rejected().empty() ? "skipped" : registry.rejected()[0].reason);
    const auto* format = registry.find("epub");
    ASSERT_NE(format, nullptr);
    EXPECT_TRUE(format->can_write());
    EXPECT_TRUE(format->can_read());
    EXPECT_EQ(format->info.extensions, std::vector<std::string>{".epub"});
    EXPECT_TRUE(format->info.binary);
    EXPECT_FALSE(format->info.buffers_book);
    ASSERT_EQ(format->info.options.size(), 6u);
    EXPECT_EQ(format->info.options[0].name, "cover");
    EXPECT_EQ(format->info.options[0].value_name, "FILE");
    EXPECT_EQ(format->info.options[1].name, "page-map");  // the print edition's pages (fascicle/page_map.hpp)
    EXPECT_EQ(format->info.options[1].value_name, "FILE");
    EXPECT_EQ(format->info.options[2].name, "print-edition");
    EXPECT_EQ(format->info.options[3].name, "max-entry-size");  // the reader's limit (fascicle/input_limits.hpp)
    EXPECT_EQ(format->info.options[3].value_name, "BYTES");
    EXPECT_EQ(format->info.options[4].name, "max-nesting");  // the walker's recursion (fascicle/input_limits.hpp)
    EXPECT_EQ(format->info.options[5].name, "fail-on-loss");  // fascicle/loss_report.hpp
    EXPECT_TRUE(format->info.options[5].value_name.empty());
    EXPECT_EQ(registry.find_writer_by_extension(".epub"), format);
    EXPECT_EQ(registry.find_reader_by_extension(".epub"), format);
}

TEST(EpubPlugin, ItsWriterEmbedsOurStylesheet) {
    host::PluginRegistry registry;
    ASSERT_TRUE(registry.load_file(FASCICLE_EPUB_PLUGIN_FILE));
    auto writer = registry.make_writer(*registry.find("epub"));
    fascicle::test::TempDir dir;
    fascicle::test::FileOutput output(dir / "book.epub");
    fascicle::test::RecordingDiagnostics diagnostics;
    ASSERT_EQ(fascicle::test::write_book(*writer, small_book(), output, diagnostics), Status::ok) << diagnostics.text();
    EXPECT_EQ(EpubArchive(dir / "book.epub").read("EPUB/css/epub.css"), stylesheet());
}

TEST(EpubPlugin, ItsReaderReadsWhatItsWriterWrote) {
    host::PluginRegistry registry;
    ASSERT_TRUE(registry.load_file(FASCICLE_EPUB_PLUGIN_FILE));
    const auto& format = *registry.find("epub");
    fascicle::test::TempDir dir;
    fascicle::test::FileOutput output(dir / "book.epub");
    fascicle::test::RecordingDiagnostics diagnostics;
    const Book book = small_book();
    ASSERT_EQ(fascicle::test::write_book(*registry.make_writer(format), book, output, diagnostics), Status::ok)
        << diagnostics.text();
    output.close();

    auto reader = registry.make_reader(format);
    fascicle::test::CollectingArticles articles;
    Metadata found;
    ASSERT_EQ(fascicle::test::read_file_with(*reader, dir / "book.epub", articles, diagnostics, {}, &found), Status::ok)
        << diagnostics.text();
    EXPECT_EQ(found.title, book.metadata.title);
    ASSERT_EQ(articles.articles.size(), 1u);
    Article expected = book.articles[0];
    expected.source = dir / "book.epub";
    EXPECT_EQ(articles.articles[0], expected);
}

}  // namespace
}  // namespace fascicle::epub::test
