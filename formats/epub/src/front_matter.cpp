#include "front_matter.hpp"

#include "package_layout.hpp"
#include "xhtml_document.hpp"

namespace fascicle::epub {

namespace {

const std::string stylesheet_href =
    std::string(layout::from_text_folder) + std::string(layout::stylesheet);

void paragraph(XmlStream& xml, const char* css_class, const std::string& text) {
    if (!text.empty()) xml.text_element("p", text, {{"class", css_class}});
}

}  // namespace

std::string cover_page(const std::string& book_title, const std::string& language,
                       const std::string& image_href) {
    std::string out;
    XmlStream xml(out);
    open_xhtml_document(xml, "Cover", language, stylesheet_href,
                        {{"epub:type", "frontmatter"}, {"class", "cover-page"}});
    xml.open_block("section", {{"class", "cover"}, {"epub:type", "cover"}, {"aria-label", "Cover"}});
    xml.empty("img", {{"src", image_href}, {"alt", "Cover of " + book_title}, {"role", "doc-cover"}});
    xml.close();
    close_xhtml_document(xml);
    return out;
}

std::string title_page(const Metadata& book, const std::string& title, const std::string& language) {
    std::string out;
    XmlStream xml(out);
    open_xhtml_document(xml, title, language, stylesheet_href, {{"epub:type", "frontmatter"}});
    xml.open_block("section", {{"class", "title-page"}, {"epub:type", "titlepage"}, {"aria-label", "Title page"}});
    xml.text_element("h1", title, {{"class", "title"}});
    for (const auto& author : book.authors()) paragraph(xml, "author", author);
    paragraph(xml, "publisher", book.publisher);
    paragraph(xml, "date", book.date);
    paragraph(xml, "description", book.description);
    paragraph(xml, "rights", book.rights);
    xml.close();
    close_xhtml_document(xml);
    return out;
}

}  // namespace fascicle::epub
