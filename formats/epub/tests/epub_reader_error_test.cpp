// Bad EPUBs are refused with a message that names the file and, where it helps, the entry and
// the line: not a zip, truncated, no container, malformed container or package document, a
// spine item missing, entry names that escape the archive, zip bombs (declared, actual, ratio,
// total), entity declarations.
#include "reader_expectations.hpp"
#include "reader_test_archives.hpp"

#include <gtest/gtest.h>

namespace fascicle::epub::test {
namespace {

using fascicle::test::TempDir;

const std::string chapter = xhtml("<h1 id=\"a\">A chapter</h1>\n<p>Its text.</p>");

EpubSpec one_chapter() { return EpubSpec{{{"chapter.xhtml", chapter}}, "", "3.0", "", "", ""}; }

// Writes `bytes` as book.epub and reads it.
struct Attempt {
    TempDir dir;
    std::filesystem::path path;
    ReadBook read;
};

std::unique_ptr<Attempt> attempt(const std::string& bytes, const reader::ArchiveLimits& limits = {}) {
    auto a = std::make_unique<Attempt>();
    a->path = a->dir / "book.epub";
    fascicle::test::write_file(a->path, bytes);
    a->read = read_epub(a->path, limits);
    return a;
}

// The one error, formatted: "file:line:column: error: message".
std::string only_error(const ReadBook& read) {
    const auto errors = read.diagnostics.of(Severity::error);
    EXPECT_EQ(errors.size(), 1u) << read.diagnostics.text();
    return errors.empty() ? std::string() : errors.front().format();
}

void expect_refused(const Attempt& a, const std::string& expected_error) {
    EXPECT_EQ(a.read.status, Status::failed);
    EXPECT_TRUE(a.read.book.articles.empty()) << "no article may be handed over";
    EXPECT_EQ(only_error(a.read), expected_error);
}

TEST(ReaderErrors, TheValidBaseReads) {
    const auto a = attempt(zip_bytes(epub_entries(one_chapter())));
    ASSERT_EQ(a->read.status, Status::ok) << a->read.diagnostics.text();
    ASSERT_EQ(a->read.book.articles.size(), 1u);
    EXPECT_EQ(a->read.book.articles[0].title_text(), "A chapter");
    EXPECT_EQ(a->read.book.metadata.title, "Test Book");
}

TEST(ReaderErrors, NotAZip) {
    const auto a = attempt("<html>an HTML page saved as .epub</html>\n");
    expect_refused(*a, a->path.string() + ": error: not an EPUB: not a zip archive (Not a zip archive)");
}

TEST(ReaderErrors, NotAZipOnStandardInput) {
    const ReadBook read = read_epub_stream("plain text");
    EXPECT_EQ(read.status, Status::failed);
    EXPECT_EQ(only_error(read), "<stdin>: error: not an EPUB: not a zip archive (Not a zip archive)");
}

TEST(ReaderErrors, EmptyFile) {
    const auto a = attempt("");
    expect_refused(*a, a->path.string() + ": error: not an EPUB: the file is empty");
}

TEST(ReaderErrors, TruncatedArchive) {
    const std::string whole = zip_bytes(epub_entries(one_chapter()));
    for (std::size_t keep : {whole.size() / 2, whole.size() - 10}) {
        SCOPED_TRACE(keep);
        const auto a = attempt(whole.substr(0, keep));
        expect_refused(
            *a, a->path.string() + ": error: not an EPUB: the zip archive is truncated or damaged (Not a zip archive)");
    }
}

TEST(ReaderErrors, TruncatedOnStandardInput) {
    const std::string whole = zip_bytes(epub_entries(one_chapter()));
    const ReadBook read = read_epub_stream(whole.substr(0, whole.size() / 2));
    EXPECT_EQ(only_error(read),
              "<stdin>: error: not an EPUB: the zip archive is truncated or damaged (Not a zip archive)");
}

TEST(ReaderErrors, MissingContainer) {
    auto entries = epub_entries(one_chapter());
    std::erase_if(entries, [](const ZipEntry& e) { return e.name == "META-INF/container.xml"; });
    const auto a = attempt(zip_bytes(entries));
    expect_refused(*a, a->path.string() + ": error: not an EPUB: META-INF/container.xml is missing from the archive");
}

TEST(ReaderErrors, MalformedContainer) {
    auto entries = epub_entries(one_chapter());
    entries[1].bytes = "<?xml version=\"1.0\"?>\n<container>\n  <rootfiles>\n</container>\n";
    const auto a = attempt(zip_bytes(entries));
    expect_refused(*a, a->path.string() +
                           "(META-INF/container.xml):4:3: error: malformed container: not well-formed XML: "
                           "Start-end tags mismatch");
}

TEST(ReaderErrors, ContainerNamingNoPackage) {
    auto entries = epub_entries(one_chapter());
    entries[1].bytes = "<?xml version=\"1.0\"?>\n<container><rootfiles/></container>\n";
    const auto a = attempt(zip_bytes(entries));
    expect_refused(*a, a->path.string() +
                           "(META-INF/container.xml):2:2: error: no package document: expected a <rootfile> with a "
                           "full-path and the media type application/oebps-package+xml");
}

TEST(ReaderErrors, MissingPackageDocument) {
    auto entries = epub_entries(one_chapter());
    std::erase_if(entries, [](const ZipEntry& e) { return e.name == "EPUB/package.opf"; });
    const auto a = attempt(zip_bytes(entries));
    expect_refused(*a, a->path.string() +
                           ": error: the package document EPUB/package.opf, which META-INF/container.xml names, is "
                           "missing from the archive");
}

TEST(ReaderErrors, MalformedPackageDocumentWithItsLine) {
    auto entries = epub_entries(one_chapter());
    std::string& opf = entries[2].bytes;
    // Line 5 of the package: the title loses its end tag, so </metadata> on line 7 mismatches.
    const auto at = opf.find("</dc:title>");
    ASSERT_NE(at, std::string::npos);
    opf.erase(at, std::string("</dc:title>").size());
    const auto a = attempt(zip_bytes(entries));
    EXPECT_EQ(a->read.status, Status::failed);
    const auto errors = a->read.diagnostics.of(Severity::error);
    ASSERT_EQ(errors.size(), 1u) << a->read.diagnostics.text();
    EXPECT_EQ(errors[0].file, a->path.string() + "(EPUB/package.opf)");
    EXPECT_EQ(errors[0].line, 7u);
    EXPECT_EQ(errors[0].column, 5u);  // "  </metadata>"
    EXPECT_EQ(errors[0].message, "malformed package document: not well-formed XML: Start-end tags mismatch");
}

TEST(ReaderErrors, PackageWithoutSpine) {
    auto entries = epub_entries(one_chapter());
    std::string& opf = entries[2].bytes;
    opf.erase(opf.find("  <spine>"), opf.find("</package>") - opf.find("  <spine>"));
    const auto a = attempt(zip_bytes(entries));
    expect_refused(*a, a->path.string() + "(EPUB/package.opf):2:2: error: the package document has no <spine>");
}

TEST(ReaderErrors, MissingSpineItem) {
    EpubSpec spec = one_chapter();
    spec.documents.push_back({"second.xhtml", chapter});
    auto entries = epub_entries(spec);
    std::erase_if(entries, [](const ZipEntry& e) { return e.name == "EPUB/second.xhtml"; });
    const auto a = attempt(zip_bytes(entries));
    expect_refused(*a, a->path.string() +
                           "(EPUB/package.opf):10:6: error: spine item \"d2\": EPUB/second.xhtml is missing from the "
                           "archive");
}

TEST(ReaderErrors, SpineItemNotInTheManifest) {
    EpubSpec spec = one_chapter();
    auto entries = epub_entries(spec);
    std::string& opf = entries[2].bytes;
    opf.replace(opf.find("idref=\"d1\""), 10, "idref=\"nowhere\"");
    const auto a = attempt(zip_bytes(entries));
    expect_refused(*a, a->path.string() +
                           "(EPUB/package.opf):12:6: error: the spine names \"nowhere\", which is not an item of the "
                           "manifest");
}

TEST(ReaderErrors, EntryNamesThatEscapeTheArchive) {
    for (const std::string name :
         {"../evil.xhtml", "EPUB/../../evil.xhtml", "/etc/evil", "..\\evil.xhtml", "C:/Windows/evil.xhtml"}) {
        SCOPED_TRACE(name);
        auto entries = epub_entries(one_chapter());
        entries.push_back({name, "gotcha"});
        const auto a = attempt(zip_bytes(entries));
        expect_refused(*a, a->path.string() + ": error: entry \"" + name +
                               "\" escapes the archive (an absolute path or a \"..\" segment): refused");
    }
}

TEST(ReaderErrors, HrefClimbingOutOfTheArchive) {
    EpubSpec spec = one_chapter();
    spec.extra_manifest = "    <item id=\"out\" href=\"../../outside.css\" media-type=\"text/css\"/>\n";
    const auto a = attempt(zip_bytes(epub_entries(spec)));
    ASSERT_EQ(a->read.status, Status::ok) << a->read.diagnostics.text();  // not in the spine: never read

    auto entries = epub_entries(one_chapter());
    std::string& opf = entries[2].bytes;
    opf.replace(opf.find("href=\"chapter.xhtml\""), 20, "href=\"../../outside.xhtml\"");
    const auto b = attempt(zip_bytes(entries));
    expect_refused(*b, b->path.string() +
                           "(EPUB/package.opf):9:6: error: spine item \"d1\" (../../outside.xhtml) is not an entry of "
                           "the archive");
}

// A zip bomb that says what it is: 65 MiB of zeros, deflated to about 64 KiB.
const std::string& big_zeros() {
    static const std::string zeros(std::size_t(65) << 20, '\0');
    return zeros;
}

TEST(ReaderErrors, ZipBombDeclaredSize) {
    auto entries = epub_entries(one_chapter());
    entries.push_back({"EPUB/big.bin", big_zeros()});
    const auto a = attempt(zip_bytes(entries));
    expect_refused(*a, a->path.string() +
                           ": error: entry \"EPUB/big.bin\" declares 68157440 bytes uncompressed, more than the limit "
                           "of 64 MiB an entry: refused as a possible zip bomb (--max-entry-size BYTES raises the limit)");
}

TEST(ReaderErrors, ZipBombHidingItsSize) {
    // The same 65 MiB as the chapter, with headers that say 1000 bytes: the reading stops there.
    EpubSpec spec = one_chapter();
    auto entries = epub_entries(spec);
    entries.back().bytes = big_zeros();
    std::string zip = zip_bytes(entries);
    set_declared_size(zip, "EPUB/chapter.xhtml", 1000);
    const auto a = attempt(zip);
    expect_refused(*a, a->path.string() +
                           ": error: entry \"EPUB/chapter.xhtml\" inflates to more than the 1000 bytes its header "
                           "declares: refused as a possible zip bomb (limits: 64 MiB an entry, 1 GiB in all, 100 "
                           "times compressed size)");
}

TEST(ReaderErrors, ZipBombCompressionRatio) {
    auto entries = epub_entries(one_chapter());
    entries.push_back({"EPUB/zeros.bin", std::string(std::size_t(2) << 20, '\0')});
    const auto a = attempt(zip_bytes(entries));
    EXPECT_EQ(a->read.status, Status::failed);
    const std::string error = only_error(a->read);
    EXPECT_TRUE(error.starts_with(a->path.string() + ": error: entry \"EPUB/zeros.bin\" would expand from ")) << error;
    EXPECT_TRUE(error.ends_with(" to 2097152 bytes, more than the limit of 100 times: refused as a possible zip bomb"))
        << error;
}

TEST(ReaderErrors, ZipBombTotalSize) {
    // Four entries of 600 KiB, each within the limits, more than 2 MiB in all.
    reader::ArchiveLimits limits;
    limits.entry_bytes = std::uint64_t(1) << 20;
    limits.total_bytes = std::uint64_t(2) << 20;
    auto entries = epub_entries(one_chapter());
    for (int k = 0; k < 4; ++k)
        entries.push_back({"EPUB/part" + std::to_string(k) + ".bin", std::string(600 << 10, 'x')});
    const auto a = attempt(zip_bytes(entries), limits);
    expect_refused(*a, a->path.string() +
                           ": error: the entries declare more than 2 MiB uncompressed in all (the limit), at entry "
                           "\"EPUB/part3.bin\": refused as a possible zip bomb");
}

TEST(ReaderErrors, InputLargerThanTheLimit) {
    reader::ArchiveLimits limits;
    limits.total_bytes = 1000;
    const std::string zip = zip_bytes(epub_entries(one_chapter()));
    ASSERT_GT(zip.size(), 1000u);
    EXPECT_EQ(only_error(read_epub_stream(zip, limits)),
              "<stdin>: error: the input is larger than the limit of 1000 bytes for an EPUB: refused");
    const auto a = attempt(zip, limits);
    expect_refused(*a,
                   a->path.string() + ": error: the file is larger than the limit of 1000 bytes for an EPUB: refused");
}

TEST(ReaderErrors, EntityDeclarationsAreRefused) {
    // A billion laughs would start like this; nothing is expanded, the document is refused.
    EpubSpec spec = one_chapter();
    spec.documents[0].second =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE html [\n  <!ENTITY lol \"lol\">\n  <!ENTITY lol2 \"&lol;&lol;\">\n]>\n"
        "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><h1>&lol2;</h1></body></html>\n";
    const auto a = attempt(zip_bytes(epub_entries(spec)));
    expect_refused(*a, a->path.string() +
                           "(EPUB/chapter.xhtml):3:3: error: malformed content document: the DOCTYPE declares "
                           "entities: refused (fascicle reads no DTD and expands no entity it declares)");
}

TEST(ReaderErrors, ExternalEntityInThePackageIsRefused) {
    auto entries = epub_entries(one_chapter());
    std::string& opf = entries[2].bytes;
    opf.insert(opf.find("<package"), "<!DOCTYPE package [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n");
    const auto a = attempt(zip_bytes(entries));
    expect_refused(*a, a->path.string() +
                           "(EPUB/package.opf):2:20: error: malformed package document: the DOCTYPE declares "
                           "entities: refused (fascicle reads no DTD and expands no entity it declares)");
}

TEST(ReaderErrors, ContentThatIsNotUtf8) {
    EpubSpec spec = one_chapter();
    spec.documents[0].second = xhtml("<h1>Caf\xE9</h1>");
    const auto a = attempt(zip_bytes(epub_entries(spec)));
    expect_refused(*a, a->path.string() +
                           "(EPUB/chapter.xhtml):6:8: error: malformed content document: the byte 0xE9 does not begin "
                           "a valid UTF-8 sequence: expected UTF-8 text");
}

TEST(ReaderErrors, ContentWithoutBody) {
    EpubSpec spec = one_chapter();
    spec.documents[0].second = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>x</title></head></html>";
    const auto a = attempt(zip_bytes(epub_entries(spec)));
    expect_refused(
        *a, a->path.string() + "(EPUB/chapter.xhtml): error: malformed content document: the document has no <body>");
}

TEST(ReaderErrors, NestingTooDeep) {
    // The reader walks documents recursively: a nesting bomb is refused before. The 511th div
    // is the 513th element down (html, body, then the divs), at column 5 * 510 + 2.
    std::string body;
    for (int k = 0; k < 600; ++k) body += "<div>";
    body += "deep";
    for (int k = 0; k < 600; ++k) body += "</div>";
    EpubSpec spec = one_chapter();
    spec.documents[0].second = xhtml(body);
    const auto a = attempt(zip_bytes(epub_entries(spec)));
    expect_refused(*a, a->path.string() +
                           "(EPUB/chapter.xhtml):6:2552: error: malformed content document: elements nest more "
                           "than 512 deep, the most the reader takes (--max-nesting N changes it, up to 1000): "
                           "refused");
}

TEST(ReaderErrors, NoMimetypeIsOnlyAWarning) {
    auto entries = epub_entries(one_chapter());
    entries.erase(entries.begin());
    const auto a = attempt(zip_bytes(entries));
    ASSERT_EQ(a->read.status, Status::ok) << a->read.diagnostics.text();
    EXPECT_EQ(a->read.book.articles.size(), 1u);
    ASSERT_EQ(a->read.diagnostics.warning_count(), 1u);
    EXPECT_NE(a->read.diagnostics.text().find("the archive has no mimetype entry"), std::string::npos);
}

}  // namespace
}  // namespace fascicle::epub::test
