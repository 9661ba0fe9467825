#include "sample_corpus_book.hpp"

#include "article_text_reader.hpp"

#include <test_support.hpp>

#include <algorithm>
#include <stdexcept>

namespace fascicle::test {

Book sample_corpus_book() {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(sample_corpus_dir()))
        if (entry.path().extension() == ".txt") files.push_back(entry.path());
    std::sort(files.begin(), files.end());

    Book book;
    book.metadata.title = "Kratom and the Mind: Five Essays";
    CollectingArticles articles;
    RecordingDiagnostics diagnostics;
    article_text::ArticleTextReader reader;
    for (const auto& f : files)
        if (read_file_with(reader, f, articles, diagnostics) != Status::ok)
            throw std::runtime_error("cannot read " + f.string() + ": " + diagnostics.text());
    book.articles = std::move(articles.articles);
    return book;
}

}  // namespace fascicle::test
