// The five sample articles: every IR field of two of them checked by hand, all five against reviewed
// golden dumps, and all five read → written back byte for byte.
#include "read_text.hpp"

#include "article_text_reader.hpp"
#include "article_text_writer.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

namespace fascicle::article_text {
namespace {

using fascicle::test::read_file;
using fascicle::test::sample_corpus_dir;

std::vector<std::filesystem::path> sample_files() {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(sample_corpus_dir()))
        if (entry.path().extension() == ".txt") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

Article read_sample(const std::string& file_name) {
    auto result = test::read_text(read_file(sample_corpus_dir() / file_name), file_name);
    EXPECT_EQ(result.status, Status::ok) << result.diagnostics.text();
    EXPECT_TRUE(result.diagnostics.all.empty()) << result.diagnostics.text();
    if (result.articles.size() != 1) {
        ADD_FAILURE() << "expected one article from " << file_name;
        return {};
    }
    return std::move(result.articles.front());
}

std::string text_of(const Block& block) { return plain_text(block); }

std::vector<std::size_t> paragraph_counts(const Article& article) {
    std::vector<std::size_t> counts;
    for (const auto& s : article.sections) counts.push_back(s.blocks.size());
    return counts;
}

TEST(ReaderSamples, Article000EveryField) {
    const Article a = read_sample("000_f53ed46ec5733f67.txt");
    EXPECT_EQ(a.id, "000_f53ed46ec5733f67");
    EXPECT_EQ(a.source, "000_f53ed46ec5733f67.txt");
    EXPECT_EQ(a.title_text(), "Unraveling Emotions: The Role of Kratom for Depression Relief");
    EXPECT_TRUE(a.metadata == Metadata{});

    ASSERT_EQ(a.summary.size(), 1u);
    EXPECT_EQ(a.summary[0].kind, Block::Kind::paragraph);
    EXPECT_TRUE(text_of(a.summary[0]).starts_with("Kratom, a plant from Southeast Asia with active compounds"));
    EXPECT_TRUE(text_of(a.summary[0]).ends_with("a multifaceted mental health care plan."));

    ASSERT_EQ(a.introduction.size(), 1u);
    EXPECT_TRUE(text_of(a.introduction[0]).starts_with("Emotional release is a pivotal aspect"));
    EXPECT_TRUE(text_of(a.introduction[0]).ends_with("an effective emotional release toolkit."));

    ASSERT_EQ(a.sections.size(), 3u);
    EXPECT_EQ(a.sections[0].title_text(), "Unraveling Emotions: The Role of Kratom for Depression Relief");
    EXPECT_EQ(a.sections[1].title_text(), "Kratom's Chemical Key: Understanding Its Mechanism Against Depressive Symptoms");
    EXPECT_EQ(a.sections[2].title_text(), "Holistic Approaches to Complement Kratom in Managing Depression");
    EXPECT_EQ(a.sections[0].id, "unraveling-emotions-the-role-of-kratom-for-depression-relief");
    EXPECT_EQ(a.sections[1].id, "kratoms-chemical-key-understanding-its-mechanism-against-depressive-symptoms");
    EXPECT_EQ(a.sections[2].id, "holistic-approaches-to-complement-kratom-in-managing-depression");
    EXPECT_EQ(paragraph_counts(a), (std::vector<std::size_t>{1, 2, 1}));
    for (const auto& s : a.sections) EXPECT_TRUE(s.subsections.empty());
    EXPECT_TRUE(text_of(a.sections[1].blocks[1]).starts_with("Research suggests that kratom\u2019s"));
    EXPECT_TRUE(text_of(a.sections[2].blocks[0]).starts_with("holistic approaches to emotional well-being"));

    ASSERT_EQ(a.conclusion.size(), 1u);
    EXPECT_TRUE(text_of(a.conclusion[0]).starts_with("In conclusion, the interplay between natural remedies"));
    EXPECT_TRUE(text_of(a.conclusion[0]).ends_with("decision-making for those exploring its use."));
}

// This one's conclusion does not begin with "In conclusion": it is still the last paragraph.
TEST(ReaderSamples, Article003ConclusionWithoutInConclusion) {
    const Article a = read_sample("003_2bacc78b38ca7213.txt");
    EXPECT_EQ(a.id, "003_2bacc78b38ca7213");
    EXPECT_EQ(a.title_text(), "Understanding Trauma and Its Impact on the Stress Response System");
    ASSERT_EQ(a.summary.size(), 1u);
    EXPECT_TRUE(text_of(a.summary[0]).starts_with("Trauma can disrupt the body's stress response system"));
    ASSERT_EQ(a.introduction.size(), 1u);
    EXPECT_TRUE(text_of(a.introduction[0]).starts_with("Trauma and stress response regulation"));
    ASSERT_EQ(a.sections.size(), 3u);
    EXPECT_EQ(a.sections[0].title_text(), "Understanding Trauma and Its Impact on the Stress Response System");
    EXPECT_EQ(a.sections[1].title_text(), "Exploring Kratom's Role in Modulating Stress Response for Depression Treatment");
    EXPECT_EQ(a.sections[2].title_text(), "Integrating Kratom into a Holistic Approach for Regulating Trauma-Related Stress");
    EXPECT_EQ(paragraph_counts(a), (std::vector<std::size_t>{2, 2, 2}));
    EXPECT_TRUE(text_of(a.sections[2].blocks[1]).starts_with("Incorporating kratom into a holistic approach"));
    ASSERT_EQ(a.conclusion.size(), 1u);
    EXPECT_TRUE(text_of(a.conclusion[0]).starts_with("Trauma and its impact on the stress response system"));
}

TEST(ReaderSamples, ParagraphCountsOfAllFive) {
    const std::vector<std::vector<std::size_t>> expected{{1, 2, 1}, {1, 2, 2}, {2, 2, 2}, {2, 2, 2}, {2, 2, 2}};
    const auto files = sample_files();
    ASSERT_EQ(files.size(), 5u);
    for (std::size_t i = 0; i < files.size(); ++i) {
        const Article a = read_sample(files[i].filename().string());
        EXPECT_EQ(paragraph_counts(a), expected[i]) << files[i];
        EXPECT_EQ(a.summary.size(), 1u) << files[i];
        EXPECT_EQ(a.introduction.size(), 1u) << files[i];
        EXPECT_EQ(a.conclusion.size(), 1u) << files[i];
    }
}

// Each sample's whole IR against a dump reviewed by eye; FASCICLE_REGENERATE_GOLDEN=1 rewrites them.
TEST(ReaderSamples, MatchGoldenDumps) {
    const bool regenerate = std::getenv("FASCICLE_REGENERATE_GOLDEN") != nullptr;
    for (const auto& file : sample_files()) {
        const Article a = read_sample(file.filename().string());
        const auto golden = test::data_dir() / "golden" / (a.id + ".dump");
        const std::string actual = dump(a);
        if (regenerate) fascicle::test::write_file(golden, actual);
        ASSERT_TRUE(std::filesystem::exists(golden)) << golden << " missing: run with FASCICLE_REGENERATE_GOLDEN=1";
        EXPECT_EQ(actual, read_file(golden)) << file;
    }
}

TEST(ReaderSamples, AllFiveRoundTripExactly) {
    for (const auto& file : sample_files()) {
        const std::string original = read_file(file);
        ASSERT_FALSE(original.ends_with("\n")) << "the samples lack a final newline";
        const Article a = read_sample(file.filename().string());

        ArticleTextWriter writer;
        fascicle::test::StringOutput output;
        fascicle::test::RecordingDiagnostics diagnostics;
        Book book;
        book.articles.push_back(a);
        ASSERT_EQ(fascicle::test::write_book(writer, book, output, diagnostics), Status::ok) << diagnostics.text();
        EXPECT_TRUE(diagnostics.all.empty()) << diagnostics.text();
        EXPECT_EQ(output.str(), original + "\n") << file;

        // And the canonical form reads back to the same article.
        auto again = test::read_text(output.str(), file.filename().string());
        ASSERT_EQ(again.articles.size(), 1u) << again.diagnostics.text();
        EXPECT_EQ(again.articles[0], a) << dump(again.articles[0]) << "\n---\n" << dump(a);
    }
}

}  // namespace
}  // namespace fascicle::article_text
