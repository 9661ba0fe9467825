// --validate: the external validators each output format knows (epubcheck and DAISY Ace for EPUB,
// jing with the DocBook 5 schema for DocBook, a cmark-gfm re-parse for Markdown), run on a file
// already written, their findings reported as diagnostics.
//
// A table in the host rather than a field of the plugin contract: the validators are external
// programs found through the host's environment (PATH, EPUBCHECK_JAR, FASCICLE_ACE,
// FASCICLE_DOCBOOK_RNG), and a plugin API change (a major bump: FormatInfo's layout) would buy
// nothing a table entry does not.
#pragma once

#include <fascicle/diagnostics.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace fascicle::host {

enum class ValidationOutcome {
    passed,             // every validator ran and found no error (warnings may have been reported)
    found_errors,       // a validator found an error in the file
    validator_missing,  // a validator could not run: a program, jar or schema is not installed
    no_validator,       // the format has no validator (reported as a warning)
};

// The validators `format` (a format name: "epub", "docbook", "markdown"...) knows, one line each,
// for --help FORMAT; empty when it has none.
std::vector<std::string> validator_descriptions(const std::string& format);

// Runs every validator of `format` on `file`, reporting what they find to `diagnostics` as
// "file:line:column: error|warning: message (validator)". All of them run even when one fails.
ValidationOutcome validate_output(const std::string& format, const std::filesystem::path& file,
                                  DiagnosticSink& diagnostics);

}  // namespace fascicle::host
