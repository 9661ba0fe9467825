// What the navigation tells about the content documents: the title the table of contents gives
// each, and which are not articles (the landmarks' or the guide's cover, title page, contents).
// From the EPUB 3 navigation document, or the EPUB 2 NCX, and the package's guide.
#pragma once

#include "package_reader.hpp"
#include "xml_entry.hpp"

#include <map>
#include <string>

namespace fascicle::epub::reader {

struct Navigation {
    std::map<std::string, std::string> titles;        // entry -> its first title in the table of contents
    std::map<std::string, std::string> front_matter;  // entry -> what it is ("the cover", "the title page" ...)
};

// Adds the table of contents and the landmarks of a navigation document (entry `path`).
void read_navigation_document(const XmlEntry& document, const std::string& path, Navigation& into);
// Adds the navMap of an NCX (entry `path`).
void read_ncx(const XmlEntry& document, const std::string& path, Navigation& into);
// Adds the cover, title page and contents the package's guide names.
void read_guide(const Package& package, Navigation& into);

// What a landmark or guide type says a document is when it is left out: a cover or a title page
// (a table of contents is not: producers often call their first chapter so).
std::optional<std::string> front_matter_kind(std::string_view type);

}  // namespace fascicle::epub::reader
