// The namespaces of an EPUB's package and container; names and attributes are read with core's
// xml_names.
#pragma once

#include <fascicle/xml_names.hpp>

#include <string_view>

namespace fascicle::epub::reader {

inline constexpr std::string_view opf_ns = "http://www.idpf.org/2007/opf";
inline constexpr std::string_view dc_ns = "http://purl.org/dc/elements/1.1/";
using xml::ops_ns;  // epub:type
inline constexpr std::string_view container_ns = "urn:oasis:names:tc:opendocument:xmlns:container";

using xml::attribute_in;
using xml::has_token;
using xml::is_element;
using xml::local_name;
using xml::namespace_of;
using xml::tokens;
using xml::trimmed_text;

}  // namespace fascicle::epub::reader
