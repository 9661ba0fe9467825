// IR helpers for the reader's tests: books compared with a readable difference, and what the
// Markdown writer's output cannot carry made equal (the list, with reasons, is in README.md).
#pragma once

#include <fascicle/ir.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace fascicle::markdown::test {

// `expected == actual`, or a failure showing the first line where their dumps differ.
::testing::AssertionResult same_book(const Book& expected, const Book& actual);

// The sample corpus (fascicle::test::sample_corpus_book()) with the book metadata of samples/corpus/book.ini.
Book sample_book_with_metadata();

// An article-text file read with the article-text reader, as a one-article book.
Book article_text_book(const std::filesystem::path& file);

// How a document was written, for what it can carry.
struct Written {
    bool split = false;       // one document per article: the ids are the file names
    bool standalone = false;  // with a metadata block: the book's metadata is carried
};

// `book` as a Markdown document written so can give it back:
//  - Article::source, which names the file read, is cleared (also clear it on what was read);
//  - Article::metadata is not written (a split standalone block merges it with the book's);
//  - without a metadata block the book's metadata is its title alone (the "#" heading), and a
//    split document has not even that; a split standalone document's block is titled by the article;
//  - ids come back through the writer's anchors as anchor_safe() makes them (a split
//    document's article id is its file name);
//  - text is compared with line breaks inside it as spaces: the writer writes one as a line end,
//    which Markdown reads as a soft break (a space).
Book carried_by_markdown(Book book, Written written);

// The blocks with each raw HTML block that shows content replaced by that content (what writers
// of other formats write).
std::vector<Block> shown_blocks(std::vector<Block> blocks);

// What the reader gave, with the same normalisation (source cleared, newlines in text as spaces),
// heading levels cleared and each raw HTML block that shows content replaced by that content.
Book as_read(Book book);

// The same inlines as Markdown writes and reads them: adjacent text joined, empty text, code,
// emphasis dropped, links inside links as their text, line breaks ending a paragraph dropped,
// newlines in code spans as spaces.
std::vector<Inline> markdown_equivalent(const std::vector<Inline>& inlines);

}  // namespace fascicle::markdown::test
