#include "render_markdown.hpp"

#include "inline_renderer.hpp"
#include "markdown_writer.hpp"

#include <fascicle/ir_walk.hpp>

#include <test_support.hpp>

#include <gtest/gtest.h>

namespace fascicle::markdown::test {

std::string render_markdown(const Book& book, const Options& options, bool split) {
    MarkdownWriter writer;
    fascicle::test::StringOutput output;
    fascicle::test::RecordingDiagnostics diagnostics;
    EXPECT_EQ(fascicle::test::write_book(writer, book, output, diagnostics, options, split), Status::ok)
        << diagnostics.text();
    // The one warning these books may give: a link target no URI can be made of (hostile text
    // makes some), each of which the book holds.
    std::size_t unlinkable = 0;
    for (const auto& a : book.articles)
        walk(a, IrVisitor{{}, [&](const Inline& i) {
                              if ((i.kind == Inline::Kind::link || i.kind == Inline::Kind::image) &&
                                  !link_destination(i.target))
                                  ++unlinkable;
                          },
                          {}});
    std::size_t others = 0;
    for (const auto& d : diagnostics.all)
        if (d.message.find("cannot be made a URI: its text is written without it") == std::string::npos) ++others;
    EXPECT_EQ(others, 0u) << diagnostics.text();
    EXPECT_EQ(diagnostics.all.size() - others, unlinkable) << diagnostics.text();
    return output.str();
}

std::string without_metadata_block(const std::string& markdown) {
    if (!markdown.starts_with("---\n")) return markdown;
    auto end = markdown.find("\n---\n", 3);
    return end == std::string::npos ? markdown : markdown.substr(end + 5);
}

}  // namespace fascicle::markdown::test
