#include <fascicle/host/plugin_registry.hpp>

#include "test_support.hpp"

#include <boost/dll/library_info.hpp>
#include <gtest/gtest.h>

using namespace fascicle;
using namespace fascicle::host;

namespace {

const std::filesystem::path good_dir = FASCICLE_TEST_PLUGIN_DIR;
const std::filesystem::path broken_dir = FASCICLE_TEST_BROKEN_DIR;
const std::filesystem::path stripped_dir = FASCICLE_TEST_STRIPPED_DIR;

std::string reason_for(const PluginRegistry& r, const std::string& file_name) {
    for (const auto& rej : r.rejected())
        if (rej.path.filename() == file_name) return rej.reason;
    return "(not rejected)";
}

}  // namespace

TEST(PluginRegistry, LoadsAGoodPlugin) {
    PluginRegistry r;
    ASSERT_TRUE(r.load_file(good_dir / "fascicle-test-lines.so"));
    ASSERT_EQ(r.plugins().size(), 1u);
    EXPECT_EQ(r.plugins()[0]->name, "test-lines");
    EXPECT_EQ(r.plugins()[0]->version, "1.2.3");
    EXPECT_EQ(r.plugins()[0]->api.to_string(), api_version.to_string());
    const auto* f = r.find("test-lines");
    ASSERT_NE(f, nullptr);
    EXPECT_TRUE(f->can_read());
    EXPECT_TRUE(f->can_write());
    EXPECT_EQ(r.find_reader_by_extension(".lines"), f);
    EXPECT_EQ(r.find_writer_by_extension(".lines"), f);
    EXPECT_EQ(r.find_reader_by_extension(".nope"), nullptr);
    ASSERT_EQ(r.options().size(), 1u);
    EXPECT_EQ(r.options()[0].name, "fail-on");
}

TEST(PluginRegistry, ReaderAndWriterWork) {
    PluginRegistry r;
    ASSERT_TRUE(r.load_file(good_dir / "fascicle-test-lines.so"));
    auto reader = r.make_reader(*r.find("test-lines"));
    ASSERT_TRUE(reader);
    std::istringstream in("first\n\nsecond\n");
    test::CollectingArticles sink;
    test::RecordingDiagnostics diags;
    Metadata found;
    fascicle::Resources ctx_resources;
    ReadContext ctx{{}, diags, found, ctx_resources};
    ASSERT_EQ(reader->read(Input{"x.lines", "x.lines", &in, "x"}, ctx, sink), Status::ok);
    ASSERT_EQ(sink.articles.size(), 1u);
    EXPECT_EQ(sink.articles[0].title_text(), "first");
    EXPECT_EQ(sink.articles[0].introduction.size(), 2u);
}

TEST(PluginRegistry, ReadersOutliveTheRegistrySafely) {
    std::shared_ptr<Writer> writer;
    {
        PluginRegistry r;
        ASSERT_TRUE(r.load_file(good_dir / "fascicle-test-lines.so"));
        writer = r.make_writer(*r.find("test-lines"));
    }
    // The registry is gone; the writer still holds its library, so its code is still there.
    test::StringOutput out;
    test::RecordingDiagnostics diags;
    Book book;
    book.metadata.title = "T";
    book.articles.push_back(Article{"a", fascicle::title_inlines("A"), {}, {}, {}, {}, {}, {}});
    ASSERT_EQ(test::write_book(*writer, book, out, diags), Status::ok);
    EXPECT_NE(out.str().find("article a"), std::string::npos);
    writer.reset();
}

// What a plugin built on another format (pdf on docbook) reaches through the SDK: the writers of
// the newest live registry, and a reason when there is none.
TEST(PluginRegistry, PluginsReachTheNewestRegistrysWriters) {
    std::string why;
    {
        PluginRegistry r;
        ASSERT_TRUE(r.load_file(good_dir / "fascicle-test-lines.so"));
        auto writer = make_loaded_writer("test-lines", why);
        ASSERT_TRUE(writer) << why;
        test::StringOutput out;
        test::RecordingDiagnostics diags;
        Book book;
        book.metadata.title = "T";
        book.articles.push_back(Article{"a", fascicle::title_inlines("A"), {}, {}, {}, {}, {}, {}});
        ASSERT_EQ(test::write_book(*writer, book, out, diags), Status::ok);
        EXPECT_NE(out.str().find("article a"), std::string::npos);

        EXPECT_FALSE(make_loaded_writer("docbook", why));
        EXPECT_EQ(why, "no loaded plugin provides format 'docbook'");
        {
            PluginRegistry empty;  // the newest: its (no) formats are the ones plugins see
            EXPECT_FALSE(make_loaded_writer("test-lines", why));
        }
        EXPECT_TRUE(make_loaded_writer("test-lines", why));
    }
    EXPECT_FALSE(make_loaded_writer("test-lines", why));
    EXPECT_NE(why.find("no plugins are loaded"), std::string::npos) << why;
}

// Distributions strip libraries (dh_strip): the full symbol table, where Boost.DLL's library_info
// looks for aliases, is gone; the dynamic one the registry reads stays.
TEST(PluginRegistry, LoadsAStrippedPlugin) {
    const auto file = stripped_dir / "fascicle-test-lines.so";
    EXPECT_TRUE(boost::dll::library_info(boost::dll::fs::path(file.string()), false).symbols("boostdll").empty());
    PluginRegistry r;
    ASSERT_TRUE(r.load_file(file)) << (r.rejected().empty() ? "skipped" : r.rejected()[0].reason);
    EXPECT_NE(r.find("test-lines"), nullptr);
}

