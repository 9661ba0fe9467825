// Checking that a language is given as a BCP 47 tag, as dc:language and xml:lang require.
#pragma once

#include <string_view>

namespace fascicle::epub {

// True for a well-formed tag ("en", "pt-BR", "zh-Hant-TW", "x-private"): hyphen-separated
// subtags of 1 to 8 letters or digits, the first of 2 to 8 letters (or the "x"/"i" singletons).
// It does not look the subtags up in the registry.
bool is_well_formed_language_tag(std::string_view tag);

}  // namespace fascicle::epub
