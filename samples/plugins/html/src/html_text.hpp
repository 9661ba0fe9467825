// Text for HTML that must also parse as XML: escaped, with the characters neither may hold
// (controls other than tab, newline and carriage return; U+FFFE, U+FFFF) left out and
// malformed UTF-8 replaced by U+FFFD.
#pragma once

#include <string>
#include <string_view>

namespace fascicle_html {

// Appends `text` as element content.
void append_text(std::string& out, std::string_view text);

// Appends `text` as the value of a double-quoted attribute.
void append_attribute_value(std::string& out, std::string_view text);

}  // namespace fascicle_html
