// A document's <!DOCTYPE ...> read for what fascicle uses of it: the entities its internal subset
// declares. No DTD is ever read or fetched: an external DTD's and external entities' declarations
// are only named, for the messages.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace fascicle::docbook {

struct EntityDeclaration {
    std::string name;
    std::string value;        // an internal entity's replacement text, as the literal has it
    std::string external_id;  // SYSTEM "uri" or PUBLIC "id" "uri": an external entity; else empty
    bool parameter = false;   // <!ENTITY % name ...>, for the DTD only
    std::size_t offset = 0;   // of "<!ENTITY" in the DOCTYPE's text
};

struct DoctypeDeclarations {
    std::vector<EntityDeclaration> entities;
    std::string external_dtd;  // the DTD the DOCTYPE names (not read); empty when none
    // Offset of the first other declaration of the internal subset (<!ATTLIST, <!ELEMENT...),
    // which fascicle does not apply; npos when none.
    std::size_t other_declaration = std::string_view::npos;
};

// `doctype` is the whole declaration, from "<!DOCTYPE" to its closing '>'.
DoctypeDeclarations read_doctype(std::string_view doctype);

// The length of the DOCTYPE declaration at the start of `text` (its internal subset's quotes and
// comments taken into account); npos when it does not end.
std::size_t doctype_length(std::string_view text);

}  // namespace fascicle::docbook