TEST(PluginRegistry, RejectsWrongMajor) {
    PluginRegistry r;
    EXPECT_FALSE(r.load_file(broken_dir / "fascicle-test-wrong_major.so"));
    EXPECT_EQ(reason_for(r, "fascicle-test-wrong_major.so"),
              "wrong API version: built against " + std::to_string(api_version.major + 1) + ".0, this fascicle supports " +
                  std::to_string(api_version.major) + ".0 to " + api_version.to_string() +
                  " (rebuild it against the Fascicle " + api_version.to_string() + " SDK)");
    EXPECT_TRUE(r.plugins().empty());
    EXPECT_EQ(r.find("test-wrong_major"), nullptr);
}

// Built against the real API 1.1 headers (tests/plugins/api-1.1): the layout of every IR type differs.
TEST(PluginRegistry, RejectsAPluginBuiltForApi1) {
    PluginRegistry r;
    EXPECT_FALSE(r.load_file(broken_dir / "fascicle-test-api1.so"));
    ASSERT_EQ(r.rejected().size(), 1u);
    EXPECT_EQ(r.rejected()[0].path.filename(), "fascicle-test-api1.so");
    EXPECT_EQ(reason_for(r, "fascicle-test-api1.so"),
              "wrong API version: built against 1.1, this fascicle supports " + std::to_string(api_version.major) +
                  ".0 to " + api_version.to_string() +
                  " (rebuild it against the Fascicle " + api_version.to_string() + " SDK)");
    EXPECT_EQ(r.find("test-api1"), nullptr);
    EXPECT_EQ(api_version.major, 3);
}

TEST(PluginRegistry, RejectsNewerMinor) {
    PluginRegistry r;
    EXPECT_FALSE(r.load_file(broken_dir / "fascicle-test-newer_minor.so"));
    EXPECT_NE(reason_for(r, "fascicle-test-newer_minor.so").find("built against " + std::to_string(api_version.major) + ".99"), std::string::npos);
}

TEST(PluginRegistry, RejectsMissingEntryPoint) {
    PluginRegistry r;
    EXPECT_FALSE(r.load_file(broken_dir / "fascicle-test-no_descriptor.so"));
    EXPECT_EQ(reason_for(r, "fascicle-test-no_descriptor.so").rfind("missing entry point 'fascicle_plugin'", 0), 0u)
        << reason_for(r, "fascicle-test-no_descriptor.so");
}

TEST(PluginRegistry, RejectsADuplicateFormat) {
    PluginRegistry r;
    ASSERT_TRUE(r.load_file(good_dir / "fascicle-test-lines.so"));
    EXPECT_FALSE(r.load_file(broken_dir / "fascicle-test-duplicate.so"));
    const auto reason = reason_for(r, "fascicle-test-duplicate.so");
    EXPECT_NE(reason.find("format 'test-lines' is already provided by plugin 'test-lines'"), std::string::npos) << reason;
    EXPECT_EQ(r.plugins().size(), 1u);
}

TEST(PluginRegistry, SkipsNonPluginsQuietly) {
    test::TempDir dir;
    test::write_file(dir / "garbage.so", "this is not an ELF file");
    std::filesystem::copy_file(broken_dir / "libnot-a-plugin.so", dir / "libnot-a-plugin.so");
    std::filesystem::copy_file(good_dir / "fascicle-test-lines.so", dir / "fascicle-test-lines.so");
    test::write_file(dir / "notes.txt", "not even a library name");
    PluginRegistry r;
    r.load_directory(dir.path());
    EXPECT_EQ(r.plugins().size(), 1u);
    EXPECT_TRUE(r.rejected().empty()) << r.rejected()[0].path << ": " << r.rejected()[0].reason;
}

TEST(PluginRegistry, LoadsAFolderInNameOrderAndRejectsTheRest) {
    test::TempDir dir;
    for (auto name : {"fascicle-test-wrong_major.so", "fascicle-test-no_descriptor.so", "fascicle-test-throwing.so"})
        std::filesystem::copy_file(broken_dir / name, dir / name);
    PluginRegistry r;
    r.load_directory(dir.path());
    r.load_directory(dir.path() / "missing");  // a search path may name folders that do not exist
    EXPECT_EQ(r.plugins().size(), 1u);  // "throwing" loads: it only fails when used
    EXPECT_EQ(r.rejected().size(), 2u);
}

TEST(PluginRegistry, TheSameFileTwiceLoadsOnce) {
    PluginRegistry r;
    EXPECT_TRUE(r.load_file(good_dir / "fascicle-test-lines.so"));
    EXPECT_FALSE(r.load_file(good_dir / "fascicle-test-lines.so"));
    EXPECT_EQ(r.plugins().size(), 1u);
    EXPECT_TRUE(r.rejected().empty());
}

TEST(PluginRegistry, SplitsSearchPaths) {
    EXPECT_EQ(split_search_path("/a::/b:"), (std::vector<std::filesystem::path>{"/a", "/b"}));
    EXPECT_TRUE(split_search_path("").empty());
}
