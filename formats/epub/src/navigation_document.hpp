// The EPUB navigation document: the table of contents and the landmarks.
#pragma once

#include "toc_entry.hpp"

#include <optional>
#include <string>
#include <vector>

namespace quire::epub {

struct NavigationInput {
    std::string language;
    std::vector<TocEntry> chapters;           // articles, their sections beneath
    std::optional<std::string> cover_page;    // hrefs of the front matter we wrote, if any
    std::optional<std::string> title_page;
};

// nav.xhtml, which lives in the package folder (the hrefs are relative to it).
std::string navigation_document(const NavigationInput& input);

}  // namespace quire::epub
