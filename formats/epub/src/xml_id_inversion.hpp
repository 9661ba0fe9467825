// Article and section ids back from the XML ids our writer gives headings: article_xml_id(id)
// and part_xml_id(article id, section id) (see fascicle/ir.hpp), inverted where that is possible.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace fascicle::epub::reader {

// The article id `xml_id` was made from: to_ncname(id, "a-") adds "a-" before an id that does
// not start with a letter or '_', so "a-000_f53e" is "000_f53e". Ambiguous only for an id that
// was itself "a-" and a digit, '-' or '.' ("a-1"), which file names seldom are; lossy for ids
// with characters an NCName cannot hold (each became '-').
std::string article_id_from_xml_id(std::string_view xml_id);

// The section id a heading id was made from, when it is "<article xml id>.<local>": the local
// part, less the "s-" to_ncname adds before a non-letter. "s-2024" may be "2024" or itself; the
// one that slugify(title) gives wins, else "2024". nullopt when the heading id is not one of
// this article's part ids.
std::optional<std::string> section_id_from_xml_id(std::string_view xml_id, std::string_view article_xml_id,
                                                  std::string_view title);

}  // namespace fascicle::epub::reader
