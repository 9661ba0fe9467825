// Entity and character references in XML text, decoded by us rather than by pugixml, so that a
// reference to an entity nobody declared is an error instead of text that silently stays "&name;".
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace fascicle::docbook {

struct ReferenceError {
    std::size_t index = 0;  // of the '&' in the raw text
    std::string message;
};

struct DecodedText {
    std::string text;
    std::optional<ReferenceError> error;  // set when `raw` holds a reference we cannot decode
};

// `raw` character data or attribute value with the five predefined entities (&lt; &gt; &amp;
// &apos; &quot;) and character references (&#N; &#xH;) replaced. Any other entity, a '&' that
// starts no reference, and a reference to a character XML does not allow are errors.
DecodedText decode_references(std::string_view raw);

}  // namespace fascicle::docbook
