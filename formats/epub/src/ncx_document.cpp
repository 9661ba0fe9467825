#include "ncx_document.hpp"

#include "xml_output.hpp"

#include <algorithm>

namespace fascicle::epub {

namespace {

std::size_t depth(const std::vector<TocEntry>& entries) {
    std::size_t deepest = 0;
    for (const auto& e : entries) deepest = std::max(deepest, 1 + depth(e.children));
    return deepest;
}

void append_meta(pugi::xml_node head, const char* name, const std::string& content) {
    pugi::xml_node meta = head.append_child("meta");
    meta.append_attribute("name").set_value(name);
    set_attribute(meta, "content", content);
}

// An entry's navPoint and those of its children; playOrder counts them depth first, as they
// are read.
void append_point(pugi::xml_node parent, const TocEntry& entry, int& play_order) {
    ++play_order;
    pugi::xml_node point = parent.append_child("navPoint");
    point.append_attribute("id").set_value(("navpoint-" + std::to_string(play_order)).c_str());
    point.append_attribute("playOrder").set_value(play_order);
    append_text_element(point.append_child("navLabel"), "text", entry.title);
    set_attribute(point.append_child("content"), "src", entry.href);
    for (const auto& child : entry.children) append_point(point, child, play_order);
}

}  // namespace

void write_ncx_document(const NcxInput& input, std::ostream& out) {
    pugi::xml_document document;
    append_xml_declaration(document);
    pugi::xml_node ncx = document.append_child("ncx");
    ncx.append_attribute("xmlns").set_value("http://www.daisy.org/z3986/2005/ncx/");
    ncx.append_attribute("version").set_value("2005-1");
    set_attribute(ncx, "xml:lang", input.language);

    pugi::xml_node head = ncx.append_child("head");
    append_meta(head, "dtb:uid", input.identifier);
    append_meta(head, "dtb:depth", std::to_string(std::max<std::size_t>(1, depth(input.chapters))));
    append_meta(head, "dtb:totalPageCount", "0");
    append_meta(head, "dtb:maxPageNumber", "0");

    append_text_element(ncx.append_child("docTitle"), "text", input.title);
    for (const auto& author : input.authors)
        append_text_element(ncx.append_child("docAuthor"), "text", author);

    int play_order = 0;
    // The chapters' navPoints go in place of this one, one chapter at a time.
    pugi::xml_node chapters = ncx.append_child("navMap").append_child("chapters");
    save_indented(document, chapters, input.chapters.size(), [&](std::size_t i, pugi::xml_node parent) {
        append_point(parent, input.chapters[i], play_order);
    }, out);
}

}  // namespace fascicle::epub
