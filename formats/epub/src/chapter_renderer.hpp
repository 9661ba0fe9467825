// One article as an XHTML content document: the title, the summary as an abstract, the
// introduction, the sections and the conclusion, with an id on every heading.
#pragma once

#include "toc_entry.hpp"

#include <quire/ir.hpp>

#include <ostream>
#include <string>

namespace quire::epub {

class ChapterRenderer {
public:
    // `book_language` is used for articles without a language of their own; `conclusion_title`
    // heads every conclusion unless the article's own metadata renames it.
    ChapterRenderer(std::string book_language, std::string conclusion_title);

    // Writes the document to `out` and returns its entry for the table of contents: the article
    // and its headings, linked relative to the package folder through `file_href`.
    TocEntry render(const Article& article, const std::string& file_href, std::ostream& out) const;

private:
    std::string book_language_;
    std::string conclusion_title_;
};

}  // namespace quire::epub
