// The EPUB 3 (and EPUB 2) reader: container -> package document -> spine, one article per
// content document that holds one; the package's metadata is the book's.
#pragma once

#include "zip_archive_reader.hpp"

#include <fascicle/plugin.hpp>

// The reader's parts are in fascicle::epub::reader, apart from the writer's: both are linked into
// one plugin, where a name with two meanings would break the program (the ODR).
namespace fascicle::epub {

class EpubReader final : public Reader {
public:
    explicit EpubReader(reader::ArchiveLimits limits = {}) : limits_(limits) {}

    Status read(const Input& input, ReadContext& ctx, ArticleSink& sink) override;

private:
    reader::ArchiveLimits limits_;
};

}  // namespace fascicle::epub
