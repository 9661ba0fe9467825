// The container and the package document: what a reading system or a store looks at first.
#include "epub_archive.hpp"
#include "epub_writer.hpp"
#include "test_books.hpp"

#include <zip.h>

#include <gtest/gtest.h>

#include <chrono>

#include <map>
#include <regex>
#include <set>

namespace fascicle::epub::test {
namespace {

using fascicle::test::TempDir;

class EpubPackage : public ::testing::Test {
protected:
    TempDir dir;
    ScopedEnvironment no_epoch{"SOURCE_DATE_EPOCH", std::nullopt};

    // Writes `book`, expecting success, and returns the package document.
    std::unique_ptr<pugi::xml_document> package_of(const Book& book, const Options& options = {},
                                                   const std::string& name = "book.epub") {
        auto written = write_epub(book, dir.path(), name, options);
        EXPECT_EQ(written.status, Status::ok) << written.diagnostics.text();
        EpubArchive archive(written.path);
        return archive.xml("EPUB/package.opf");
    }
};

std::string meta(const pugi::xml_document& opf, const std::string& property) {
    return opf.select_node(("/package/metadata/meta[@property='" + property + "']").c_str()).node().text().get();
}

std::vector<std::string> metas(const pugi::xml_document& opf, const std::string& property) {
    return texts(opf, ("/package/metadata/meta[@property='" + property + "']").c_str());
}

std::string dc(const pugi::xml_document& opf, const char* name) {
    return opf.select_node((std::string("/package/metadata/dc:") + name).c_str()).node().text().get();
}

TEST_F(EpubPackage, MimetypeIsTheFirstEntryStoredWithoutExtraField) {
    auto written = write_epub(feature_book(), dir.path());
    ASSERT_EQ(written.status, Status::ok) << written.diagnostics.text();
    const std::string bytes = written.bytes();
    // The local file header at offset 0: signature, method 0 (stored), name "mimetype", no
    // extra field, then the content right after: what OCF requires byte for byte.
    ASSERT_GT(bytes.size(), 58u);
    EXPECT_EQ(bytes.substr(0, 4), std::string("PK\x03\x04", 4));
    EXPECT_EQ(bytes[8], 0);
    EXPECT_EQ(bytes[9], 0);
    EXPECT_EQ(bytes[26], 8);   // name length
    EXPECT_EQ(bytes[28], 0);   // extra field length
    EXPECT_EQ(bytes[29], 0);
    EXPECT_EQ(bytes.substr(30, 8), "mimetype");
    EXPECT_EQ(bytes.substr(38, 20), "application/epub+zip");

    EpubArchive archive(written.path);
    ASSERT_FALSE(archive.entries().empty());
    EXPECT_EQ(archive.entries()[0].name, "mimetype");
    EXPECT_EQ(archive.entries()[0].compression, ZIP_CM_STORE);
}

TEST_F(EpubPackage, EntriesHaveOneFixedTimestampAndAFixedOrder) {
    auto written = write_epub(feature_book(), dir.path(), "book.epub", {{"cover", FASCICLE_EPUB_TEST_DATA "/cover.png"}});
    ASSERT_EQ(written.status, Status::ok) << written.diagnostics.text();
    EpubArchive archive(written.path);
    std::vector<std::string> names;
    for (const auto& e : archive.entries()) {
        names.push_back(e.name);
        std::tm local{};
        localtime_r(&e.mtime, &local);
        EXPECT_EQ(local.tm_year, 80) << e.name;
        EXPECT_EQ(local.tm_mon, 0) << e.name;
        EXPECT_EQ(local.tm_mday, 1) << e.name;
        EXPECT_EQ(local.tm_hour * 3600 + local.tm_min * 60 + local.tm_sec, 0) << e.name;
        const bool stored = e.name == "mimetype" || e.name.ends_with(".png");
        EXPECT_EQ(e.compression, stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE) << e.name;
    }
    const std::vector<std::string> expected = {
        "mimetype", "META-INF/container.xml", "EPUB/package.opf", "EPUB/nav.xhtml", "EPUB/toc.ncx",
        "EPUB/css/epub.css", "EPUB/images/cover.png", "EPUB/text/cover.xhtml", "EPUB/text/title-page.xhtml",
        "EPUB/text/chapter-0001.xhtml", "EPUB/text/chapter-0002.xhtml", "EPUB/text/chapter-0003.xhtml"};
    EXPECT_EQ(names, expected);
}

TEST_F(EpubPackage, ContainerNamesThePackageDocument) {
    auto written = write_epub(small_book(), dir.path());
    ASSERT_EQ(written.status, Status::ok);
    EpubArchive archive(written.path);
    auto container = archive.xml("META-INF/container.xml");
    const auto rootfile = container->select_node("/container/rootfiles/rootfile").node();
    EXPECT_STREQ(rootfile.attribute("media-type").value(), "application/oebps-package+xml");
    const std::string path = rootfile.attribute("full-path").value();
    EXPECT_TRUE(archive.contains(path)) << path;
    EXPECT_STREQ(archive.xml(path)->child("package").attribute("version").value(), "3.0");
}

TEST_F(EpubPackage, MetadataComesFromTheBook) {
    auto opf = package_of(feature_book());
    EXPECT_EQ(dc(*opf, "title"), "Notes & Queries: <Tests> \"in\" 'quotes'");
    EXPECT_EQ(dc(*opf, "language"), "en-GB");
    EXPECT_EQ(texts(*opf, "/package/metadata/dc:creator"), (std::vector<std::string>{"Ada Lovelace", "Émile Zola"}));
    for (const auto& creator : opf->select_nodes("/package/metadata/dc:creator")) {
        const std::string id = creator.node().attribute("id").value();
        const auto role = opf->select_node(("/package/metadata/meta[@refines='#" + id + "']").c_str()).node();
        EXPECT_STREQ(role.attribute("property").value(), "role");
        EXPECT_STREQ(role.text().get(), "aut");
    }
    EXPECT_EQ(dc(*opf, "date"), "2024-03-01");
    EXPECT_EQ(dc(*opf, "publisher"), "Fascicle & Sons");
    EXPECT_EQ(dc(*opf, "description"), "A book that uses every feature of the IR.");
    EXPECT_EQ(dc(*opf, "rights"), "CC0 <public domain>");
    EXPECT_STREQ(opf->child("package").attribute("xml:lang").value(), "en-GB");
}

TEST_F(EpubPackage, UniqueIdentifierPointsAtTheIdentifier) {
    auto opf = package_of(small_book());
    const std::string id = opf->child("package").attribute("unique-identifier").value();
    const auto identifier = opf->select_node(("/package/metadata/dc:identifier[@id='" + id + "']").c_str());
    EXPECT_TRUE(identifier) << id;
}

TEST_F(EpubPackage, AGivenUuidIsPublishedAsAUrn) {
    Book book = small_book();
    book.metadata.identifier = "6F1C3A52-2D0E-4C1B-9A57-3F5B8E1D2C40";
    EXPECT_EQ(dc(*package_of(book, {}, "a.epub"), "identifier"), "urn:uuid:6f1c3a52-2d0e-4c1b-9a57-3f5b8e1d2c40");
    book.metadata.identifier = "urn:uuid:6f1c3a52-2d0e-4c1b-9a57-3f5b8e1d2c40";
    EXPECT_EQ(dc(*package_of(book, {}, "b.epub"), "identifier"), "urn:uuid:6f1c3a52-2d0e-4c1b-9a57-3f5b8e1d2c40");
    book.metadata.identifier = "urn:isbn:9780306406157";
    EXPECT_EQ(dc(*package_of(book, {}, "c.epub"), "identifier"), "urn:isbn:9780306406157");
}

TEST_F(EpubPackage, WithoutAnIdentifierItIsANameBasedUuidOfTheContent) {
    const std::regex uuid_v5("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    const Book book = feature_book();
    const std::string first = dc(*package_of(book, {}, "1.epub"), "identifier");
    EXPECT_TRUE(std::regex_match(first, uuid_v5)) << first;
    EXPECT_EQ(dc(*package_of(book, {}, "2.epub"), "identifier"), first) << "stable across runs";

    Book changed_text = book;
    changed_text.articles[1].sections[0].blocks[0] = Block::paragraph("Other text.");
    Book changed_id = book;
    changed_id.articles[2].id = "43";
    Book changed_title = book;
    changed_title.metadata.title = "Another title";
    Book changed_markup = book;
    changed_markup.articles[0].introduction[1].inlines[1].kind = Inline::Kind::strong;
    std::set<std::string> identifiers{first};
    for (const Book* other : {&changed_text, &changed_id, &changed_title, &changed_markup})
        identifiers.insert(dc(*package_of(*other, {}, "other.epub"), "identifier"));
    EXPECT_EQ(identifiers.size(), 5u) << "every change of content gives another identifier";
}

TEST_F(EpubPackage, TheNcxCarriesTheSameIdentifier) {
    auto written = write_epub(feature_book(), dir.path());
    EpubArchive archive(written.path);
    const std::string identifier = dc(*archive.xml("EPUB/package.opf"), "identifier");
    auto ncx = archive.xml("EPUB/toc.ncx");
    EXPECT_STREQ(ncx->select_node("/ncx/head/meta[@name='dtb:uid']").node().attribute("content").value(),
                 identifier.c_str());
}

TEST_F(EpubPackage, ModifiedComesFromSourceDateEpoch) {
    ScopedEnvironment epoch("SOURCE_DATE_EPOCH", "1700000000");
    EXPECT_EQ(metas(*package_of(feature_book()), "dcterms:modified"),
              std::vector<std::string>{"2023-11-14T22:13:20Z"});
}

// A true date: the book's date, else the newest input file's modification time (the same files
// give the same date), else, with no input file at all, the time of writing.
TEST_F(EpubPackage, ModifiedWithoutSourceDateEpochIsTheDateOrTheNewestInputOrNow) {
    EXPECT_EQ(meta(*package_of(feature_book(), {}, "dated.epub"), "dcterms:modified"), "2024-03-01T00:00:00Z");

    Book undated = feature_book();
    undated.metadata.date.clear();
    const auto older = dir / "older.txt", newer = dir / "newer.txt";
    fascicle::test::write_file(older, "a");
    fascicle::test::write_file(newer, "b");
    using namespace std::chrono;
    const auto at = [](std::int64_t seconds) { return file_clock::from_sys(sys_seconds(seconds * 1s)); };
    std::filesystem::last_write_time(older, at(1600000000));
    std::filesystem::last_write_time(newer, at(1700000000));
    undated.articles[0].source = older;
    undated.articles[1].source = newer;
    EXPECT_EQ(meta(*package_of(undated, {}, "sources.epub"), "dcterms:modified"), "2023-11-14T22:13:20Z");

    for (auto& a : undated.articles) a.source.clear();
    const auto before = duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
    const std::string now = meta(*package_of(undated, {}, "now.epub"), "dcterms:modified");
    const auto after = duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
    EXPECT_TRUE(std::regex_match(now, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"))) << now;
    const auto year = [](std::int64_t s) { return std::to_string(1970 + s / 31556952); };
    EXPECT_TRUE(now.starts_with(year(before)) || now.starts_with(year(after))) << now;
}

// The accessibility metadata claims no certification the program did not get, and conformance
// only with the metadata's own certifier named.
TEST_F(EpubPackage, NoCertificationIsClaimedUnlessTheMetadataNamesOne) {
    Book book = feature_book();
    EXPECT_TRUE(metas(*package_of(book, {}, "plain.epub"), "a11y:certifiedBy").empty());
    book.metadata.set("certified-by", "An Accessibility Office");
    EXPECT_EQ(metas(*package_of(book, {}, "certified.epub"), "a11y:certifiedBy"),
              std::vector<std::string>{"An Accessibility Office"});
}

TEST_F(EpubPackage, MalformedSourceDateEpochIsAnError) {
    ScopedEnvironment epoch("SOURCE_DATE_EPOCH", "yesterday");
    auto written = write_epub(small_book(), dir.path());
    EXPECT_EQ(written.status, Status::failed);
    ASSERT_EQ(written.diagnostics.error_count(), 1u);
    EXPECT_NE(written.diagnostics.text().find("SOURCE_DATE_EPOCH"), std::string::npos);
}

TEST_F(EpubPackage, MissingOrMalformedLanguageIsEnglishWithAWarning) {
    for (const std::string language : {"", "english please"}) {
        Book book = small_book();
        book.metadata.language = language;
        auto written = write_epub(book, dir.path());
        ASSERT_EQ(written.status, Status::ok);
        ASSERT_EQ(written.diagnostics.warning_count(), 1u) << written.diagnostics.text();
        EXPECT_NE(written.diagnostics.text().find("\"en\""), std::string::npos);
        EpubArchive archive(written.path);
        EXPECT_EQ(dc(*archive.xml("EPUB/package.opf"), "language"), "en");
        EXPECT_STREQ(archive.xml("EPUB/text/chapter-0001.xhtml")->child("html").attribute("xml:lang").value(), "en");
    }
}

TEST_F(EpubPackage, EmptyMetadataGivesNoEmptyElements) {
    Book book = small_book();
    book.metadata = {};
    book.metadata.language = "en";
    auto written = write_epub(book, dir.path());
    ASSERT_EQ(written.status, Status::ok);
    EXPECT_EQ(written.diagnostics.warning_count(), 0u) << written.diagnostics.text();
    EpubArchive archive(written.path);
    auto opf = archive.xml("EPUB/package.opf");
    for (const char* absent : {"creator", "date", "publisher", "description", "rights"})
        EXPECT_FALSE(opf->select_node((std::string("/package/metadata/dc:") + absent).c_str())) << absent;
    for (const auto& element : opf->select_nodes("/package/metadata/*[not(@name)]"))
        EXPECT_STRNE(element.node().text().get(), "") << element.node().name();
    // A one-article book without a title is titled by its article.
    EXPECT_EQ(dc(*opf, "title"), "The only article");
    auto title_page = archive.xml("EPUB/text/title-page.xhtml");
    EXPECT_EQ(texts(*title_page, "//section/*").size(), 1u) << "the title and nothing else";
}

TEST_F(EpubPackage, ABookOfSeveralArticlesWithoutTitleIsUntitledWithAWarning) {
    Book book = feature_book();
    book.metadata.title.clear();
    auto written = write_epub(book, dir.path());
    ASSERT_EQ(written.status, Status::ok);
    // The title's warning, and the one for the feature book's link to a path outside the book.
    ASSERT_EQ(written.diagnostics.warning_count(), 2u) << written.diagnostics.text();
    EXPECT_EQ(written.diagnostics.of(Severity::warning)[1].message,
              "no title given (--metadata title=...); the EPUB is titled \"Untitled\"");
    EXPECT_EQ(dc(*EpubArchive(written.path).xml("EPUB/package.opf"), "title"), "Untitled");
}

TEST_F(EpubPackage, AnInvalidDateIsLeftOutWithAWarning) {
    Book book = small_book();
    book.metadata.date = "1st of May";
    auto written = write_epub(book, dir.path());
    ASSERT_EQ(written.status, Status::ok);
    EXPECT_EQ(written.diagnostics.warning_count(), 1u) << written.diagnostics.text();
    EXPECT_FALSE(EpubArchive(written.path).xml("EPUB/package.opf")->select_node("//dc:date"));
}

TEST_F(EpubPackage, AccessibilityMetadataSaysWhatTheBookIs) {
    auto opf = package_of(feature_book());
    EXPECT_EQ(metas(*opf, "schema:accessMode"), std::vector<std::string>{"textual"});
    EXPECT_EQ(metas(*opf, "schema:accessModeSufficient"), std::vector<std::string>{"textual"});
    EXPECT_EQ(metas(*opf, "schema:accessibilityFeature"),
              (std::vector<std::string>{"structuralNavigation", "tableOfContents", "readingOrder"}));
    EXPECT_EQ(metas(*opf, "schema:accessibilityHazard"), std::vector<std::string>{"none"});
    EXPECT_FALSE(meta(*opf, "schema:accessibilitySummary").empty());
    EXPECT_EQ(meta(*opf, "dcterms:conformsTo"), "EPUB Accessibility 1.1 - WCAG 2.1 Level AA");
    EXPECT_TRUE(metas(*opf, "a11y:certifiedBy").empty()) << "no certification the program did not get";
}

TEST_F(EpubPackage, ManifestListsEveryFileAndTheSpineIsTheReadingOrder) {
    auto written = write_epub(feature_book(), dir.path());
    EpubArchive archive(written.path);
    auto opf = archive.xml("EPUB/package.opf");

    std::set<std::string> manifested;
    std::map<std::string, std::string> href_of;
    for (const auto& item : opf->select_nodes("/package/manifest/item")) {
        const std::string href = std::string("EPUB/") + item.node().attribute("href").value();
        manifested.insert(href);
        href_of[item.node().attribute("id").value()] = href;
        EXPECT_TRUE(archive.contains(href)) << href;
    }
    std::set<std::string> in_archive;
    for (const auto& e : archive.entries())
        if (e.name.starts_with("EPUB/") && e.name != "EPUB/package.opf") in_archive.insert(e.name);
    EXPECT_EQ(manifested, in_archive);

    std::vector<std::string> spine;
    for (const auto& ref : opf->select_nodes("/package/spine/itemref"))
        spine.push_back(href_of[ref.node().attribute("idref").value()]);
    EXPECT_EQ(spine, (std::vector<std::string>{"EPUB/text/title-page.xhtml", "EPUB/nav.xhtml",
                                               "EPUB/text/chapter-0001.xhtml", "EPUB/text/chapter-0002.xhtml",
                                               "EPUB/text/chapter-0003.xhtml"}));
    EXPECT_STREQ(opf->select_node("/package/manifest/item[@properties='nav']").node().attribute("href").value(),
                 "nav.xhtml");
}

class EpubCover : public EpubPackage, public ::testing::WithParamInterface<std::pair<std::string, std::string>> {};

TEST_P(EpubCover, IsACoverImageWithACoverPage) {
    const auto [file, media_type] = GetParam();
    const std::string cover = FASCICLE_EPUB_TEST_DATA "/" + file;
    auto written = write_epub(feature_book(), dir.path(), "book.epub", {{"cover", cover}});
    ASSERT_EQ(written.status, Status::ok) << written.diagnostics.text();
    EpubArchive archive(written.path);
    auto opf = archive.xml("EPUB/package.opf");

    const auto item = opf->select_node("/package/manifest/item[@properties='cover-image']").node();
    ASSERT_TRUE(item);
    EXPECT_EQ(item.attribute("media-type").value(), media_type);
    const std::string image = std::string("EPUB/") + item.attribute("href").value();
    EXPECT_EQ(archive.read(image), fascicle::test::read_file(cover));
    EXPECT_STREQ(opf->select_node("/package/metadata/meta[@name='cover']").node().attribute("content").value(),
                 item.attribute("id").value());

    // The spine opens on the cover page, which shows the image with a text alternative.
    const std::string first_idref = opf->select_node("/package/spine/itemref").node().attribute("idref").value();
    const std::string cover_page =
        std::string("EPUB/") +
        opf->select_node(("/package/manifest/item[@id='" + first_idref + "']").c_str()).node().attribute("href").value();
    EXPECT_EQ(cover_page, "EPUB/text/cover.xhtml");
    auto page = archive.xml(cover_page);
    const auto img = page->select_node("//img").node();
    EXPECT_EQ(std::string("EPUB/text/") + img.attribute("src").value(), "EPUB/text/../" + image.substr(5));
    EXPECT_NE(std::string(img.attribute("alt").value()).find("Notes & Queries"), std::string::npos);

    EXPECT_TRUE(archive.xml("EPUB/nav.xhtml")->select_node("//nav[@id='landmarks']//a[@href='text/cover.xhtml']"));
    EXPECT_EQ(metas(*opf, "schema:accessMode"), (std::vector<std::string>{"textual", "visual"}));
    EXPECT_EQ(metas(*opf, "schema:accessibilityFeature"),
              (std::vector<std::string>{"alternativeText", "structuralNavigation", "tableOfContents", "readingOrder"}));
}

INSTANTIATE_TEST_SUITE_P(Formats, EpubCover,
                         ::testing::Values(std::pair<std::string, std::string>{"cover.png", "image/png"},
                                           std::pair<std::string, std::string>{"cover.jpg", "image/jpeg"}),
                         [](const auto& info) { return info.param.second.substr(6); });

TEST_F(EpubPackage, ACoverThatIsNotPngOrJpegIsAnError) {
    for (const std::string cover : {FASCICLE_EPUB_TEST_DATA "/not-an-image.gif", FASCICLE_EPUB_TEST_DATA "/missing.png"}) {
        auto written = write_epub(small_book(), dir.path(), "book.epub", {{"cover", cover}});
        EXPECT_EQ(written.status, Status::failed);
        ASSERT_EQ(written.diagnostics.error_count(), 1u);
        EXPECT_EQ(written.diagnostics.all[0].file, cover);
    }
}

TEST_F(EpubPackage, ABookWithoutArticlesIsAnError) {
    Book book = small_book();
    book.articles.clear();
    auto written = write_epub(book, dir.path());
    EXPECT_EQ(written.status, Status::failed);
    EXPECT_EQ(written.diagnostics.error_count(), 1u);
}

TEST_F(EpubPackage, SplitLeavesOutTheBookMatter) {
    Book book = small_book();
    book.metadata.title = "The whole book";
    auto written = write_epub(book, dir.path(), "one.epub", {{"cover", FASCICLE_EPUB_TEST_DATA "/cover.png"}}, true);
    ASSERT_EQ(written.status, Status::ok) << written.diagnostics.text();
    EpubArchive archive(written.path);
    EXPECT_FALSE(archive.contains("EPUB/text/title-page.xhtml"));
    EXPECT_FALSE(archive.contains("EPUB/text/cover.xhtml"));
    EXPECT_EQ(dc(*archive.xml("EPUB/package.opf"), "title"), "The only article");
}

TEST_F(EpubPackage, StandardOutputGetsTheSameBytesAsAFile) {
    ScopedEnvironment epoch("SOURCE_DATE_EPOCH", "1700000000");
    auto written = write_epub(feature_book(), dir.path());
    ASSERT_EQ(written.status, Status::ok);
    fascicle::test::StringOutput output;
    fascicle::test::RecordingDiagnostics diagnostics;
    EpubWriter writer(stylesheet());
    ASSERT_EQ(fascicle::test::write_book(writer, feature_book(), output, diagnostics), Status::ok) << diagnostics.text();
    EXPECT_EQ(output.str(), written.bytes());
}

}  // namespace
}  // namespace fascicle::epub::test
