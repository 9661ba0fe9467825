// Writing the XML documents of the package with pugixml: safe text, and a serialization that
// people can read without changing what a reading system shows.
#pragma once

#include <pugixml.hpp>

#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace fascicle::epub {

// Adds <?xml version="1.0" encoding="UTF-8"?> to an empty document.
void append_xml_declaration(pugi::xml_document& document);
// Appends `text` (made XML-safe) as a text node.
void append_text(pugi::xml_node parent, std::string_view text);
// Appends <name>text</name> and returns it.
pugi::xml_node append_text_element(pugi::xml_node parent, const char* name, std::string_view text);
// Sets an attribute, its value made XML-safe.
void set_attribute(pugi::xml_node node, const char* name, std::string_view value);

// Writes a document indented for people to read, but never adds whitespace inside elements that
// hold text (paragraphs, headings, links, pre...), where it would change what is shown.
// Adds empty text nodes to `document` to that end.
void save_indented(pugi::xml_document& document, std::ostream& out);
std::string save_indented(pugi::xml_document& document);

// The same for a document too big to hold whole (a book's table of contents): the element
// `placeholder`, empty, stands for `count` runs of children that `append_children(i, parent)`
// appends to `parent` one run at a time; each run is printed and dropped before the next is made.
// The bytes are those of save_indented with every run in place of the placeholder.
void save_indented(pugi::xml_document& document, pugi::xml_node placeholder, std::size_t count,
                   const std::function<void(std::size_t, pugi::xml_node)>& append_children, std::ostream& out);

}  // namespace fascicle::epub
