// Where each printed page of a book begins, told by the book's paragraphs: the PDF writer makes
// this page map from its layout, the EPUB writer reads it to mark the print edition's pages
// (EPUB Accessibility's page-list). Both number the paragraphs with page_anchors().
#pragma once

#include <fascicle/ir.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fascicle {

// The paragraphs a page can be found by, in document order: every paragraph of the summary, the
// introduction, the sections (each section's blocks, then its subsections) and the conclusion,
// those in list items, block quotes, divisions and definitions included; not those in tables,
// figures, notes or raw blocks (printed apart, or not by every format). Anchor n is the n-th.
std::vector<const Block*> page_anchors(const Article& article);
// The same as a lookup: block → its anchor number.
std::unordered_map<const Block*, std::size_t> page_anchor_numbers(const Article& article);
// The xml:id an XML writer gives anchor n of an article ("<article_xml_id>._page.N": '.' is in no
// section id), by which a typesetter's layout tells the page it starts on.
std::string page_anchor_xml_id(const std::string& article_id, std::size_t anchor);

// One printed page: the paragraph it begins at, or the paragraph it goes on from (`within`:
// no paragraph starts on the page, which is the rest of that one, or a table, a figure... after it).
struct PageStart {
    std::string label;       // the folio as printed: "1", "2"...
    std::string article_id;
    std::size_t anchor = 0;  // in page_anchors() of the article
    bool within = false;

    bool operator==(const PageStart&) const = default;
};

// The body pages of a printed book, in order.
struct PageMap {
    std::vector<PageStart> pages;

    bool operator==(const PageMap&) const = default;
};

// The page map as text: a first line "fascicle-page-map 1", then one line a page, its fields
// parted by tabs: label, article id, anchor number, "start" or "within".
// Empty when a label or an article id holds a tab or a line break (`error` then says which).
std::optional<std::string> page_map_text(const PageMap& map, std::string& error);
// Reads page_map_text's format; nullopt with `error` ("line N: ...") when it is not that.
std::optional<PageMap> parse_page_map(std::string_view text, std::string& error);
// Reads a page map file; nullopt with `error` naming the file (and the line) when it cannot.
std::optional<PageMap> read_page_map(const std::filesystem::path& file, std::string& error);

}  // namespace fascicle
