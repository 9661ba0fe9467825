#include "ncx_document.hpp"

#include "xml_output.hpp"

#include <algorithm>

namespace quire::epub {

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

// navPoints in reading order; playOrder counts them depth first, as they are read.
void append_points(pugi::xml_node parent, const std::vector<TocEntry>& entries, int& play_order) {
    for (const auto& entry : entries) {
        ++play_order;
        pugi::xml_node point = parent.append_child("navPoint");
        point.append_attribute("id").set_value(("navpoint-" + std::to_string(play_order)).c_str());
        point.append_attribute("playOrder").set_value(play_order);
        append_text_element(point.append_child("navLabel"), "text", entry.title);
        set_attribute(point.append_child("content"), "src", entry.href);
        append_points(point, entry.children, play_order);
    }
}

}  // namespace

std::string ncx_document(const NcxInput& input) {
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
    append_points(ncx.append_child("navMap"), input.chapters, play_order);
    return save_indented(document);
}

}  // namespace quire::epub
