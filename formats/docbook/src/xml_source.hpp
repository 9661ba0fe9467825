// A DocBook input loaded for reading: its bytes checked (UTF-8, XML characters), parsed by
// pugixml without any entity expansion, its DOCTYPE vetted, every reference decoded and checked,
// and every node locatable as a line and column for diagnostics.
#pragma once

#include "line_index.hpp"

#include <fascicle/diagnostics.hpp>

#include <pugixml.hpp>

#include <cstddef>
#include <memory>
#include <set>
#include <string>
#include <string_view>

namespace fascicle::docbook {

inline constexpr std::string_view xml_namespace = "http://www.w3.org/XML/1998/namespace";

class XmlSource {
public:
    // Elements nested deeper than `max_depth` are refused (the readers walk the tree recursively):
    // 256 unless --max-nesting says otherwise, and never more than most_depth.
    static constexpr std::size_t default_max_depth = 256;
    static constexpr std::size_t most_depth = 1000;

    // Loads a whole input. Errors go to `diagnostics` with file:line:column, and the result is then
    // null; a DOCTYPE that is read on in spite of what it declares gives a warning.
    static std::unique_ptr<XmlSource> load(std::string bytes, std::string file, DiagnosticSink& diagnostics,
                                           std::size_t max_depth = default_max_depth);

    XmlSource(const XmlSource&) = delete;
    XmlSource& operator=(const XmlSource&) = delete;

    const std::string& file() const { return file_; }
    pugi::xml_node root() const { return document_.document_element(); }

    // Where a node starts (an element: its '<'); line 0 when pugixml cannot tell.
    TextPosition position(pugi::xml_node node) const;

    // The text of a character data or CDATA node, references decoded.
    std::string text(pugi::xml_node node) const;
    // An attribute's value, references decoded; empty when the element has no such attribute.
    std::string attribute(pugi::xml_node element, std::string_view qualified_name) const;
    // The value of the attribute `local_name` in `namespace_uri`, whatever its prefix.
    std::string attribute(pugi::xml_node element, std::string_view namespace_uri, std::string_view local_name) const;

    // pugixml is not namespace-aware: an element's namespace, from the xmlns declarations in scope.
    std::string namespace_of(pugi::xml_node element) const;
    static std::string_view local_name(pugi::xml_node element);

    // Every xml:id value in the document.
    const std::set<std::string>& xml_ids() const { return xml_ids_; }

private:
    XmlSource(std::string bytes, std::string file);
    bool parse(DiagnosticSink& diagnostics);
    bool check_nodes(DiagnosticSink& diagnostics, std::size_t max_depth);
    std::string namespace_for_prefix(pugi::xml_node element, std::string_view prefix) const;

    std::string bytes_;  // parsed in place: the document's nodes point into it
    std::string file_;
    LineIndex lines_;
    pugi::xml_document document_;
    std::set<std::string> xml_ids_;
};

}  // namespace fascicle::docbook
