// The Markdown writer's command-line options, their defaults and their validation.
#pragma once

#include "markdown_flavor.hpp"

#include <fascicle/plugin.hpp>

#include <cstddef>
#include <optional>
#include <vector>

namespace fascicle::markdown {

struct MarkdownOptions {
    Flavor flavor = Flavor::commonmark;
    // Wrapping width; nullopt for no wrapping (the default). --columns alone turns it on.
    std::optional<std::size_t> wrap_columns;
    bool standalone = false;  // a YAML metadata block first

    static constexpr std::size_t default_columns = 72;
};

// What `fascicle` shows for the format: --markdown-flavor, --wrap, --columns, --standalone.
std::vector<OptionSpec> markdown_option_specs();

// Reads the options the user gave; reports each bad value and returns nullopt if any.
std::optional<MarkdownOptions> parse_markdown_options(const Options& options,
                                                      DiagnosticSink& diagnostics);

}  // namespace fascicle::markdown
