// What CommonMark (0.30 and 0.31) and GFM treat specially, as far as a writer must know to keep
// text literal: how characters count for the emphasis flanking rules, what looks like an
// entity, and which text could start a block if it began a line.
#pragma once

#include <cstddef>
#include <string_view>

namespace fascicle::markdown {

// The class of a character next to an emphasis delimiter, seen the same way by every
// CommonMark version: `punctuation` is ASCII punctuation or Unicode P*; Unicode symbols (S*),
// punctuation only since 0.31, are `other` here and treated with suspicion where it matters.
enum class CharClass { line_edge, whitespace, punctuation, other };

bool is_ascii_punctuation(char32_t c);
CharClass classify(char32_t c);
// Punctuation in some CommonMark version (P* or S*, or ASCII punctuation).
bool may_be_punctuation(char32_t c);
// Unicode letters and numbers: never punctuation, never whitespace.
bool is_alphanumeric(char32_t c);

// First / last code point of UTF-8 text (U+FFFD for an invalid byte, 0 for empty text).
char32_t first_code_point(std::string_view text);
char32_t last_code_point(std::string_view text);

// Whether `text` (what follows a '&') would make the '&' start an entity or numeric
// character reference: "amp;", "#123;", "#x1F;".
bool starts_entity_reference(std::string_view text);

// Whether a line of a paragraph may begin with `rest` without being read as the start of a
// block (heading, list item, block quote, thematic break, setext underline, fence, GFM table).
// Conservative: used to veto line breaks, so a false "no" only makes a line longer.
bool may_start_continuation_line(std::string_view rest);

}  // namespace fascicle::markdown
