#include "markdown_reader.hpp"

#include "article_assembler.hpp"
#include "block_reader.hpp"
#include "cmark_tree.hpp"
#include "document_context.hpp"
#include "heading_layout.hpp"
#include "html_tag.hpp"
#include "input_diagnostics.hpp"
#include "markdown_reader_options.hpp"
#include "markdown_source.hpp"
#include "table_width_limit.hpp"
#include "yaml_metadata_reader.hpp"

#include <fascicle/loss_report.hpp>

#include <filesystem>
#include <set>
#include <string>

namespace fascicle::markdown {

namespace {

// cmark-gfm moves the footnote definitions that are referred to to the document's end, in the
// order of their numbers.
std::vector<cmark_node*> footnote_definitions(cmark_node* document) {
    std::vector<cmark_node*> out;
    for (cmark_node* n = cmark_node_first_child(document); n; n = cmark_node_next(n))
        if (cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION) out.push_back(n);
    return out;
}

// The anchors of the article headings, <a id="..."></a> (the writer's article ids).
std::set<std::string> article_anchors(cmark_node* document, int article_level) {
    std::set<std::string> out;
    for (cmark_node* n = cmark_node_first_child(document); n; n = cmark_node_next(n)) {
        if (cmark_node_get_type(n) != CMARK_NODE_HEADING || cmark_node_get_heading_level(n) != article_level) continue;
        for (cmark_node* i = cmark_node_first_child(n); i; i = cmark_node_next(i)) {
            if (cmark_node_get_type(i) != CMARK_NODE_HTML_INLINE) continue;
            const HtmlTag tag = parse_html_tag(literal_of(i));
            if (tag.kind == HtmlTag::Kind::open && tag.name == "a" && !tag.href && tag.id) {
                out.insert(*tag.id);
                break;
            }
        }
    }
    return out;
}

}  // namespace

Status MarkdownReader::read(const Input& input, ReadContext& ctx, ArticleSink& sink) {
    auto options = parse_markdown_reader_options(ctx.options, ctx.diagnostics);
    if (!options) return Status::bad_options;
    if (flavor_) options->flavor = *flavor_;

    InputDiagnostics diagnostics(ctx.diagnostics, input.name);
    if (!input.stream) {
        diagnostics.error(0, 0, "cannot read the input");
        return Status::failed;
    }
    auto source = read_markdown_source(*input.stream, options->max_input_size, diagnostics);
    if (!source) return Status::failed;

    Metadata found;
    if (source->metadata) read_yaml_metadata(*source->metadata, diagnostics, found);
    if (diagnostics.failed()) return Status::failed;

    if (options->flavor == Flavor::gfm) {
        if (auto line = first_too_wide_line(source->markdown)) {
            diagnostics.error(*line, 0, "this line holds more than " + std::to_string(most_table_columns + 1) +
                                            " '|': expected a table of at most " + std::to_string(most_table_columns) +
                                            " columns (wider GFM tables take the parser too long to read)");
            return Status::failed;
        }
    }
    const CmarkTree tree(source->markdown, options->flavor);
    const HeadingLayout layout = plan_heading_layout(tree.document(), options->article_level);
    // Images and sibling documents are looked for beside the input (standard input: here).
    const std::filesystem::path folder =
        input.path.empty() || input.path.parent_path().empty() ? std::filesystem::path(".") : input.path.parent_path();
    LossReport losses(input.name);
    ImageFiles images(folder, input.article_id, ctx.resources);
    const SiblingDocuments siblings(input.path.empty() ? std::filesystem::path() : folder);
    DocumentContext context{diagnostics, losses, images, siblings, options->dollar_math,
                            options->flavor == Flavor::gfm, {}, {}, {}};
    context.article_anchors = article_anchors(tree.document(), layout.article_level);
    context.markdown = source->markdown;
    BlockReader blocks(context, options->max_nesting);
    blocks.inlines().set_footnotes(footnote_definitions(tree.document()), [&blocks](cmark_node* definition, int depth) {
        std::vector<Block> out;
        blocks.read_children(definition, out, depth);
        return out;
    });
    // The metadata block's title wins over the heading (they are the same in our writer's output).
    if (layout.book_title && found.title.empty()) found.title = plain_text(blocks.inlines().read(layout.book_title));
    ctx.found.merge_from(found);

    if (layout.article_count() == 0) {
        diagnostics.warning(0, 0, "the document holds no text: it gives no article");
        return Status::ok;
    }
    std::string conclusion_title = found.get("conclusion-title");
    if (conclusion_title.empty()) conclusion_title = "Conclusion";
    ArticleAssembler assembler(input, layout, std::move(conclusion_title), blocks, diagnostics, sink);
    const Status status = assembler.assemble(tree.document());
    if (!losses.report(ctx.options, ctx.diagnostics)) return Status::failed;
    return status;
}

}  // namespace fascicle::markdown
