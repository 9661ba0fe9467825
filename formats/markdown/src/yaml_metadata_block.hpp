// The YAML metadata block that opens a standalone Markdown document (as pandoc reads it).
#pragma once

#include <fascicle/ir.hpp>

#include <string>
#include <vector>

namespace fascicle::markdown {

// "---", one key per metadata entry with a value, "---". Values are plain strings in YAML
// double-quoted form; authors are a list; `language` is written as pandoc's `lang`.
// Empty metadata gives no lines at all.
std::vector<std::string> yaml_metadata_block(const Metadata& metadata);

// `value` as a YAML double-quoted scalar.
std::string yaml_quoted(const std::string& value);

}  // namespace fascicle::markdown
