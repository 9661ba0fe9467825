// Writes zip archives entry by entry with libzip, for hostile EPUBs: names no zip tool would
// store ("../x"), entries missing, entries that inflate far beyond their compressed size.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace fascicle::test {

struct ZipEntry {
    std::string name;
    std::string bytes;
    bool stored = false;  // true: no compression (the EPUB "mimetype" entry)
};

// Writes `entries`, in order, as the zip archive `path`; throws std::runtime_error on failure.
void write_zip(const std::filesystem::path& path, const std::vector<ZipEntry>& entries);

// A small, valid EPUB 3 with one article, as entries: the base each hostile EPUB changes.
std::vector<ZipEntry> minimal_epub_entries();

}  // namespace fascicle::test
