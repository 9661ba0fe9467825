// The reader's round trips: books read in-process (the sample corpus and the hostile article
// with the article-text reader, EPUBs with the EpubReader), and what of a book an EPUB carries.
#pragma once

#include "zip_archive_reader.hpp"

#include <fascicle/ir.hpp>
#include <fascicle/plugin.hpp>

#include <test_support.hpp>

#include <filesystem>
#include <memory>
#include <string>

namespace fascicle::epub::test {

struct ReadBook {
    Status status = Status::failed;
    Book book;  // the metadata the EPUB carries (ReadContext::found) and its articles
    fascicle::test::RecordingDiagnostics diagnostics;
    std::shared_ptr<Resources> resources = std::make_shared<Resources>();  // the images the articles show
};

// Reads an EPUB file as the CLI does (Input::path set).
ReadBook read_epub(const std::filesystem::path& path, const reader::ArchiveLimits& limits = {},
                   const Options& options = {});
// Reads an EPUB from a stream, as from standard input (no path).
ReadBook read_epub_stream(const std::string& bytes, const reader::ArchiveLimits& limits = {});

// samples/corpus with its book.ini applied (book metadata, [article ID] titles), as the pipeline
// reads it.
Book sample_book();
// tests/data/hostile/hostile-punctuation.txt (every ASCII punctuation character in hostile
// places, the article the format tests share), as a one-article book.
std::filesystem::path hostile_file();
Book hostile_book();

// `book` as an EPUB written by fascicle carries it: what the package and the chapters cannot hold
// made as the reader gives it back. The list, in order:
// - book metadata other than the package's (Metadata::extra, e.g. conclusion-title) is not in it;
// - an article's source is the EPUB;
// - an article's own metadata is what its chapter carries: the chapter_metadata_keys (in its
//   head, white space as HTML shows it, creators without their sort form), its language when
//   not the book's, and the heading of its conclusion (conclusion-title, its own or the book's)
//   when not "Conclusion";
// - an article id is what article_xml_id made of it, inverted (ids with characters an NCName
//   cannot hold keep a '-' for each byte of them);
// - text is XML text: invalid UTF-8 became U+FFFD, control characters XML forbids are gone;
// - text is as HTML shows it: a run of spaces, tabs and line ends is one space, and none at the
//   ends of a paragraph or title (code keeps its white space);
// - links other than http, https and mailto are their text; link targets are percent-encoded
//   where a URL may not hold the byte;
// - neighbouring text inlines are one.
// The sample corpus needs none of it but the first three; the hostile article the white space too.
Book as_carried_by_epub(Book book, const std::filesystem::path& epub);

// A line of text as HTML shows it: white space runs as one space, none at the ends.
std::string as_html_shows(const std::string& text);

}  // namespace fascicle::epub::test
