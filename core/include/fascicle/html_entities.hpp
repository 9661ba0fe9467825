// The named character references of HTML 4 / XHTML 1.x (&nbsp;, &mdash; ...): EPUB 2 content
// documents may use them through the XHTML DTD, which an XML parser without DTDs does not know.
#pragma once

#include <optional>
#include <string_view>

namespace fascicle::html {

// The code point an HTML 4 entity name stands for ("nbsp" -> U+00A0); nullopt for any other name,
// XML's own five (amp, lt, gt, quot, apos) included.
std::optional<char32_t> html_entity(std::string_view name);

}  // namespace fascicle::html
