// Helpers of the DocBook reader tests: the reader run on text, the books the round trips start
// from, and what DocBook cannot carry back, made explicit.
#pragma once

#include <fascicle/plugin.hpp>
#include <test_support.hpp>

#include <filesystem>
#include <memory>
#include <string>

namespace fascicle::docbook::test {

struct ReadBack {
    Status status = Status::failed;
    Book book;  // the metadata the reader found, and the articles it handed over
    fascicle::test::RecordingDiagnostics diagnostics;
};

// Runs the DocBook reader on a file (its images are registered in `resources`).
struct FileReadBack : ReadBack {
    std::shared_ptr<Resources> resources = std::make_shared<Resources>();
};
FileReadBack read_docbook_file(const std::filesystem::path& file, const Options& options = {});

// Runs the DocBook reader on `xml`, named `name` in diagnostics (the input's article id is its stem).
ReadBack read_docbook(const std::string& xml, const std::string& name = "input.xml");

// The sample corpus as the CLI reads it: book.ini's metadata, and each article read by the
// article-text reader with its [article ID] values applied.
Book sample_corpus_book();
// tests/data/hostile/hostile-punctuation.txt, read by the article-text reader, in a book.
Book hostile_punctuation_book();
std::filesystem::path hostile_punctuation_file();

// `book` as it comes back from DocBook: what the writer does not write, or writes so that the
// reader cannot tell it apart, normalised. Each rule is one entry of README.md's list
// "What DocBook does not carry back".
Book as_carried_by_docbook(Book book);

// The book without the articles' source paths (a DocBook file names none).
Book without_sources(Book book);

}  // namespace fascicle::docbook::test
