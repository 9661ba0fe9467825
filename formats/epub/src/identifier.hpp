// The package's unique identifier, as dc:identifier and the NCX's dtb:uid carry it.
#pragma once

#include <string>
#include <string_view>

namespace fascicle::epub {

// True for a UUID in its usual text form (8-4-4-4-12 hexadecimal digits, any case).
bool is_uuid(std::string_view text);

// The identifier to publish: a bare UUID becomes "urn:uuid:<lower-case uuid>", a "urn:uuid:"
// one is lower-cased, anything else (an ISBN URN, a DOI) is kept as given.
std::string publication_identifier(std::string_view given);

}  // namespace fascicle::epub
