// Runs the Markdown reader in-process over a string or a file, for the reader's tests.
#pragma once

#include <fascicle/plugin.hpp>

#include <test_support.hpp>

#include <filesystem>
#include <string>

namespace fascicle::markdown::test {

struct ReadMarkdown {
    Status status = Status::failed;
    Book book;  // the metadata the document carries (ReadContext::found) and its articles
    fascicle::test::RecordingDiagnostics diagnostics;
};

// Reads `markdown` as the file `name` (its article id: the name without extension).
ReadMarkdown read_markdown(const std::string& markdown, const Options& options = {},
                           const std::string& name = "doc.md");

// Reads a file, as the pipeline would.
ReadMarkdown read_markdown_file(const std::filesystem::path& path, const Options& options = {});

// The diagnostics that are warnings or errors, formatted one a line: for assertions on messages.
std::string problems(const ReadMarkdown& read);

}  // namespace fascicle::markdown::test
