// A DocBook info element (a book's or an article's) read into fascicle metadata. Elements fascicle
// has no field for keep their text in Metadata::extra under their element name, with a warning;
// a <bibliomisc role="key"> (what fascicle's writer makes of the rest) sets the field or extra key.
#pragma once

#include "flow_reader.hpp"

#include <fascicle/ir.hpp>

#include <map>
#include <string>
#include <vector>

namespace fascicle::docbook {

class InfoReader {
public:
    InfoReader(DocBookDocument& document, FlowReader& flow) : document_(document), flow_(flow) {}

    // Reads `info` (or a division's own title, subtitle...: pass the division) into `metadata`.
    // An abstract goes to `summary` when given (an article's), else to metadata.description.
    void read(pugi::xml_node info, Metadata& metadata, std::vector<Block>* summary);

    // Reads one child of an info element, or a division's title-like child; false when the
    // element is not info matter (a para, a section...).
    bool read_child(pugi::xml_node child, Metadata& metadata, std::vector<Block>* summary);

private:
    void read_author(pugi::xml_node author, Metadata& metadata, const std::string& role = "aut");
    // A <bibliomisc role="key"> the writer gives what DocBook has no element for (a line of the
    // value each; a subject each), gathered in `keyed`; false when the key names what another
    // element tells.
    struct KeyedValue {
        pugi::xml_node first;  // its first line, for the warning when it is not kept
        std::string text;
    };
    bool read_keyed(pugi::xml_node bibliomisc, const std::string& key, Metadata& metadata,
                    std::map<std::string, KeyedValue>& keyed);
    void keep_in_extra(pugi::xml_node element, Metadata& metadata, bool warn);
    // The text of a metadata element: its child elements' texts joined by spaces (a personname's
    // firstname and surname), or its own text, white space tidied.
    std::string value_of(pugi::xml_node element);
    // Paragraphs as lines of text (description, rights).
    std::string lines_of(pugi::xml_node element);

    DocBookDocument& document_;
    FlowReader& flow_;
};

}  // namespace fascicle::docbook
