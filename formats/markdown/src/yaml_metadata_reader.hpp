// Reads the YAML metadata block of a Markdown document into book metadata: the reading side of
// yaml_metadata_block.hpp, and of pandoc's metadata blocks.
#pragma once

#include "input_diagnostics.hpp"
#include "markdown_source.hpp"

#include <fascicle/ir.hpp>

namespace fascicle::markdown {

// Sets `into` from the block's keys: title, author or authors (a string, "A; B", or a list of
// strings or of {name: ...}), lang or language, date, identifier, publisher, description or
// abstract, rights; any other key with a string (or a list of strings, joined with "; ") goes to
// Metadata::extra. Values are taken as plain text, as the writer writes them.
// YAML that does not parse is an error at its line; a value Fascicle cannot hold (a mapping) is a warning.
void read_yaml_metadata(const MetadataBlock& block, InputDiagnostics& diagnostics, Metadata& into);

}  // namespace fascicle::markdown
