#include "markdown_reader.hpp"

#include "article_assembler.hpp"
#include "block_reader.hpp"
#include "cmark_tree.hpp"
#include "heading_layout.hpp"
#include "input_diagnostics.hpp"
#include "markdown_reader_options.hpp"
#include "markdown_source.hpp"
#include "yaml_metadata_reader.hpp"

namespace fascicle::markdown {

Status MarkdownReader::read(const Input& input, ReadContext& ctx, ArticleSink& sink) {
    auto options = parse_markdown_reader_options(ctx.options, ctx.diagnostics);
    if (!options) return Status::bad_options;

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

    const CmarkTree tree(source->markdown, options->flavor);
    const HeadingLayout layout = plan_heading_layout(tree.document(), options->article_level);
    BlockReader blocks(diagnostics, options->max_nesting);
    // The metadata block's title wins over the heading (they are the same in our writer's output).
    if (layout.book_title && found.title.empty()) found.title = plain_text(blocks.inlines().read(layout.book_title));
    ctx.found.merge_from(found);

    if (layout.article_count() == 0) {
        diagnostics.warning(0, 0, "the document holds no text: it gives no article");
        return Status::ok;
    }
    std::string conclusion_title = found.get("conclusion-title");
    if (conclusion_title.empty()) conclusion_title = "Conclusion";
    ArticleAssembler assembler(input, layout, std::move(conclusion_title), found.title, blocks, diagnostics, sink);
    return assembler.assemble(tree.document());
}

}  // namespace fascicle::markdown
