#include "markdown_writer.hpp"

#include "detail_census.hpp"
#include "internal_links.hpp"
#include "yaml_metadata_block.hpp"

#include <fascicle/article_blocks.hpp>
#include <fascicle/ir_walk.hpp>
#include <fascicle/text.hpp>

#include <ostream>
#include <string_view>

namespace fascicle::markdown {

namespace {

// A heading's level: the source's when it has one deeper than the heading above (a level the
// reader remembered comes back where it was), else one deeper than that.
int heading_level(int source_level, int above) { return source_level > above ? source_level : above + 1; }

void add_section(ArticleBlocks& out, const BlockRenderer& renderer, const InternalLinks& links, const Section& section,
                 int above) {
    const int level = heading_level(section.heading_level, above);
    out.add(renderer.heading(level, section.title, links.section_anchor(section)));
    out.add(renderer.blocks(section.blocks));
    for (const auto& s : section.subsections) add_section(out, renderer, links, s, level);
}

}  // namespace

Status MarkdownWriter::begin_book(const Metadata& book, WriteContext& ctx) {
    ctx_ = &ctx;
    book_ = book;
    auto options = parse_markdown_options(ctx.options, ctx.diagnostics);
    if (!options) return Status::failed;
    options_ = *options;
    if (flavor_) options_.flavor = *flavor_;
    renderer_.emplace(options_.flavor, options_.wrap_columns);
    media_.clear();
    media_folder_.reset();
    if (auto file = ctx.output.file()) media_folder_ = file->parent_path();  // as the image references say

    // With --split each document is one article: the book's title is left to the articles.
    if (!ctx.split) {
        ArticleBlocks front;
        if (options_.standalone) front.add(yaml_metadata_block(book));
        if (!book.title.empty()) front.add(renderer_->heading(1, book.title));
        write(front.take());
    }
    return stream_status();
}

void MarkdownWriter::render(const Article& article, ArticleBlocks& out) const {
    // This article's renderer: it collects the footnotes, labelled by the article (unique in the
    // book), and names the anchors of its ids.
    BlockRenderer article_renderer = *renderer_;
    Footnotes footnotes{slugify(article.id) + "-", {}};
    article_renderer.collect_footnotes(&footnotes);
    const bool book_title = !ctx_->split && !book_.title.empty();
    const InternalLinks links(article, ctx_->split, book_title);
    article_renderer.set_links(&links);
    const BlockRenderer* renderer = &article_renderer;
    // The article's heading goes where its source had it, below the book's title when there is
    // one; an article read from elsewhere is at the top of its file (--split) or below the book.
    const int level = article.heading_level > 0 ? heading_level(article.heading_level, book_title ? 1 : 0)
                      : ctx_->split                ? 1
                                                   : 2;
    if (ctx_->split && options_.standalone) {
        // The document's metadata: the book's, the article's own over it, titled by the article.
        Metadata document = book_;
        document.merge_from(article.metadata);
        document.title = article.title_text();
        out.add(yaml_metadata_block(document));
    }
    // An untitled article (a document without headings) has no heading: its anchor, if it needs
    // one, opens its text.
    if (!article.title.empty()) out.add(renderer->heading(level, article.title, links.article_anchor()));
    else if (const std::string anchor = links.article_anchor(); !anchor.empty())
        out.add(renderer->blocks({Block::paragraph(std::vector<Inline>{anchor_inline(anchor)})}));
    if (!article.summary.empty()) out.add(renderer->block_quote(article.summary));
    out.add(renderer->blocks(article.introduction));
    for (const auto& s : article.sections) add_section(out, *renderer, links, s, level);
    if (!article.conclusion.empty()) {
        std::string title = article.metadata.get("conclusion-title");
        if (title.empty()) title = book_.get("conclusion-title");
        if (title.empty()) title = "Conclusion";
        out.add(renderer->heading(level + 1, title));
        out.add(renderer->blocks(article.conclusion));
    }
    if (!footnotes.notes.empty()) out.add(renderer->footnote_definitions(footnotes));
}

namespace {

// What Markdown (CommonMark or GFM) cannot say. Everything else is written: as HTML where
// Markdown has no syntax of its own (tables a pipe table cannot hold, definition lists,
// figures, spans with attributes, superscripts...), and ids as anchors. Formulas without a
// source, task boxes and numbering styles: see detail_census.hpp.
KindSupport markdown_support(Flavor flavor) {
    return {[flavor](Inline::Kind k) { return k != Inline::Kind::note || flavor == Flavor::gfm; },  // GFM footnotes
            [](Block::Kind) { return true; },
            [](std::string_view) -> std::string { return "left out"; },
            "html"};
}

// Links and images whose target no URI can be made of (link_destination): their text is
// written without the link, and each is reported, naming the article's file.
void warn_unlinkable(const Article& article, DiagnosticSink& diagnostics) {
    const std::string file = article.source.empty() ? std::string() : article.source.generic_string();
    walk(article, IrVisitor{{}, [&](const Inline& i) {
                                if (i.kind != Inline::Kind::link && i.kind != Inline::Kind::image) return;
                                if (link_destination(i.target)) return;
                                diagnostics.warning(file, 0, 0,
                                                    "article '" + article.id + "': the " +
                                                        (i.kind == Inline::Kind::link ? "link" : "image") +
                                                        " target \"" + i.target +
                                                        "\" cannot be made a URI: its text is written without it");
                            },
                            {}});
}

}  // namespace

void MarkdownWriter::warn(const Article& article, DiagnosticSink& diagnostics) const {
    warn_unlinkable(article, diagnostics);
    warn_uncarried(article, census(article), "Markdown", markdown_support(options_.flavor), diagnostics);
    warn_lost_details(article, detail_census(article), options_.flavor, diagnostics);
}

std::optional<std::string> MarkdownWriter::render_article(const Article& article, DiagnosticSink& diagnostics) const {
    if (!renderer_) return std::nullopt;
    warn(article, diagnostics);
    ArticleBlocks out;
    render(article, out);
    return out.take();
}

Status MarkdownWriter::write_article(const Article& article) {
    if (!renderer_) return Status::failed;  // begin_book failed or never ran
    warn(article, ctx_->diagnostics);
    if (ctx_->resources) add_image_resources(article, *ctx_->resources, media_);
    // Rendered straight to the output, as write_rendered would write it.
    ArticleBlocks out(ctx_->output.stream(), wrote_anything_ ? "\n" : "");
    render(article, out);
    wrote_anything_ = wrote_anything_ || out.started();
    return stream_status();
}

Status MarkdownWriter::write_rendered(const Article& article, std::string&& rendered) {
    if (!renderer_) return Status::failed;
    if (ctx_->resources) add_image_resources(article, *ctx_->resources, media_);
    write(rendered);
    return stream_status();
}

Status MarkdownWriter::end_book() {
    if (!renderer_) return Status::failed;
    // The images go beside the document, under the names its references give them.
    if (!media_.empty()) {
        if (!media_folder_)
            ctx_->diagnostics.warning("", 0, 0, std::to_string(media_.size()) +
                                                    " image(s) are referred to by name but not written: standard "
                                                    "output has no folder to put them in (write to a file)");
        else if (!export_media(media_, *ctx_->resources, *media_folder_, ctx_->diagnostics))
            return Status::failed;
    }
    ctx_->output.stream().flush();
    return stream_status();
}

void MarkdownWriter::write(const std::string& piece) {
    if (piece.empty()) return;
    std::ostream& out = ctx_->output.stream();
    if (wrote_anything_) out << '\n';
    out << piece;
    wrote_anything_ = true;
}

Status MarkdownWriter::stream_status() {
    if (ctx_->output.stream()) return Status::ok;
    ctx_->diagnostics.error("", 0, 0, "cannot write the Markdown output");
    return Status::failed;
}

}  // namespace fascicle::markdown
