#include "navigation_document.hpp"

#include "package_layout.hpp"
#include "xhtml_document.hpp"

namespace fascicle::epub {

namespace {

void append_entry(pugi::xml_node ol, const TocEntry& entry) {
    pugi::xml_node li = ol.append_child("li");
    pugi::xml_node a = append_text_element(li, "a", entry.title);
    set_attribute(a, "href", entry.href);
    if (!entry.language.empty()) {
        set_attribute(a, "lang", entry.language);
        set_attribute(a, "xml:lang", entry.language);
    }
    if (entry.children.empty()) return;
    pugi::xml_node children = li.append_child("ol");
    for (const auto& child : entry.children) append_entry(children, child);
}

void append_landmark(pugi::xml_node ol, const char* type, const std::string& href, const char* label) {
    pugi::xml_node a = append_text_element(ol.append_child("li"), "a", label);
    a.append_attribute("epub:type").set_value(type);
    set_attribute(a, "href", href);
}

}  // namespace

void write_navigation_document(const NavigationInput& input, std::ostream& out) {
    XhtmlDocument document("Contents", input.language, layout::stylesheet);
    pugi::xml_node body = document.body();
    body.append_attribute("epub:type").set_value("frontmatter");

    pugi::xml_node toc = body.append_child("nav");
    toc.append_attribute("epub:type").set_value("toc");
    toc.append_attribute("id").set_value("toc");
    toc.append_attribute("role").set_value("doc-toc");
    toc.append_attribute("aria-labelledby").set_value("toc-title");
    append_text_element(toc, "h1", "Contents").append_attribute("id").set_value("toc-title");
    // The chapters' entries go in place of this one, one chapter at a time.
    pugi::xml_node chapters = toc.append_child("ol").append_child("chapters");

    // Landmarks are for reading systems (go to cover, go to start): hidden from the page.
    pugi::xml_node landmarks = body.append_child("nav");
    landmarks.append_attribute("epub:type").set_value("landmarks");
    landmarks.append_attribute("id").set_value("landmarks");
    landmarks.append_attribute("hidden").set_value("hidden");
    landmarks.append_attribute("aria-labelledby").set_value("landmarks-title");
    append_text_element(landmarks, "h2", "Landmarks").append_attribute("id").set_value("landmarks-title");
    pugi::xml_node ol = landmarks.append_child("ol");
    if (input.cover_page) append_landmark(ol, "cover", *input.cover_page, "Cover");
    if (input.title_page) append_landmark(ol, "titlepage", *input.title_page, "Title page");
    append_landmark(ol, "toc", std::string(layout::navigation) + "#toc", "Table of contents");
    if (!input.chapters.empty())
        append_landmark(ol, "bodymatter", input.chapters.front().href, "Start of content");

    document.save(out, chapters, input.chapters.size(), [&](std::size_t i, pugi::xml_node parent) {
        append_entry(parent, input.chapters[i]);
    });
}

}  // namespace fascicle::epub
