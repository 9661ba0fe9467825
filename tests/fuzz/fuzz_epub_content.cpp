// libFuzzer target: the EPUB reader's XML side. Random bytes seldom make a zip archive, so this
// target builds a valid archive around the input: the input is split at "\n@@\n" lines into the
// package document, the navigation document and a content document (a part left out keeps the
// minimal EPUB's), so the fuzzer works on what the reader parses inside the archive.
#include "fuzz_reader.hpp"
#include "epub_reader.hpp"

#include <zip.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr std::string_view container =
    R"(<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">)"
    R"(<rootfiles><rootfile full-path="EPUB/p.opf" media-type="application/oebps-package+xml"/></rootfiles></container>)";

constexpr std::array<std::string_view, 3> default_parts = {
    R"(<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">)"
    R"(<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">x</dc:identifier>)"
    R"(<dc:title>T</dc:title><dc:language>en</dc:language></metadata><manifest>)"
    R"(<item id="c" href="c.xhtml" media-type="application/xhtml+xml"/>)"
    R"(<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>)"
    R"(</manifest><spine><itemref idref="c"/></spine></package>)",
    R"(<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">)"
    R"(<head><title>n</title></head><body><nav epub:type="toc"><ol><li><a href="c.xhtml">A</a></li></ol>)"
    R"(</nav></body></html>)",
    R"(<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>A</title></head><body>)"
    R"(<section><h1>A</h1><p>Summary.</p><p>Introduction.</p><ul><li>S</li></ul>)"
    R"(<section><h2>S</h2><p>Text.</p></section><p>End.</p></section></body></html>)",
};
constexpr std::array<const char*, 3> part_names = {"EPUB/p.opf", "EPUB/nav.xhtml", "EPUB/c.xhtml"};

std::vector<std::string> split_parts(std::string_view input) {
    std::vector<std::string> parts;
    constexpr std::string_view separator = "\n@@\n";
    while (parts.size() < default_parts.size()) {
        const auto at = input.find(separator);
        parts.emplace_back(input.substr(0, at));
        if (at == std::string_view::npos) break;
        input.remove_prefix(at + separator.size());
    }
    for (std::size_t i = parts.size(); i < default_parts.size(); ++i) parts.emplace_back(default_parts[i]);
    return parts;
}

// The archive's bytes, built in memory with stored (uncompressed) entries; empty on failure.
std::string zip_bytes(const std::vector<std::string>& parts) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_t* archive = buffer ? zip_open_from_source(buffer, ZIP_TRUNCATE, &error) : nullptr;
    if (!archive) {
        if (buffer) zip_source_free(buffer);
        zip_error_fini(&error);
        return {};
    }
    zip_source_keep(buffer);
    auto add = [&](const char* name, std::string_view bytes) {
        zip_source_t* s = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
        const zip_int64_t index = s ? zip_file_add(archive, name, s, ZIP_FL_ENC_UTF_8) : -1;
        if (index < 0) {
            if (s) zip_source_free(s);
            return;
        }
        zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    };
    add("mimetype", "application/epub+zip");
    add("META-INF/container.xml", container);
    for (std::size_t i = 0; i < parts.size(); ++i) add(part_names[i], parts[i]);
    std::string bytes;
    if (zip_close(archive) == 0 && zip_source_open(buffer) == 0) {
        char chunk[1 << 14];
        zip_int64_t got = 0;
        while ((got = zip_source_read(buffer, chunk, sizeof chunk)) > 0) bytes.append(chunk, std::size_t(got));
        zip_source_close(buffer);
    } else {
        zip_discard(archive);
    }
    zip_source_free(buffer);
    zip_error_fini(&error);
    return bytes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto archive = zip_bytes(split_parts(std::string_view(reinterpret_cast<const char*>(data), size)));
    if (archive.empty()) return 0;
    fascicle::epub::EpubReader reader;
    fascicle::fuzz::read_bytes(reader, reinterpret_cast<const std::uint8_t*>(archive.data()), archive.size());
    return 0;
}
