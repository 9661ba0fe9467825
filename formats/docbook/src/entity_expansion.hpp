// Entity references expanded before parsing: the entities the DOCTYPE's internal subset declares
// (their replacement text may hold markup, so this is done on the bytes, as an XML parser would)
// and DocBook 4's standard character entities (&mdash;...). The five predefined entities and
// character references are left to the parser. The total expansion is capped: declared entities
// are how "billion laughs" and its quadratic cousin make a small file huge.
#pragma once

#include "doctype_declarations.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fascicle::docbook {

// The deepest chain of entities whose texts refer to each other (the expansion recurses).
inline constexpr std::size_t max_entity_nesting = 64;

// The most bytes entity references may add to a document (it is refused beyond).
inline constexpr std::uint64_t max_entity_expansion = std::uint64_t(4) << 20;

// Something said about the source at a byte offset of it.
struct SourceIssue {
    std::size_t offset = 0;
    std::string message;
};

struct ExpandedSource {
    std::string text;
    std::optional<SourceIssue> error;  // set: the document is refused
    std::vector<SourceIssue> dropped;  // references to external entities, left out
    std::vector<SourceIssue> notes;    // what of the DOCTYPE is not applied
    // Where each stretch of `text` comes from: a copy of the source, or one reference's expansion.
    struct Stretch {
        std::size_t text_offset;
        std::size_t source_offset;
        bool expansion;
    };
    std::vector<Stretch> stretches;

    // The source offset a byte of `text` comes from (within an expansion: its reference's '&').
    std::size_t source_offset(std::size_t text_offset) const;
};

ExpandedSource expand_entities(std::string_view source, std::uint64_t limit = max_entity_expansion);

}  // namespace fascicle::docbook
