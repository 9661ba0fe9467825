#include "xhtml_document.hpp"

namespace fascicle::epub {

XhtmlDocument::XhtmlDocument(std::string_view title, std::string_view language,
                             std::string_view stylesheet_href) {
    append_xml_declaration(document_);
    document_.append_child(pugi::node_doctype).set_value("html");

    html_ = document_.append_child("html");
    html_.append_attribute("xmlns").set_value(xhtml_namespace);
    html_.append_attribute("xmlns:epub").set_value(ops_namespace);
    set_attribute(html_, "lang", language);
    set_attribute(html_, "xml:lang", language);

    pugi::xml_node head = html_.append_child("head");
    head.append_child("meta").append_attribute("charset").set_value("utf-8");
    append_text_element(head, "title", title);
    pugi::xml_node link = head.append_child("link");
    link.append_attribute("rel").set_value("stylesheet");
    link.append_attribute("type").set_value("text/css");
    set_attribute(link, "href", stylesheet_href);

    body_ = html_.append_child("body");
}

}  // namespace fascicle::epub
