// The images a book's documents show, made resources of the book: read from the archive when a
// writer opens them, under the archive's limits (entry size, expansion ratio). Each is read
// once when first met, so that a zip bomb or a damaged entry is found while reading (the image
// is then left out with a warning naming the entry), and named "<input>/<entry>", unique in a
// book made of several EPUBs.
#pragma once

#include "epub_diagnostics.hpp"
#include "package_reader.hpp"
#include "zip_archive_reader.hpp"

#include <fascicle/ir.hpp>

#include <filesystem>
#include <map>
#include <string>

namespace fascicle::epub::reader {

class ArchiveImages {
public:
    struct Source {
        std::string input_name;          // for names and diagnostics
        std::string prefix;              // the resource names' first part (the input's article id)
        std::filesystem::path file;      // the EPUB, reopened by each open(); empty: from memory
        ArchiveLimits limits;
    };
    ArchiveImages(Source source, ZipArchiveReader& archive, const Package& package, Resources& resources,
                  EpubDiagnostics& diagnostics)
        : source_(std::move(source)), archive_(archive), package_(package), resources_(resources),
          diagnostics_(diagnostics) {}

    // The resource name of the image `src` shown by document `entry` (a URL stays itself);
    // empty, with a warning at `at`, when it leaves the archive, is missing or cannot be read.
    std::string resource_for(const std::string& entry, const std::string& src, XmlPosition at);

private:
    Source source_;
    ZipArchiveReader& archive_;
    const Package& package_;
    Resources& resources_;
    EpubDiagnostics& diagnostics_;
    std::map<std::string, std::string> names_;  // entry -> resource name ("" when refused)
};

}  // namespace fascicle::epub::reader
