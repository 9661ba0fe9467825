#include "navigation_document.hpp"

#include "package_layout.hpp"
#include "xhtml_document.hpp"

namespace fascicle::epub {

namespace {

void entry(XmlStream& xml, const TocEntry& e) {
    xml.open_block("li");
    XmlAttributes link{{"href", e.href}};
    if (!e.language.empty()) {
        link.emplace_back("lang", e.language);
        link.emplace_back("xml:lang", e.language);
    }
    xml.text_element("a", e.title, link);
    if (!e.children.empty()) {
        xml.open_block("ol");
        for (const auto& child : e.children) entry(xml, child);
        xml.close();
    }
    xml.close();
}

void landmark(XmlStream& xml, const char* type, const std::string& href, const char* label) {
    xml.open_block("li");
    xml.text_element("a", label, {{"epub:type", type}, {"href", href}});
    xml.close();
}

}  // namespace

void write_navigation_document(const NavigationInput& input, std::ostream& out) {
    std::string text;
    XmlStream xml(text);
    open_xhtml_document(xml, "Contents", input.language, layout::stylesheet, {{"epub:type", "frontmatter"}});
    xml.open_block("nav", {{"epub:type", "toc"}, {"id", "toc"}, {"role", "doc-toc"}, {"aria-labelledby", "toc-title"}});
    xml.text_element("h1", "Contents", {{"id", "toc-title"}});
    xml.open_block("ol");
    // One chapter's entries at a time: printed and dropped before the next.
    for (const auto& chapter : input.chapters) {
        entry(xml, chapter);
        out << text;
        text.clear();
    }
    xml.close();
    xml.close();

    // The print edition's pages, for reading systems' "go to page": hidden like the landmarks.
    if (input.page_list && !input.page_list->empty()) {
        xml.open_block("nav", {{"epub:type", "page-list"}, {"id", "page-list"}, {"role", "doc-pagelist"},
                               {"hidden", "hidden"}, {"aria-labelledby", "page-list-title"}});
        xml.text_element("h2", "Pages", {{"id", "page-list-title"}});
        xml.open_block("ol");
        for (const auto& page : *input.page_list) {
            xml.open_block("li");
            xml.text_element("a", page.label, {{"href", page.href}});
            xml.close();
        }
        xml.close();
        xml.close();
        out << text;
        text.clear();
    }

    // Landmarks are for reading systems (go to cover, go to start): hidden from the page.
    xml.open_block("nav", {{"epub:type", "landmarks"}, {"id", "landmarks"}, {"hidden", "hidden"},
                           {"aria-labelledby", "landmarks-title"}});
    xml.text_element("h2", "Landmarks", {{"id", "landmarks-title"}});
    xml.open_block("ol");
    if (input.cover_page) landmark(xml, "cover", *input.cover_page, "Cover");
    if (input.title_page) landmark(xml, "titlepage", *input.title_page, "Title page");
    landmark(xml, "toc", std::string(layout::navigation) + "#toc", "Table of contents");
    if (!input.chapters.empty()) landmark(xml, "bodymatter", input.chapters.front().href, "Start of content");
    xml.close();
    xml.close();
    close_xhtml_document(xml);
    out << text;
}

}  // namespace fascicle::epub
