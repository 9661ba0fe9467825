// Runs the Markdown reader in-process over a string or a file, for the reader's tests.
#pragma once

#include "markdown_flavor.hpp"

#include <fascicle/plugin.hpp>

#include <test_support.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace fascicle::markdown::test {

struct ReadMarkdown {
    Status status = Status::failed;
    Book book;  // the metadata the document carries (ReadContext::found) and its articles
    fascicle::test::RecordingDiagnostics diagnostics;
    std::vector<std::string> resources;  // the names of the resources the reader registered
};

// Reads `markdown` as the file `name` (its article id: the name without extension).
ReadMarkdown read_markdown(const std::string& markdown, const Options& options = {},
                           const std::string& name = "doc.md");

// Reads a file, as the pipeline would; `flavor`: as the format gfm or commonmark reads.
ReadMarkdown read_markdown_file(const std::filesystem::path& path, const Options& options = {},
                                std::optional<Flavor> flavor = std::nullopt);

// The diagnostics that are warnings or errors, formatted one a line: for assertions on messages.
std::string problems(const ReadMarkdown& read);

}  // namespace fascicle::markdown::test
