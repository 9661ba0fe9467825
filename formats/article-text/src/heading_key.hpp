// How a body line is compared with a table-of-contents entry: equal up to white space and
// straight vs typographic quotes, which the grammar tolerates (with a warning when not exact).
#pragma once

#include <string>
#include <string_view>

namespace fascicle::article_text {

// `text` with every run of white space (ASCII or Unicode spaces) made one ASCII space, the ends
// trimmed, and typographic single and double quotes made straight. It stops once the key is
// longer than `limit`: what it gave then equals no key of at most `limit` bytes, which is all a
// caller comparing with keys it knows needs (and body paragraphs are much longer than headings).
std::string heading_key(std::string_view text, std::size_t limit = std::string::npos);

}  // namespace fascicle::article_text
