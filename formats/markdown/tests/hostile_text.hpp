// Text made to trip a Markdown writer's escaping: every ASCII punctuation character in the
// positions where CommonMark gives it meaning, and seeded random text and inline trees.
#pragma once

#include <fascicle/ir.hpp>

#include <random>
#include <string>
#include <vector>

namespace fascicle::markdown::test {

// Each ASCII punctuation character alone, doubled, tripled, at line starts and ends, between
// words and inside them, after digits, escaped, plus the classic traps ("1. x", "# x", "> x",
// "[x](y)", "&amp;", "~~~", trailing spaces and backslashes ...).
std::vector<std::string> hostile_paragraphs();

// An article made of them: hostile title, summary, introduction, section titles, conclusion.
Article hostile_punctuation_article();

// Random text from punctuation, letters, digits, blanks, line breaks and non-ASCII characters.
std::string random_text(std::mt19937& random, std::size_t max_length);

// A random inline tree: text, emphasis, strong, code, links and line breaks, nested.
std::vector<Inline> random_inlines(std::mt19937& random, int depth);

}  // namespace fascicle::markdown::test
