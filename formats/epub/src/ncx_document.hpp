// toc.ncx: the EPUB 2 table of contents, for reading systems that predate the navigation document.
#pragma once

#include "toc_entry.hpp"

#include <string>
#include <vector>

namespace quire::epub {

struct NcxInput {
    std::string identifier;  // the package's dc:identifier
    std::string title;
    std::vector<std::string> authors;
    std::string language;
    std::vector<TocEntry> chapters;
};

std::string ncx_document(const NcxInput& input);

}  // namespace quire::epub
