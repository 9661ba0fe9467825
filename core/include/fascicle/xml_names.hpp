// Names in the XML the reader meets, with namespaces: pugixml keeps qualified names ("dc:title")
// and leaves prefixes to the caller.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace fascicle::xml {

inline constexpr std::string_view ops_ns = "http://www.idpf.org/2007/ops";  // epub:type, which HTML content may carry

// "dc:title" -> "title"; "title" -> "title".
std::string_view local_name(std::string_view qualified);
// The namespace a qualified name's prefix is bound to at `element` (xmlns / xmlns:p on it or an
// ancestor); empty when unbound.
std::string namespace_of(pugi::xml_node element, std::string_view qualified);

// True when `element` is `local` in namespace `ns`.
bool is_element(pugi::xml_node element, std::string_view ns, std::string_view local);
// The attribute `local` in namespace `ns` on `element` (e.g. epub:type, opf:role), whatever
// prefix the document chose.
pugi::xml_attribute attribute_in(pugi::xml_node element, std::string_view ns, std::string_view local);

// An attribute value's white-space separated tokens ("chapter bodymatter").
std::vector<std::string> tokens(std::string_view value);
bool has_token(std::string_view value, std::string_view token);

// All the text inside a node, markup left out, trimmed of white space at both ends.
std::string trimmed_text(pugi::xml_node node);

}  // namespace fascicle::xml
