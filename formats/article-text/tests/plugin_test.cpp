// The built plugin, loaded as the host loads it: its entry points, its format description, and a
// sample read through the reader it makes.
#include <test_support.hpp>

#include <boost/dll/shared_library.hpp>
#include <gtest/gtest.h>

#include <fstream>

namespace fascicle::article_text {
namespace {

TEST(Plugin, DescribesTheArticleTextFormat) {
    boost::dll::shared_library library(ARTICLE_TEXT_PLUGIN_FILE);
    ASSERT_TRUE(library.has("fascicle_plugin_api_version"));
    ASSERT_TRUE(library.has("fascicle_plugin"));
    auto version = *library.get<std::uint32_t (*)()>("fascicle_plugin_api_version");
    EXPECT_EQ(version(), api_version.packed());

    const auto& plugin = (*library.get<const PluginDescriptor& (*)()>("fascicle_plugin"))();
    EXPECT_EQ(plugin.name, "article-text");
    ASSERT_EQ(plugin.formats.size(), 1u);
    const auto& format = plugin.formats[0];
    EXPECT_EQ(format.name, "article-text");
    EXPECT_EQ(format.extensions, std::vector<std::string>{".txt"});
    EXPECT_FALSE(format.claims_output_extensions);
    EXPECT_FALSE(format.binary);
    EXPECT_FALSE(format.buffers_book);
    ASSERT_TRUE(format.make_reader);
    ASSERT_TRUE(format.make_writer);

    // Objects the plugin made die before the library is unloaded.
    {
        auto reader = format.make_reader();
        fascicle::test::CollectingArticles articles;
        fascicle::test::RecordingDiagnostics diagnostics;
        ASSERT_EQ(fascicle::test::read_file_with(*reader, fascicle::test::sample_corpus_dir() / "002_0157e4d1d6aad3de.txt",
                                              articles, diagnostics),
                  Status::ok)
            << diagnostics.text();
        ASSERT_EQ(articles.articles.size(), 1u);
        EXPECT_EQ(articles.articles[0].id, "002_0157e4d1d6aad3de");
        EXPECT_EQ(articles.articles[0].sections.size(), 3u);

        auto writer = format.make_writer();
        fascicle::test::StringOutput output;
        Book book;
        book.articles = std::move(articles.articles);
        ASSERT_EQ(fascicle::test::write_book(*writer, book, output, diagnostics), Status::ok);
        EXPECT_EQ(output.str(),
                  fascicle::test::read_file(fascicle::test::sample_corpus_dir() / "002_0157e4d1d6aad3de.txt") + "\n");
    }
}

}  // namespace
}  // namespace fascicle::article_text
