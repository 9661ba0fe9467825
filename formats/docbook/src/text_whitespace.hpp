// White space in DocBook text. Text is taken as written, except that a line end and the white
// space around it (what pretty-printers and wrapping tools such as pandoc add) reads as one space,
// and as nothing at the start or end of a paragraph or title, or beside a hard line break. Fascicle's writer keeps each paragraph
// and title on one line, so what it wrote reads back exactly, tabs and runs of spaces included.
#pragma once

#include <fascicle/ir.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace fascicle::docbook {

// A paragraph's inlines tidied so (code is left as it is); empty texts are removed and adjacent
// texts merged.
void tidy_whitespace(std::vector<Inline>& inlines);

// A title or a metadata value tidied so; spaces and tabs at its ends are removed too.
std::string tidy_whitespace(std::string_view text);

// Whether a paragraph has anything but white space (a link, code or line break counts).
bool has_content(const std::vector<Inline>& inlines);

// Appends text to inlines, merging it into a text inline that ends them.
void append_text(std::vector<Inline>& inlines, std::string_view text);

}  // namespace fascicle::docbook
