// Text GFM's autolink extension would make a link: "http://", "https://", "ftp://", "www." at a
// word's start, and an e-mail address. The GFM writer guards them so that text stays text: a
// backslash before the ':' or the '.', and an empty comment, <!---->, after the '@' (escaping
// cannot help there: the extension looks at the text once escapes are resolved; the comment
// splits it, and readers drop it).
#pragma once

#include <string_view>
#include <vector>

namespace fascicle::markdown {

inline constexpr std::string_view autolink_breaker = "<!---->";

// For each code point of a text, whether it is one that makes an autolink ("://"'s ':',
// "www."'s '.', an address's '@').
std::vector<bool> autolink_triggers(const std::vector<char32_t>& text);

}  // namespace fascicle::markdown
