#include "render_markdown.hpp"

#include "markdown_writer.hpp"

#include <test_support.hpp>

#include <gtest/gtest.h>

namespace fascicle::markdown::test {

std::string render_markdown(const Book& book, const Options& options, bool split) {
    MarkdownWriter writer;
    fascicle::test::StringOutput output;
    fascicle::test::RecordingDiagnostics diagnostics;
    EXPECT_EQ(fascicle::test::write_book(writer, book, output, diagnostics, options, split), Status::ok)
        << diagnostics.text();
    EXPECT_TRUE(diagnostics.all.empty()) << diagnostics.text();
    return output.str();
}

std::string without_metadata_block(const std::string& markdown) {
    if (!markdown.starts_with("---\n")) return markdown;
    auto end = markdown.find("\n---\n", 3);
    return end == std::string::npos ? markdown : markdown.substr(end + 5);
}

}  // namespace fascicle::markdown::test
