// A Markdown input's bytes, checked (UTF-8, no NUL) and split into the YAML metadata block at
// its top and the Markdown that follows.
#pragma once

#include "input_diagnostics.hpp"

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>

namespace fascicle::markdown {

// "---" on the first line, YAML, then "---" or "..." on a line of its own (pandoc's form).
struct MetadataBlock {
    std::string yaml;              // the lines between the delimiters
    std::size_t yaml_line = 0;     // the line the YAML starts on (1-based)
};

struct MarkdownSource {
    // What the Markdown parser reads: the input without its byte order mark, the metadata
    // block's lines left empty so that every line keeps its number.
    std::string markdown;
    std::optional<MetadataBlock> metadata;
};

// Reads the whole input. Bytes that are not UTF-8, and NUL bytes, are errors (file:line:column).
// More than `max_bytes` bytes is an error (--max-input-size), found before more is read.
std::optional<MarkdownSource> read_markdown_source(std::istream& in, std::uint64_t max_bytes,
                                                   InputDiagnostics& diagnostics);

}  // namespace fascicle::markdown
