// Mutated samples: whatever the damage, the reader either produces one article and no error, or
// reports exactly one error and produces nothing; and what it produces is a fixed point of
// write → read.
#include "read_text.hpp"

#include "article_text_writer.hpp"

#include <gtest/gtest.h>

#include <random>

namespace fascicle::article_text {
namespace {

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (auto end = text.find('\n'); end != std::string::npos; end = text.find('\n', start)) {
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    lines.push_back(text.substr(start));
    return lines;
}

std::string join(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

// One random edit of the kind a hand-edited corpus suffers.
std::string mutate(std::vector<std::string> lines, std::mt19937& random) {
    auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
    const std::size_t i = pick(lines.size());
    const std::size_t j = pick(lines.size());
    switch (pick(7)) {
        case 0: lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(i)); break;
        case 1: std::swap(lines[i], lines[j]); break;
        case 2: lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(i), lines[j]); break;
        case 3: lines[i].insert(pick(lines[i].size() + 1), 1, static_cast<char>(random() & 0xFF)); break;
        case 4: lines[i] = "- " + lines[i]; break;
        case 5: lines[i].clear(); break;
        case 6: if (lines[i].size() > 2) lines[i] = lines[i].substr(2); break;
    }
    return join(lines);
}

TEST(ReaderRobustness, MutatedSamplesGiveOneArticleOrOneError) {
    std::mt19937 random(20240611);  // fixed: the same mutations on every run
    std::size_t read_ok = 0;
    std::size_t read_failed = 0;
    for (const char* name : {"000_f53ed46ec5733f67.txt", "003_2bacc78b38ca7213.txt"}) {
        const auto lines = split_lines(fascicle::test::read_file(fascicle::test::sample_corpus_dir() / name));
        for (int round = 0; round < 400; ++round) {
            const std::string text = mutate(lines, random);
            auto r = test::read_text(text, name);
            if (r.status == Status::failed) {
                ++read_failed;
                EXPECT_TRUE(r.articles.empty());
                EXPECT_EQ(r.diagnostics.error_count(), 1u) << r.diagnostics.text();
                continue;
            }
            ++read_ok;
            ASSERT_EQ(r.articles.size(), 1u);
            ASSERT_EQ(r.diagnostics.error_count(), 0u) << r.diagnostics.text();
            for (const auto& d : r.diagnostics.all) EXPECT_EQ(d.file, name);

            ArticleTextWriter writer;
            fascicle::test::StringOutput output;
            fascicle::test::RecordingDiagnostics write_diagnostics;
            Book book;
            book.articles = r.articles;
            ASSERT_EQ(fascicle::test::write_book(writer, book, output, write_diagnostics), Status::ok)
                << write_diagnostics.text();
            auto again = test::read_text(output.str(), name);
            ASSERT_EQ(again.articles.size(), 1u) << again.diagnostics.text() << "\n" << text;
            EXPECT_EQ(again.articles[0], r.articles[0]) << text;
        }
    }
    // The mutations exercise both outcomes.
    EXPECT_GT(read_ok, 100u);
    EXPECT_GT(read_failed, 100u);
}

}  // namespace
}  // namespace fascicle::article_text
