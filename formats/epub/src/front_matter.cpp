#include "front_matter.hpp"

#include "package_layout.hpp"
#include "xhtml_document.hpp"

namespace fascicle::epub {

namespace {

const std::string stylesheet_href =
    std::string(layout::from_text_folder) + std::string(layout::stylesheet);

void append_paragraph(pugi::xml_node parent, const char* css_class, const std::string& text) {
    if (text.empty()) return;
    append_text_element(parent, "p", text).append_attribute("class").set_value(css_class);
}

}  // namespace

std::string cover_page(const std::string& book_title, const std::string& language,
                       const std::string& image_href) {
    XhtmlDocument document("Cover", language, stylesheet_href);
    pugi::xml_node body = document.body();
    body.append_attribute("epub:type").set_value("frontmatter");
    body.append_attribute("class").set_value("cover-page");
    pugi::xml_node section = body.append_child("section");
    section.append_attribute("class").set_value("cover");
    section.append_attribute("epub:type").set_value("cover");
    section.append_attribute("aria-label").set_value("Cover");
    pugi::xml_node img = section.append_child("img");
    set_attribute(img, "src", image_href);
    set_attribute(img, "alt", "Cover of " + book_title);
    img.append_attribute("role").set_value("doc-cover");
    return document.str();
}

std::string title_page(const Metadata& book, const std::string& title, const std::string& language) {
    XhtmlDocument document(title, language, stylesheet_href);
    pugi::xml_node body = document.body();
    body.append_attribute("epub:type").set_value("frontmatter");
    pugi::xml_node section = body.append_child("section");
    section.append_attribute("class").set_value("title-page");
    section.append_attribute("epub:type").set_value("titlepage");
    section.append_attribute("aria-label").set_value("Title page");

    append_text_element(section, "h1", title).append_attribute("class").set_value("title");
    for (const auto& author : book.authors()) append_paragraph(section, "author", author);
    append_paragraph(section, "publisher", book.publisher);
    append_paragraph(section, "date", book.date);
    append_paragraph(section, "description", book.description);
    append_paragraph(section, "rights", book.rights);
    return document.str();
}

}  // namespace fascicle::epub
