// The shared feature book written as GFM and read back by cmark-gfm (footnotes on): the notes are
// footnotes, the images keep their alt text and title, the struck, raised and lowered text and the
// code block's language survive. (Tables are paragraphs for now, and reported.)
#include "markdown_writer.hpp"

#include <feature_book.hpp>
#include <test_support.hpp>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>

namespace fascicle::markdown::test {
namespace {

std::string gfm_html(const std::string& markdown) {
    cmark_gfm_core_extensions_ensure_registered();
    const int options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | CMARK_OPT_UNSAFE;
    std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(cmark_parser_new(options), cmark_parser_free);
    for (const char* name : {"table", "strikethrough", "autolink", "tasklist"})
        if (auto* ext = cmark_find_syntax_extension(name)) cmark_parser_attach_syntax_extension(parser.get(), ext);
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    std::unique_ptr<cmark_node, decltype(&cmark_node_free)> doc(cmark_parser_finish(parser.get()), cmark_node_free);
    char* html = cmark_render_html(doc.get(), options, cmark_parser_get_syntax_extensions(parser.get()));
    std::string out(html);
    std::free(html);
    return out;
}

TEST(GfmFeatureBook, NotesImagesAndInlineKindsSurviveCmarkGfm) {
    fascicle::test::FeatureBook features;
    fascicle::test::make_feature_book(features);
    MarkdownWriter writer;
    fascicle::test::StringOutput output;
    fascicle::test::RecordingDiagnostics diagnostics;
    ASSERT_EQ(fascicle::test::write_book(writer, features.book, output, diagnostics, {{"markdown-flavor", "gfm"}}),
              Status::ok)
        << diagnostics.text();
    EXPECT_EQ(diagnostics.text().find("notes cannot be held"), std::string::npos) << diagnostics.text();
    const std::string markdown = output.str();
    EXPECT_NE(markdown.find("[^kinds-1]: The engine was never finished."), std::string::npos) << markdown;
    EXPECT_NE(markdown.find("[^references-1]: A second note, in another chapter."), std::string::npos) << markdown;

    const std::string html = gfm_html(markdown);
    EXPECT_NE(html.find("<section class=\"footnotes\""), std::string::npos) << html;
    std::size_t references = 0;
    for (auto at = html.find("data-footnote-ref"); at != std::string::npos; at = html.find("data-footnote-ref", at + 1))
        ++references;
    EXPECT_EQ(references, 2u) << html;
    for (const char* shown : {"The engine was never finished.", "A second note, in another chapter.",
                              "<img src=\"images/engine.png\" alt=\"A wheel and a box: the engine, drawn small\" "
                              "title=\"The engine\" />",
                              "<del>struck</del>", "<sup>10</sup>", "<sub>2</sub>",
                              "<code class=\"language-python\">", "<a href=\"https://example.org/engine\" "
                              "title=\"The engine's page\">"})
        EXPECT_NE(html.find(shown), std::string::npos) << shown << "\n" << html;
}

}  // namespace
}  // namespace fascicle::markdown::test
