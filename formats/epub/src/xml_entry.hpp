// The EPUB reader's XML entries (container, package, navigation, content documents) are parsed
// with core's ParsedXml: safely, with positions, HTML's named entities expanded when asked.
#pragma once

#include <fascicle/parsed_xml.hpp>

namespace fascicle::epub::reader {

using XmlEntry = xml::ParsedXml;
using xml::XmlPosition;

}  // namespace fascicle::epub::reader
