// What Markdown loses below the level of kinds, where the content census does not look:
// formulas with neither TeX nor MathML, task boxes in CommonMark, lettered and roman list
// numbering. Reported like the census's warnings, once per article naming its file.
#pragma once

#include "markdown_flavor.hpp"

#include <fascicle/diagnostics.hpp>
#include <fascicle/ir.hpp>

#include <cstddef>

namespace fascicle::markdown {

struct DetailCensus {
    std::size_t inline_formulas_without_source = 0;   // neither TeX nor well-formed MathML
    std::size_t display_formulas_without_source = 0;
    std::size_t task_lists = 0;                       // lists with a box on any item
    std::size_t lettered_or_roman_lists = 0;          // ordered lists not numbered 1, 2, 3

};

DetailCensus detail_census(const Article& article);

// Whether a formula has something to write: TeX, or MathML that is one well-formed element.
bool has_source(const Math& math);

void warn_lost_details(const Article& article, const DetailCensus& counted, Flavor flavor, DiagnosticSink& diagnostics);

}  // namespace fascicle::markdown
