#include "detail_census.hpp"

#include <fascicle/ir_walk.hpp>

#include <fascicle/content_census.hpp>
#include <fascicle/xml_stream.hpp>

#include <string>

namespace fascicle::markdown {

bool has_source(const Math& math) {
    if (math.tex.find_first_not_of(" \t\r\n") != std::string::npos) return true;
    std::string scratch;
    XmlStream xml(scratch);
    return !math.mathml.empty() && xml.fragment(math.mathml);
}

DetailCensus detail_census(const Article& article) {
    DetailCensus counted;
    IrVisitor visitor;
    visitor.inline_ = [&](const Inline& i) {
        if (i.kind == Inline::Kind::math && !has_source(i.math)) ++counted.inline_formulas_without_source;
    };
    visitor.block = [&](const Block& b) {
        if (b.kind == Block::Kind::display_math && !has_source(b.math)) ++counted.display_formulas_without_source;
        if (b.kind != Block::Kind::list) return;
        bool boxes = false;
        for (Task t : b.tasks) boxes = boxes || t != Task::none;
        counted.task_lists += boxes;
        counted.lettered_or_roman_lists += b.ordered && b.style != ListStyle::decimal;
    };
    walk(article, visitor);
    return counted;
}

void warn_lost_details(const Article& article, const DetailCensus& counted, Flavor flavor, DiagnosticSink& diagnostics) {
    // Formulas through the content census itself: its warning, counting only those left out.
    ContentCensus sourceless;
    sourceless.inlines[static_cast<std::size_t>(Inline::Kind::math)] = counted.inline_formulas_without_source;
    sourceless.blocks[static_cast<std::size_t>(Block::Kind::display_math)] = counted.display_formulas_without_source;
    const KindSupport formulas{[](Inline::Kind k) { return k != Inline::Kind::math; },
                               [](Block::Kind k) { return k != Block::Kind::display_math; },
                               [](std::string_view) -> std::string { return "left out: they have neither TeX nor MathML"; },
                               {}};
    warn_uncarried(article, sourceless, "Markdown", formulas, diagnostics);

    // Task boxes and numbering styles are no kind of their own: the same words, said here.
    const std::string file = article.source.empty() ? article.id : article.source.string();
    auto warn = [&](std::size_t n, const std::string& one, const std::string& several, const std::string& format,
                    const std::string& fate) {
        if (n == 0) return;
        diagnostics.warning(file, 0, 0, "article '" + article.id + "': " + std::to_string(n) + " " +
                                            (n == 1 ? one : several) + " cannot be held by " + format + ": " + fate);
    };
    if (flavor == Flavor::commonmark)
        warn(counted.task_lists, "task list", "task lists", "CommonMark",
             "the boxes are written as the text [ ] and [x] (GFM reads them as boxes)");
    warn(counted.lettered_or_roman_lists, "list numbered in letters or roman numerals",
         "lists numbered in letters or roman numerals", "Markdown", "numbered 1, 2, 3 instead");
}

}  // namespace fascicle::markdown
