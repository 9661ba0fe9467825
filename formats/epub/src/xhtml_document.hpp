// An XHTML content document of the package, with the head all of ours share.
#pragma once

#include "xml_output.hpp"

#include <pugixml.hpp>

#include <ostream>
#include <string>
#include <string_view>

namespace fascicle::epub {

inline constexpr const char* xhtml_namespace = "http://www.w3.org/1999/xhtml";
inline constexpr const char* ops_namespace = "http://www.idpf.org/2007/ops";

// HTML5 in XML syntax: lang and xml:lang on the root, a title and our stylesheet.
class XhtmlDocument {
public:
    XhtmlDocument(std::string_view title, std::string_view language, std::string_view stylesheet_href);

    pugi::xml_node html() const { return html_; }
    pugi::xml_node body() const { return body_; }

    void save(std::ostream& out) { save_indented(document_, out); }
    // With `count` runs of children made one at a time in place of `placeholder` (save_indented).
    void save(std::ostream& out, pugi::xml_node placeholder, std::size_t count,
              const std::function<void(std::size_t, pugi::xml_node)>& append_children) {
        save_indented(document_, placeholder, count, append_children, out);
    }
    std::string str() { return save_indented(document_); }

private:
    pugi::xml_document document_;
    pugi::xml_node html_;
    pugi::xml_node body_;
};

}  // namespace fascicle::epub
