// An XML text (an EPUB's entry, an HTML fragment of a Markdown file ...) parsed with pugixml,
// safely: no DTD is loaded and a DOCTYPE that declares entities is refused; the named entities
// of XHTML 1.1 (&nbsp; ...) that EPUB 2 documents and HTML fragments may use are expanded;
// positions in the text are known, for diagnostics.
#pragma once

#include <pugixml.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace fascicle::xml {

struct XmlPosition {
    std::size_t line = 0;    // 1-based; 0 when unknown
    std::size_t column = 0;  // 1-based byte column; 0 when unknown
};

class ParsedXml {
public:
    struct Failure {
        std::string message;
        XmlPosition position;
    };
    // An entity reference the parser does not know ("&foo;"), kept as text.
    struct UnknownEntity {
        std::string name;
        XmlPosition position;
    };

    // Elements nested deeper are refused: the reader walks documents recursively. --max-nesting
    // changes it, up to max_nesting_most.
    static constexpr std::size_t default_max_depth = 512;
    static constexpr std::size_t max_nesting_most = 1000;

    // Parses XML text; nullptr and `failure` when they are not well-formed XML, not
    // UTF-8 (unless declared otherwise), declare entities or nest too deep. `html_entities`: expand the XHTML
    // DTD's named entities (for content documents).
    static std::unique_ptr<ParsedXml> parse(const std::string& bytes, bool html_entities, Failure& failure,
                                           std::size_t max_depth = default_max_depth);

    pugi::xml_node root() const { return document_.document_element(); }
    // Where a node starts in the text (approximately for nodes pugixml did not keep in place).
    XmlPosition position(pugi::xml_node node) const;
    const std::vector<UnknownEntity>& unknown_entities() const { return unknown_entities_; }

private:
    ParsedXml() = default;
    // Offsets in the parsed buffer are shifted from the text's by each expanded entity.
    std::size_t original_offset(std::size_t parsed_offset) const;
    XmlPosition position_of(std::size_t original_offset) const;
    void expand_html_entities(const std::string& bytes, std::string& out);

    struct Shift {
        std::size_t parsed_from;   // parsed offsets from here on ...
        std::ptrdiff_t to_original;  // ... are this much before or after the original's
    };
    std::vector<std::size_t> line_starts_;
    std::vector<Shift> shifts_;
    std::vector<UnknownEntity> unknown_entities_;
    pugi::xml_document document_;
};

}  // namespace fascicle::xml
