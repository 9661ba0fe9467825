// The plain-text writer's command-line options, their defaults and their validation.
#pragma once

#include <fascicle/plugin.hpp>

#include <cstddef>
#include <optional>
#include <vector>

namespace fascicle::plain {

struct PlainOptions {
    std::size_t columns = 72;  // wrapping width, in terminal columns
    bool toc = false;          // a contents list after the book's title
};

// What `fascicle` shows for the format: --columns, --toc.
std::vector<OptionSpec> plain_option_specs();

// Reads the options the user gave; reports each bad value and returns nullopt if any.
std::optional<PlainOptions> parse_plain_options(const Options& options, DiagnosticSink& diagnostics);

}  // namespace fascicle::plain
