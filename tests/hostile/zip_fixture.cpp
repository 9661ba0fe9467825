#include "zip_fixture.hpp"

#include <zip.h>

#include <stdexcept>

namespace fascicle::test {

void write_zip(const std::filesystem::path& path, const std::vector<ZipEntry>& entries) {
    int error = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!archive) throw std::runtime_error("cannot create " + path.string());
    for (const auto& entry : entries) {
        // libzip reads the buffer when the archive is closed: `entries` outlives that.
        zip_source_t* source = zip_source_buffer(archive, entry.bytes.data(), entry.bytes.size(), 0);
        const zip_int64_t index =
            source ? zip_file_add(archive, entry.name.c_str(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) : -1;
        if (index < 0) {
            if (source) zip_source_free(source);
            zip_discard(archive);
            throw std::runtime_error("cannot add " + entry.name + " to " + path.string());
        }
        zip_set_file_compression(archive, static_cast<zip_uint64_t>(index),
                                 entry.stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 9);
    }
    if (zip_close(archive) != 0) {
        const std::string message = zip_strerror(archive);
        zip_discard(archive);
        throw std::runtime_error("cannot write " + path.string() + ": " + message);
    }
}

std::vector<ZipEntry> minimal_epub_entries() {
    return {
        {"mimetype", "application/epub+zip", true},
        {"META-INF/container.xml",
         R"(<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">)"
         R"(<rootfiles><rootfile full-path="EPUB/p.opf" media-type="application/oebps-package+xml"/></rootfiles>)"
         R"(</container>)"},
        {"EPUB/p.opf",
         R"(<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">)"
         R"(<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">x</dc:identifier>)"
         R"(<dc:title>T</dc:title><dc:language>en</dc:language></metadata><manifest>)"
         R"(<item id="c" href="c.xhtml" media-type="application/xhtml+xml"/>)"
         R"(<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>)"
         R"(</manifest><spine><itemref idref="c"/></spine></package>)"},
        {"EPUB/nav.xhtml",
         R"(<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">)"
         R"(<head><title>n</title></head><body><nav epub:type="toc"><ol><li><a href="c.xhtml">A</a></li></ol>)"
         R"(</nav></body></html>)"},
        {"EPUB/c.xhtml",
         R"(<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>A</title></head><body>)"
         R"(<section><h1>A</h1><p>Summary.</p><p>Introduction.</p><ul><li>S</li></ul>)"
         R"(<section><h2>S</h2><p>Text.</p></section><p>End.</p></section></body></html>)"},
    };
}

}  // namespace fascicle::test
