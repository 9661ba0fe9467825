// Text made safe to put in an XML 1.0 document.
#pragma once

#include <string>
#include <string_view>

namespace fascicle::epub {

// `text` with every byte that does not start a valid UTF-8 sequence replaced by U+FFFD and every
// character XML 1.0 forbids (most C0 controls, U+FFFE/U+FFFF) dropped. A serializer escapes the
// markup characters; this removes what no escaping can make legal.
std::string xml_safe_text(std::string_view text);

}  // namespace fascicle::epub
