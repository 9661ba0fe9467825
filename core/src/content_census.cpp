#include <fascicle/content_census.hpp>

#include <fascicle/ir_walk.hpp>

namespace fascicle {

std::string_view kind_name(Inline::Kind kind) {
    switch (kind) {
        case Inline::Kind::text: return "texts";
        case Inline::Kind::emphasis: return "emphases";
        case Inline::Kind::strong: return "strong emphases";
        case Inline::Kind::code: return "inline code spans";
        case Inline::Kind::link: return "links";
        case Inline::Kind::line_break: return "line breaks";
        case Inline::Kind::strikethrough: return "strikethroughs";
        case Inline::Kind::superscript: return "superscripts";
        case Inline::Kind::subscript: return "subscripts";
        case Inline::Kind::small_caps: return "small caps";
        case Inline::Kind::image: return "images";
        case Inline::Kind::note: return "notes";
        case Inline::Kind::math: return "inline formulas";
        case Inline::Kind::span: return "spans";
        case Inline::Kind::reference: return "internal references";
        case Inline::Kind::raw: return "raw inlines";
    }
    return "inlines";
}

std::string_view kind_name(Block::Kind kind) {
    switch (kind) {
        case Block::Kind::paragraph: return "paragraphs";
        case Block::Kind::list: return "lists";
        case Block::Kind::block_quote: return "block quotes";
        case Block::Kind::code_block: return "code blocks";
        case Block::Kind::division: return "divisions";
        case Block::Kind::definition_list: return "definition lists";
        case Block::Kind::line_block: return "line blocks";
        case Block::Kind::table: return "tables";
        case Block::Kind::figure: return "figures";
        case Block::Kind::thematic_break: return "thematic breaks";
        case Block::Kind::display_math: return "display formulas";
        case Block::Kind::raw: return "raw blocks";
    }
    return "blocks";
}

namespace {

bool counts_as_attributed(const Attributes& a) { return !a.classes.empty() || !a.language.empty() || !a.pairs.empty(); }

}  // namespace

namespace {

// Counts every inline and block the walk meets (and, given one, every section's attributes).
IrVisitor counting(ContentCensus& c) {
    IrVisitor visitor;
    visitor.inline_ = [&c](const Inline& i) {
        ++c.inlines[static_cast<std::size_t>(i.kind)];
        if (i.kind == Inline::Kind::raw) ++c.raw_formats[i.format];
        if (counts_as_attributed(i.attributes)) ++c.attributes;
    };
    visitor.block = [&c](const Block& b) {
        ++c.blocks[static_cast<std::size_t>(b.kind)];
        // A raw block that shows content is carried by that content (its children) elsewhere.
        if (b.kind == Block::Kind::raw && b.children.empty()) ++c.raw_formats[b.format];
        if (counts_as_attributed(b.attributes)) ++c.attributes;
        if (!b.admonition().empty()) ++c.admonitions;
    };
    visitor.section = [&c](const Section& s) {
        if (counts_as_attributed(s.attributes)) ++c.attributes;
    };
    return visitor;
}

}  // namespace

void ContentCensus::add(const std::vector<Inline>& list) { walk(list, counting(*this)); }
void ContentCensus::add(const std::vector<Block>& list) { walk(list, counting(*this)); }
void ContentCensus::add(const Article& article) { walk(article, counting(*this)); }

ContentCensus census(const Article& article) {
    ContentCensus c;
    c.add(article);
    return c;
}

void warn_uncarried(const Article& article, const ContentCensus& counted, std::string_view format_name,
                    const KindSupport& support, DiagnosticSink& diagnostics) {
    const std::string file = article.source.empty() ? article.id : article.source.string();
    auto warn = [&](std::size_t n, std::string_view kind) {
        diagnostics.warning(file, 0, 0,
                            "article '" + article.id + "': " + std::to_string(n) + " " + std::string(kind) +
                                " cannot be held by " + std::string(format_name) + ": " + support.fate(kind));
    };
    for (std::size_t k = 0; k < inline_kind_count; ++k) {
        const auto kind = static_cast<Inline::Kind>(k);
        if (kind == Inline::Kind::raw) continue;
        if (counted.inlines[k] && support.inline_carried && !support.inline_carried(kind))
            warn(counted.inlines[k], kind_name(kind));
    }
    for (std::size_t k = 0; k < block_kind_count; ++k) {
        const auto kind = static_cast<Block::Kind>(k);
        if (kind == Block::Kind::raw) continue;
        if (counted.blocks[k] && support.block_carried && !support.block_carried(kind))
            warn(counted.blocks[k], kind_name(kind));
    }
    for (const auto& [format, n] : counted.raw_formats) {
        if (!support.raw_format.empty() && format == support.raw_format) continue;
        diagnostics.warning(file, 0, 0,
                            "article '" + article.id + "': " + std::to_string(n) + " raw " +
                                (format.empty() ? std::string("unnamed-format") : format) + " block(s) or inline(s) " +
                                "cannot be held by " + std::string(format_name) + ": left out");
    }
}

}  // namespace fascicle
