// One article as an XHTML content document: the title, the summary as an abstract, the
// introduction, the sections and the conclusion, with an id on every heading.
#pragma once

#include "toc_entry.hpp"

#include <fascicle/ir.hpp>
#include <fascicle/page_map.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace fascicle::epub {

// An internal reference whose target is known only once the whole book is: its <a> is written
// with an empty href, which the writer fills in (or removes, when the target is not in the book).
struct PendingReference {
    std::size_t offset = 0;  // of the closing quote of href="" in the XHTML
    std::string article;     // the target article's id
    std::string local;       // the id inside it; empty for the article itself
    bool needs_text = false; // no text of its own: the target's label goes inside the <a>

    bool operator==(const PendingReference&) const = default;
};

// An id of the article's own (of a section, block, span or note), the XML id it became, and what
// a reference without text of its own shows for it: the section's title, the table's or figure's
// caption; empty for the rest.
struct Anchor {
    std::string local;
    std::string id;
    std::string label;
};

// A printed page's marker in the chapter: its label and the XML id of its pagebreak span.
struct PageMarker {
    std::string label;
    std::string id;
};

// Where a pending reference leads: the href, and the text it shows when it has none of its own.
struct ReferenceTarget {
    std::string href;
    std::string label;
};

// A chapter's XHTML document and its entry for the table of contents: the article and its
// headings, linked relative to the chapter's own file ("" for the chapter, "#id" for a heading)
// since which file it becomes is known only when it is written.
struct RenderedChapter {
    std::string xhtml;
    TocEntry toc;
    std::vector<PendingReference> references;
    std::vector<Anchor> anchors;
    std::size_t formulas = 0;                  // written as MathML
    std::size_t formulas_without_alttext = 0;  // MathML without its TeX source
    std::size_t formulas_as_tex = 0;           // no (well-formed) MathML: written as their TeX source
    std::vector<std::string> media;            // the resources its images show, by name
    std::size_t images = 0;                    // images shown (from the book's resources)
    std::size_t images_without_alt = 0;
    std::size_t images_not_in_the_book = 0;    // not among the resources: written as their alt text
    std::size_t links_without_address = 0;     // no absolute address (a relative path): written as their text
    std::string first_link_without_address;
    std::vector<PageMarker> page_markers;      // in the order of the pages
    std::size_t page_markers_at_end = 0;       // whose paragraph the chapter does not have: put at its end
};

// `entry` and its children linked from the package folder: `file_href` put before each href.
void link_from_package(TocEntry& entry, const std::string& file_href);

// Fills in each pending reference (in the order of their offsets) with what `resolve(reference)`
// gives (an href of a file name and an XML id: nothing to escape), and the text of one without
// text; where it gives nothing, the <a> loses its href and shows the id it named.
void resolve_references(std::string& xhtml, const std::vector<PendingReference>& references,
                        const std::function<std::optional<ReferenceTarget>(const PendingReference&)>& resolve);

class ChapterRenderer {
public:
    // `book_language` is used for articles without a language of their own; `conclusion_title`
    // heads every conclusion unless the article's own metadata renames it.
    // `resources`: the book's, whose images the chapters show from the media folder (may be null).
    ChapterRenderer(std::string book_language, std::string conclusion_title, const Resources* resources);

    // Touches nothing but its arguments: articles may be rendered on several threads at once.
    // `pages`: the printed pages that begin in this article (page_map.hpp), marked where they begin.
    RenderedChapter render(const Article& article, const std::vector<PageStart>& pages = {}) const;

private:
    std::string book_language_;
    std::string conclusion_title_;
    const Resources* resources_;
};

}  // namespace fascicle::epub
