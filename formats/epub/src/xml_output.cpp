#include "xml_output.hpp"

#include "xml_text.hpp"

#include <sstream>

namespace quire::epub {

void append_xml_declaration(pugi::xml_document& document) {
    pugi::xml_node declaration = document.append_child(pugi::node_declaration);
    declaration.append_attribute("version").set_value("1.0");
    declaration.append_attribute("encoding").set_value("UTF-8");
}

void append_text(pugi::xml_node parent, std::string_view text) {
    const std::string safe = xml_safe_text(text);
    parent.append_child(pugi::node_pcdata).set_value(safe.c_str());
}

pugi::xml_node append_text_element(pugi::xml_node parent, const char* name, std::string_view text) {
    pugi::xml_node element = parent.append_child(name);
    append_text(element, text);
    return element;
}

void set_attribute(pugi::xml_node node, const char* name, std::string_view value) {
    const std::string safe = xml_safe_text(value);
    node.append_attribute(name).set_value(safe.c_str());
}

namespace {

// Elements whose content is text: whitespace added inside them would be shown.
bool holds_text(std::string_view name) {
    static constexpr std::string_view names[] = {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "a", "em", "strong", "code", "span",
        "title", "text", "dc:title", "dc:creator", "dc:description", "dc:rights", "dc:publisher"};
    for (auto n : names)
        if (n == name) return true;
    return false;
}

// pugixml indents an element child unless a text node comes right before it: an empty text node
// before each element child, and after the last one, keeps the content as it is.
void shield_text_content(pugi::xml_node node) {
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
        if (child.type() != pugi::node_element) continue;
        if (holds_text(child.name())) {
            for (pugi::xml_node inner = child.first_child(); inner; inner = inner.next_sibling()) {
                if (inner.type() != pugi::node_element) continue;
                if (inner.previous_sibling().type() != pugi::node_pcdata)
                    child.insert_child_before(pugi::node_pcdata, inner);
            }
            if (child.last_child().type() == pugi::node_element) child.append_child(pugi::node_pcdata);
        }
        shield_text_content(child);
    }
}

}  // namespace

void save_indented(pugi::xml_document& document, std::ostream& out) {
    shield_text_content(document);
    document.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
}

std::string save_indented(pugi::xml_document& document) {
    std::ostringstream out;
    save_indented(document, out);
    return out.str();
}

}  // namespace quire::epub
