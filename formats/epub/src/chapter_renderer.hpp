// One article as an XHTML content document: the title, the summary as an abstract, the
// introduction, the sections and the conclusion, with an id on every heading.
#pragma once

#include "toc_entry.hpp"

#include <fascicle/ir.hpp>

#include <string>

namespace fascicle::epub {

// A chapter's XHTML document and its entry for the table of contents: the article and its
// headings, linked relative to the chapter's own file ("" for the chapter, "#id" for a heading)
// since which file it becomes is known only when it is written.
struct RenderedChapter {
    std::string xhtml;
    TocEntry toc;
    std::size_t references_to_other_chapters = 0;  // written as their text
    std::size_t images_not_in_the_book = 0;        // not among the resources: written as their alt text
};

// `entry` and its children linked from the package folder: `file_href` put before each href.
void link_from_package(TocEntry& entry, const std::string& file_href);

class ChapterRenderer {
public:
    // `book_language` is used for articles without a language of their own; `conclusion_title`
    // heads every conclusion unless the article's own metadata renames it.
    // `resources`: the book's, whose images the chapters show from the media folder (may be null).
    ChapterRenderer(std::string book_language, std::string conclusion_title, const Resources* resources);

    // Touches nothing but its arguments: articles may be rendered on several threads at once.
    RenderedChapter render(const Article& article) const;

private:
    std::string book_language_;
    std::string conclusion_title_;
    const Resources* resources_;
};

}  // namespace fascicle::epub
