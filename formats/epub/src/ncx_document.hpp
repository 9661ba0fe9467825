// toc.ncx: the EPUB 2 table of contents, for reading systems that predate the navigation document.
#pragma once

#include "toc_entry.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace fascicle::epub {

struct NcxInput {
    std::string identifier;  // the package's dc:identifier
    std::string title;
    std::vector<std::string> authors;
    std::string language;
    const std::vector<TocEntry>& chapters;
};

// Written one chapter's navPoints at a time: a book's table of contents need not fit in memory twice.
void write_ncx_document(const NcxInput& input, std::ostream& out);

}  // namespace fascicle::epub
