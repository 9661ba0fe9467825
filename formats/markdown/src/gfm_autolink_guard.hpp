// Text GFM's autolink extension would make a link: "http://", "https://", "ftp://", "www." at a
// word's start, and an e-mail address. The GFM writer guards them so that text stays text: a
// backslash before the ':' or the '.', and an empty comment, <!---->, after the '@' (escaping
// cannot help there: the extension looks at the text once escapes are resolved; the comment
// splits it, and readers drop it).
#pragma once

#include "code_point_view.hpp"

#include <cstddef>
#include <string_view>
#include <vector>

namespace fascicle::markdown {

inline constexpr std::string_view autolink_breaker = "<!---->";

// The code points of a text that make an autolink ("://"'s ':', "www."'s '.', an address's
// '@'), by index, in order.
std::vector<std::size_t> autolink_triggers(const CodePointView& text);

}  // namespace fascicle::markdown
