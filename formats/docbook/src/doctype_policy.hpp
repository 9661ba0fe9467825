// What a reader does with a document's <!DOCTYPE ...>. Fascicle processes no DTD, expands no
// entity and fetches nothing, so a DOCTYPE that declares entities is refused: its references
// could not be resolved, and declared entities are how "billion laughs" and external-entity
// (XXE) attacks work. A plain <!DOCTYPE article> (what pandoc writes) is harmless.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace fascicle::docbook {

struct DoctypeVerdict {
    enum class Kind {
        harmless,  // nothing to say
        ignored,   // read on, after telling the user what is ignored (a warning)
        refused,   // an error: the document is not read
    };
    Kind kind = Kind::harmless;
    std::size_t offset = 0;  // where in the declaration the verdict is about
    std::string message;
};

// `declaration` is the DOCTYPE's content after "<!DOCTYPE ": name, external id, internal subset.
DoctypeVerdict judge_doctype(std::string_view declaration);

}  // namespace fascicle::docbook
