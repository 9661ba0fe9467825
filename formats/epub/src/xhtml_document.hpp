// An XHTML content document of the package, with the head all of ours share.
#pragma once

#include <fascicle/xml_stream.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fascicle::epub {

// HTML5 in XML syntax: the declaration and doctype, <html> with lang and xml:lang, a head with
// the title, a <meta name content> for each of `named_metadata`, and our stylesheet; leaves
// <body body_attributes> open for the content.
void open_xhtml_document(XmlStream& xml, std::string_view title, std::string_view language,
                         std::string_view stylesheet_href, const XmlAttributes& body_attributes,
                         const std::vector<std::pair<std::string, std::string>>& named_metadata = {});
// Closes what open_xhtml_document opened (everything opened since must be closed).
void close_xhtml_document(XmlStream& xml);

}  // namespace fascicle::epub
