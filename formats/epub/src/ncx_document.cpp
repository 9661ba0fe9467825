#include "ncx_document.hpp"

#include <fascicle/xml_stream.hpp>

#include <algorithm>

namespace fascicle::epub {

namespace {

std::size_t depth(const std::vector<TocEntry>& entries) {
    std::size_t deepest = 0;
    for (const auto& e : entries) deepest = std::max(deepest, 1 + depth(e.children));
    return deepest;
}

void labelled(XmlStream& xml, const char* name, const std::string& text) {
    xml.open_block(name);
    xml.text_element("text", text);
    xml.close();
}

// An entry's navPoint and those of its children; playOrder counts them depth first, as they
// are read.
void point(XmlStream& xml, const TocEntry& entry, int& play_order) {
    ++play_order;
    xml.open_block("navPoint", {{"id", "navpoint-" + std::to_string(play_order)},
                                {"playOrder", std::to_string(play_order)}});
    labelled(xml, "navLabel", entry.title);
    xml.empty("content", {{"src", entry.href}});
    for (const auto& child : entry.children) point(xml, child, play_order);
    xml.close();
}

}  // namespace

void write_ncx_document(const NcxInput& input, std::ostream& out) {
    std::string text;
    XmlStream xml(text);
    xml.declaration();
    xml.open_block("ncx", {{"xmlns", "http://www.daisy.org/z3986/2005/ncx/"}, {"version", "2005-1"},
                           {"xml:lang", input.language}});
    xml.open_block("head");
    const auto meta = [&](const char* name, const std::string& content) {
        xml.empty("meta", {{"name", name}, {"content", content}});
    };
    meta("dtb:uid", input.identifier);
    meta("dtb:depth", std::to_string(std::max<std::size_t>(1, depth(input.chapters))));
    meta("dtb:totalPageCount", "0");
    meta("dtb:maxPageNumber", "0");
    xml.close();
    labelled(xml, "docTitle", input.title);
    for (const auto& author : input.authors) labelled(xml, "docAuthor", author);

    int play_order = 0;
    xml.open_block("navMap");
    // One chapter's navPoints at a time: printed and dropped before the next.
    for (const auto& chapter : input.chapters) {
        point(xml, chapter, play_order);
        out << text;
        text.clear();
    }
    xml.close();
    xml.close();
    out << text;
}

}  // namespace fascicle::epub
