// DocBook divisions (chapter, article) read into articles, and their sections into sections:
// the summary from the info's abstract, the introduction from the blocks before the first
// section, the conclusion from a last section that the DocBook writer made one (see
// conclusion_of). Ids and languages are the book reader's business.
#pragma once

#include "flow_reader.hpp"
#include "info_reader.hpp"

#include <fascicle/ir.hpp>
#include <fascicle/text.hpp>

#include <functional>
#include <string>
#include <vector>

namespace fascicle::docbook {

// Whether an element name is an info element: DocBook 5's info, DocBook 4's bookinfo, articleinfo...
bool is_info(std::string_view name);

class DivisionReader {
public:
    DivisionReader(DocBookDocument& document, FlowReader& flow, InfoReader& info)
        : document_(document), flow_(flow), info_(info) {}

    // The section of `division` that is its conclusion, or null. It must be the division's last
    // child and hold no sections, and either carry the id the writer gives a conclusion
    // (is_conclusion_xml_id) or, from other tools, be titled "Conclusion".
    pugi::xml_node conclusion_of(pugi::xml_node division) const;

    // The title of a division or section: its title, or its info's. Unless `report`, what is
    // not mapped in it goes unsaid (the reading that keeps the title says it).
    std::string title_of(pugi::xml_node element, bool report = false) const;

    // The element holding the title of a division or section (in its info too); null when none.
    pugi::xml_node title_element(pugi::xml_node element) const;

    // A division read into an article (id, language and conclusion title left to the caller).
    Article read(pugi::xml_node division);
    // Content found outside any division, read as the introduction of an untitled article.
    Article read_loose(const std::vector<pugi::xml_node>& nodes);

    bool is_section(pugi::xml_node element) const;
    // Whether a title is the writer's stand-in for none (role="untitled", the id as its text).
    bool is_untitled_marker(pugi::xml_node title) const;

private:
    // Reads the children of a division or section: `heading` takes the title-like ones it knows,
    // sections go to `sections`, content before them to `blocks` and content after one into it.
    void read_body(pugi::xml_node parent, std::vector<Block>& blocks, std::vector<Section>& sections,
                   UniqueIds& section_ids, pugi::xml_node conclusion,
                   const std::function<bool(pugi::xml_node)>& heading);
    Section read_section(pugi::xml_node section, UniqueIds& section_ids);

    DocBookDocument& document_;
    FlowReader& flow_;
    InfoReader& info_;
};

}  // namespace fascicle::docbook
