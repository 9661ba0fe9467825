// The built plugin, loaded the way the quire CLI loads it.
#include "epub_archive.hpp"
#include "test_books.hpp"

#include <quire/host/plugin_registry.hpp>

#include <gtest/gtest.h>

namespace quire::epub::test {
namespace {

TEST(EpubPlugin, DescribesTheEpubOutputFormat) {
    host::PluginRegistry registry;
    ASSERT_TRUE(registry.load_file(QUIRE_EPUB_PLUGIN_FILE))
        << (registry.rejected().empty() ? "skipped" : registry.rejected()[0].reason);
    const auto* format = registry.find("epub");
    ASSERT_NE(format, nullptr);
    EXPECT_TRUE(format->can_write());
    EXPECT_FALSE(format->can_read());
    EXPECT_EQ(format->info.extensions, std::vector<std::string>{".epub"});
    EXPECT_TRUE(format->info.binary);
    EXPECT_FALSE(format->info.buffers_book);
    ASSERT_EQ(format->info.options.size(), 1u);
    EXPECT_EQ(format->info.options[0].name, "cover");
    EXPECT_EQ(format->info.options[0].value_name, "FILE");
    EXPECT_EQ(registry.find_writer_by_extension(".epub"), format);
}

TEST(EpubPlugin, ItsWriterEmbedsOurStylesheet) {
    host::PluginRegistry registry;
    ASSERT_TRUE(registry.load_file(QUIRE_EPUB_PLUGIN_FILE));
    auto writer = registry.make_writer(*registry.find("epub"));
    quire::test::TempDir dir;
    quire::test::FileOutput output(dir / "book.epub");
    quire::test::RecordingDiagnostics diagnostics;
    ASSERT_EQ(quire::test::write_book(*writer, small_book(), output, diagnostics), Status::ok) << diagnostics.text();
    EXPECT_EQ(EpubArchive(dir / "book.epub").read("EPUB/css/epub.css"), stylesheet());
}

}  // namespace
}  // namespace quire::epub::test
