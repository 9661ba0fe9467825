#include "xhtml_document.hpp"

#include <cassert>
#include <string>

namespace fascicle::epub {

void open_xhtml_document(XmlStream& xml, std::string_view title, std::string_view language,
                         std::string_view stylesheet_href, const XmlAttributes& body_attributes,
                         const std::vector<std::pair<std::string, std::string>>& named_metadata) {
    xml.declaration();
    xml.doctype("html");
    xml.open_block("html", {{"xmlns", "http://www.w3.org/1999/xhtml"},
                            {"xmlns:epub", "http://www.idpf.org/2007/ops"},
                            {"lang", std::string(language)},
                            {"xml:lang", std::string(language)}});
    xml.open_block("head");
    xml.empty("meta", {{"charset", "utf-8"}});
    xml.text_element("title", title);
    for (const auto& [name, content] : named_metadata) xml.empty("meta", {{"name", name}, {"content", content}});
    xml.empty("link", {{"rel", "stylesheet"}, {"type", "text/css"}, {"href", std::string(stylesheet_href)}});
    xml.close();
    xml.open_block("body", body_attributes);
}

void close_xhtml_document(XmlStream& xml) {
    assert(xml.depth() == 2 && "close every element of the body first");
    xml.close();  // body
    xml.close();  // html
}

}  // namespace fascicle::epub
