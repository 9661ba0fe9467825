// The EPUB navigation document: the table of contents and the landmarks.
#pragma once

#include "toc_entry.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace fascicle::epub {

// A printed page in the page-list: its label and where its marker is (from the package folder).
struct PageListEntry {
    std::string label;
    std::string href;
};

struct NavigationInput {
    std::string language;
    const std::vector<TocEntry>& chapters;    // articles, their sections beneath
    std::optional<std::string> cover_page;    // hrefs of the front matter we wrote, if any
    std::optional<std::string> title_page;
    const std::vector<PageListEntry>* page_list = nullptr;  // none or empty: no page-list
};

// nav.xhtml, which lives in the package folder (the hrefs are relative to it).
// Written one chapter's entries at a time: a book's table of contents need not fit in memory twice.
void write_navigation_document(const NavigationInput& input, std::ostream& out);

}  // namespace fascicle::epub
