// Runs the Markdown writer in-process over a book, for the tests.
#pragma once

#include <fascicle/plugin.hpp>

#include <string>

namespace fascicle::markdown::test {

// The whole document; fails the current test if the writer reports anything.
std::string render_markdown(const Book& book, const Options& options = {}, bool split = false);

// The document without its leading YAML metadata block (what a CommonMark parser must not see).
std::string without_metadata_block(const std::string& markdown);

}  // namespace fascicle::markdown::test
