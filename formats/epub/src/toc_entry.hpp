// One entry of the table of contents: what the navigation document and the NCX are built from.
#pragma once

#include <string>
#include <vector>

namespace fascicle::epub {

struct TocEntry {
    std::string title;
    std::string href;  // relative to the package folder, with a fragment for a heading
    std::string language;  // of the title, when it is not the book's; empty otherwise
    std::vector<TocEntry> children;

    bool operator==(const TocEntry&) const = default;
};

}  // namespace fascicle::epub
