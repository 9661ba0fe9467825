// Reading article-text from bytes held in the test, with everything the reader reported.
#pragma once

#include <test_support.hpp>

#include <string>
#include <vector>

namespace fascicle::article_text::test {

struct ReadResult {
    Status status = Status::failed;
    std::vector<Article> articles;
    fascicle::test::RecordingDiagnostics diagnostics;
};

// Reads `bytes` as the input named `name` (its article id is the name without extension).
ReadResult read_text(const std::string& bytes, const std::string& name = "article.txt");

// The folder of this format's own test data (formats/article-text/tests/data).
std::filesystem::path data_dir();

}  // namespace fascicle::article_text::test
