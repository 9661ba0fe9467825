#include "render_markdown.hpp"

#include "markdown_writer.hpp"

#include <test_support.hpp>

#include <gtest/gtest.h>

namespace quire::markdown::test {

std::string render_markdown(const Book& book, const Options& options, bool split) {
    MarkdownWriter writer;
    quire::test::StringOutput output;
    quire::test::RecordingDiagnostics diagnostics;
    EXPECT_EQ(quire::test::write_book(writer, book, output, diagnostics, options, split), Status::ok)
        << diagnostics.text();
    EXPECT_TRUE(diagnostics.all.empty()) << diagnostics.text();
    return output.str();
}

std::string without_metadata_block(const std::string& markdown) {
    if (!markdown.starts_with("---\n")) return markdown;
    auto end = markdown.find("\n---\n", 3);
    return end == std::string::npos ? markdown : markdown.substr(end + 5);
}

}  // namespace quire::markdown::test
