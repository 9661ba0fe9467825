// How a body line is compared with a table-of-contents entry: equal up to white space and
// straight vs typographic quotes, which the grammar tolerates (with a warning when not exact).
#pragma once

#include <string>
#include <string_view>

namespace quire::article_text {

// `text` with every run of white space (ASCII or Unicode spaces) made one ASCII space, the ends
// trimmed, and typographic single and double quotes made straight.
std::string heading_key(std::string_view text);

}  // namespace quire::article_text
