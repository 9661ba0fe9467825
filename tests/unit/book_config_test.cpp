#include <fascicle/host/book_config.hpp>

#include "test_support.hpp"

#include <gtest/gtest.h>

using namespace fascicle;
using namespace fascicle::host;

TEST(BookConfig, ReadsBookAndArticleSections) {
    test::TempDir dir;
    test::write_file(dir / "book.ini",
                     "title = The Book\nauthor = A. One\nauthor = B. Two\nlanguage = en\n"
                     "conclusion-title = Wrap-up\n\n[article 003_abc]\ntitle = Third\n");
    BookConfig config;
    test::RecordingDiagnostics diags;
    ASSERT_TRUE(read_book_config(dir / "book.ini", config, diags)) << diags.text();
    EXPECT_EQ(config.book.title, "The Book");
    EXPECT_EQ(config.book.authors(), (std::vector<std::string>{"A. One", "B. Two"}));
    EXPECT_EQ(config.book.extra.at("conclusion-title"), "Wrap-up");
    ASSERT_TRUE(config.articles.count("003_abc"));

    Article a;
    a.id = "003_abc";
    a.title = fascicle::title_inlines("From the table of contents");
    config.apply_to(a);
    EXPECT_EQ(a.title_text(), "Third");
}

TEST(BookConfig, BadLineNamesFileAndLine) {
    test::TempDir dir;
    test::write_file(dir / "bad.ini", "title = ok\n\nthis line has no equals sign\n");
    BookConfig config;
    test::RecordingDiagnostics diags;
    EXPECT_FALSE(read_book_config(dir / "bad.ini", config, diags));
    ASSERT_EQ(diags.error_count(), 1u);
    EXPECT_EQ(diags.all[0].file, (dir / "bad.ini").string());
    EXPECT_EQ(diags.all[0].line, 3u);
    EXPECT_NE(diags.all[0].message.find("key = value"), std::string::npos) << diags.text();
}

TEST(BookConfig, LaterFilesWin) {
    test::TempDir dir;
    test::write_file(dir / "a.ini", "title = A\npublisher = P\n");
    test::write_file(dir / "b.ini", "title = B\n");
    BookConfig config;
    test::RecordingDiagnostics diags;
    ASSERT_TRUE(read_book_config(dir / "a.ini", config, diags));
    ASSERT_TRUE(read_book_config(dir / "b.ini", config, diags));
    EXPECT_EQ(config.book.title, "B");
    EXPECT_EQ(config.book.publisher, "P");
}
