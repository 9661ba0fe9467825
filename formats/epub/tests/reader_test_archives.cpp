#include "reader_test_archives.hpp"

#include <test_support.hpp>

#include <zip.h>

#include <cstring>
#include <stdexcept>

namespace fascicle::epub::test {

namespace {

std::uint16_t u16(const std::string& b, std::size_t at) {
    return std::uint16_t(static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8);
}

std::uint32_t u32(const std::string& b, std::size_t at) {
    return std::uint32_t(u16(b, at)) | std::uint32_t(u16(b, at + 2)) << 16;
}

void put32(std::string& b, std::size_t at, std::uint32_t v) {
    for (int k = 0; k < 4; ++k) b[at + std::size_t(k)] = char(v >> (8 * k) & 0xFF);
}

}  // namespace

std::string zip_bytes(const std::vector<ZipEntry>& entries) {
    fascicle::test::TempDir dir;
    const auto path = dir / "archive.zip";
    int error = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!archive) throw std::runtime_error("cannot create a zip");
    for (const auto& e : entries) {
        zip_source_t* source = zip_source_buffer(archive, e.bytes.data(), e.bytes.size(), 0);
        const zip_int64_t index = source ? zip_file_add(archive, e.name.c_str(), source, ZIP_FL_ENC_UTF_8) : -1;
        if (index < 0) {
            if (source) zip_source_free(source);
            zip_discard(archive);
            throw std::runtime_error("cannot add " + e.name + " to a zip");
        }
        zip_set_file_compression(archive, zip_uint64_t(index), e.deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 9);
    }
    if (zip_close(archive) != 0) {
        zip_discard(archive);
        throw std::runtime_error("cannot write a zip");
    }
    return fascicle::test::read_file(path);
}

void set_declared_size(std::string& zip, const std::string& name, std::uint32_t size) {
    // Central directory file headers: "PK\1\2", the size at 24, name length at 28, extra length
    // at 30, comment length at 32, the local header's offset at 42, the name at 46. Local file
    // headers: "PK\3\4", the size at 22.
    for (std::size_t at = zip.find("PK\x01\x02"); at != std::string::npos; at = zip.find("PK\x01\x02", at + 4)) {
        if (zip.compare(at + 46, u16(zip, at + 28), name) != 0) continue;
        put32(zip, at + 24, size);
        put32(zip, u32(zip, at + 42) + 22, size);
        return;
    }
    throw std::runtime_error("no entry " + name + " in the zip");
}

std::string xhtml(const std::string& body, const std::string& body_attributes, const std::string& language) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
           "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" xml:lang=\"" +
           language + "\" lang=\"" + language + "\">\n<head><title>Document</title></head>\n<body" +
           (body_attributes.empty() ? "" : " " + body_attributes) + ">\n" + body + "\n</body>\n</html>\n";
}

std::vector<ZipEntry> epub_entries(const EpubSpec& spec) {
    std::string manifest, spine;
    int n = 0;
    for (const auto& [file, content] : spec.documents) {
        const std::string id = "d" + std::to_string(++n);
        manifest += "    <item id=\"" + id + "\" href=\"" + file + "\" media-type=\"application/xhtml+xml\"/>\n";
        spine += "    <itemref idref=\"" + id + "\"/>\n";
    }
    if (!spec.nav.empty())
        manifest +=
            "    <item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n";
    const std::string package =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"" +
        spec.version +
        "\" unique-identifier=\"uid\">\n"
        "  <metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:opf=\"http://www.idpf.org/2007/opf\">\n"
        "    <dc:identifier id=\"uid\">urn:uuid:00000000-0000-4000-8000-000000000000</dc:identifier>\n"
        "    <dc:title>Test Book</dc:title>\n"
        "    <dc:language>en</dc:language>\n" +
        spec.metadata +
        "  </metadata>\n"
        "  <manifest>\n" +
        manifest + spec.extra_manifest +
        "  </manifest>\n"
        "  <spine>\n" +
        spine + "  </spine>\n" + spec.extra_package + "</package>\n";
    std::vector<ZipEntry> entries{
        {"mimetype", "application/epub+zip", false},
        {"META-INF/container.xml",
         "<?xml version=\"1.0\"?>\n<container version=\"1.0\" "
         "xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
         "  <rootfiles><rootfile full-path=\"EPUB/package.opf\" "
         "media-type=\"application/oebps-package+xml\"/></rootfiles>\n"
         "</container>\n"},
        {"EPUB/package.opf", package},
    };
    if (!spec.nav.empty()) entries.push_back({"EPUB/nav.xhtml", xhtml(spec.nav)});
    for (const auto& [file, content] : spec.documents) entries.push_back({"EPUB/" + file, content});
    return entries;
}

}  // namespace fascicle::epub::test
