// White space in XHTML text as a reading system shows it (CSS `white-space: normal`): each run
// of spaces, tabs and line ends is one space, and none at the start or end of a block or next to
// a line break. Code keeps its white space.
#pragma once

#include <fascicle/ir.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace fascicle::html {

// Collapses a paragraph's inlines in place, then drops what is left empty (text, and emphasis,
// strong or links with nothing inside) and joins neighbouring texts.
void collapse_whitespace(std::vector<Inline>& inlines);

// The same for a plain string (a title): runs become one space, both ends trimmed.
std::string collapse_whitespace(std::string_view text);

}  // namespace fascicle::html
