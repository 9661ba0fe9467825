// The Markdown reader's command-line options: the dialect it parses and the heading level of
// the articles.
#pragma once

#include "markdown_flavor.hpp"

#include <quire/plugin.hpp>

#include <optional>
#include <vector>

namespace quire::markdown {

struct MarkdownReaderOptions {
    Flavor flavor = Flavor::commonmark;  // gfm: tables and strikethrough are recognised
    // The heading level that starts an article; nullopt: decided from the document (README.md).
    std::optional<int> article_level;
};

// What the reader adds to the format's options: --markdown-article-level (--markdown-flavor is
// the writer's, shared).
std::vector<OptionSpec> markdown_reader_option_specs();

// Reads the options the user gave; reports each bad value and returns nullopt if any.
std::optional<MarkdownReaderOptions> parse_markdown_reader_options(const Options& options,
                                                                   DiagnosticSink& diagnostics);

}  // namespace quire::markdown
