// The Markdown reader's command-line options: the dialect it parses and the heading level of
// the articles.
#pragma once

#include "markdown_flavor.hpp"

#include <fascicle/input_limits.hpp>
#include <fascicle/plugin.hpp>

#include <cstdint>

#include <optional>
#include <vector>

namespace fascicle::markdown {

// How deep block quotes and lists, and emphasis, strong and links, may nest (--max-nesting). The
// IR and every writer walk these trees recursively: a limit keeps a hostile input from exhausting
// the stack, and most_nesting bounds what the option may ask for.
inline constexpr int default_max_nesting = 100;
inline constexpr int most_nesting = 1000;

struct MarkdownReaderOptions {
    Flavor flavor = Flavor::commonmark;  // gfm: tables and strikethrough are recognised
    // The heading level that starts an article; nullopt: decided from the document (README.md).
    std::optional<int> article_level;
    // Limits (fascicle/input_limits.hpp): input bytes, and quotes and lists (or inlines) in each other.
    std::uint64_t max_input_size = default_max_input_size;
    int max_nesting = default_max_nesting;
    bool dollar_math = false;  // --markdown-math dollars
};

// What the reader adds to the format's options: --markdown-article-level (--markdown-flavor is
// the writer's, shared).
std::vector<OptionSpec> markdown_reader_option_specs();

// Reads the options the user gave; reports each bad value and returns nullopt if any.
std::optional<MarkdownReaderOptions> parse_markdown_reader_options(const Options& options,
                                                                   DiagnosticSink& diagnostics);

}  // namespace fascicle::markdown
