// Archives made in the reader's tests: zips entry by entry with libzip (hostile ones included),
// and small EPUBs of hand-written documents.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace fascicle::epub::test {

struct ZipEntry {
    std::string name;
    std::string bytes;
    bool deflate = true;
};

// The bytes of a zip archive holding `entries` in order (names are taken as they are, "../x" too).
std::string zip_bytes(const std::vector<ZipEntry>& entries);

// Makes an entry's headers (local and central) declare `size` uncompressed bytes, whatever it
// holds: how a zip bomb hides its size.
void set_declared_size(std::string& zip, const std::string& name, std::uint32_t size);

// An XHTML content document with `body` as the inside of <body>.
std::string xhtml(const std::string& body, const std::string& body_attributes = "", const std::string& language = "en");

// A minimal EPUB 3: mimetype, container, package (title "Test Book", language en) listing one
// spine item per document (file names in EPUB/, XHTML), and a navigation document `nav` (the
// inside of its body; empty: none). `extra_manifest` and `extra_package` are added to the
// manifest and after the spine.
struct EpubSpec {
    std::vector<std::pair<std::string, std::string>> documents;  // file name in EPUB/, content
    std::string nav;
    std::string version = "3.0";
    std::string metadata;  // extra elements inside <metadata>
    std::string extra_manifest;
    std::string extra_package;
};
std::vector<ZipEntry> epub_entries(const EpubSpec& spec);

}  // namespace fascicle::epub::test
