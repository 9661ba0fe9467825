// The ids the DocBook writer gives (article_xml_id, part_xml_id, made unique with UniqueIds),
// read back into article and section ids. See README.md, "Reading DocBook", for the rules and
// the cases they cannot tell apart.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace fascicle::docbook {

// The article id behind an article element's xml:id: article_xml_id() adds "a-" to an id that
// does not start with a letter or '_', so a leading "a-" not followed by one is removed.
std::string article_id_from_xml_id(std::string_view xml_id);

// The local id (of a section, figure, note, anchor...) behind an xml:id in the article whose
// element has `article_xml_id`: the writer's "<article xml id>.<local id>" gives the local id,
// without the "s-" part_xml_id() adds to one that does not start with a letter or '_' (kept
// when the local id is the title's own slug: a title "S 2" gives "s-2"). Any other id is kept
// whole, whatever it holds ('.', '#'...): ids stay distinct and every link keeps its target.
std::string local_id_from_xml_id(std::string_view xml_id, std::string_view article_xml_id, std::string_view title);

// Whether a section's xml:id is the one the writer gives an article's conclusion:
// "<prefix>.conclusion", or "<prefix>.conclusion-N" when "<prefix>.conclusion" and
// "<prefix>.conclusion-2" ... "-(N-1)" are all in the document (UniqueIds made it so).
bool is_conclusion_xml_id(std::string_view xml_id, const std::set<std::string>& document_ids);

}  // namespace fascicle::docbook
