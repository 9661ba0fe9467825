// The text layout's Unicode against the Unicode Consortium's own test files (Unicode 15.0, from
// Debian's unicode-data): every case of LineBreakTest.txt (UAX #14) and GraphemeBreakTest.txt
// (UAX #29). A missing file fails the test. Where ICU's line breaking differs from the file, the
// case is listed with its reason in line-break-test-differences.txt.
#include <text_layout/display_width.hpp>
#include <text_layout/line_wrapper.hpp>
#include <fascicle/text.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fascicle::text_layout {
namespace {

constexpr const char* unicode_test_dir = "/usr/share/unicode/auxiliary/";

std::string utf8(char32_t c) {
    std::string out;
    append_utf8(out, c);
    return out;
}

// One line of a break test file: "× 0023 ÷ 0020 × 0308 ÷ # comment" as UTF-8 text and the byte
// offsets of its inner boundaries (÷ between two code points; not the start, not the end).
struct BreakCase {
    std::string text;
    std::vector<std::size_t> boundaries;
    std::string line;
    std::string rule;  // the line without its comment, trimmed
};

std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t");
    return first == std::string::npos ? std::string() : s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

std::set<std::string> listed_differences() {
    std::ifstream in(FASCICLE_PLAIN_TEST_DIR "/line-break-test-differences.txt");
    EXPECT_TRUE(in) << "line-break-test-differences.txt is missing";
    std::set<std::string> out;
    for (std::string line; std::getline(in, line);)
        if (!line.starts_with("#") && !trimmed(line).empty()) out.insert(trimmed(line));
    return out;
}

std::vector<BreakCase> read_cases(const std::string& name) {
    std::ifstream in(std::string(unicode_test_dir) + name);
    EXPECT_TRUE(in) << unicode_test_dir << name << " is missing (Debian's unicode-data: scripts/install-deps.sh)";
    std::vector<BreakCase> cases;
    for (std::string line; std::getline(in, line);) {
        const std::string rule = line.substr(0, line.find('#'));
        if (rule.find_first_not_of(" \t") == std::string::npos) continue;
        BreakCase c{{}, {}, line, trimmed(rule)};
        std::istringstream tokens(rule);
        for (std::string token; tokens >> token;) {
            if (token == "\xC3\xB7") {  // ÷
                if (!c.text.empty()) c.boundaries.push_back(c.text.size());
            } else if (token != "\xC3\x97") {  // not ×: a code point
                c.text += utf8(static_cast<char32_t>(std::stoul(token, nullptr, 16)));
            }
        }
        if (!c.boundaries.empty() && c.boundaries.back() == c.text.size()) c.boundaries.pop_back();
        cases.push_back(std::move(c));
    }
    return cases;
}

TEST(UnicodeConformance, LineBreakTest) {
    const auto cases = read_cases("LineBreakTest.txt");
    ASSERT_GT(cases.size(), 7000u);
    const auto listed = listed_differences();
    std::size_t passed = 0, listed_seen = 0;
    for (const auto& c : cases) {
        std::vector<std::size_t> found;
        for (const auto& o : line_break_opportunities(c.text))
            if (o.offset < c.text.size()) found.push_back(o.offset);
        const bool same = found == c.boundaries;
        passed += same;
        if (listed.count(c.rule)) {
            ++listed_seen;
            EXPECT_FALSE(same) << "listed as a difference, but ICU now agrees: take it off the list: " << c.rule;
        } else {
            EXPECT_TRUE(same) << "a difference not in line-break-test-differences.txt: " << c.line;
        }
    }
    EXPECT_EQ(listed_seen, listed.size()) << "the list names cases the test file does not have";
    std::cout << "LineBreakTest.txt: " << passed << " / " << cases.size() << " cases agree; " << listed.size()
              << " listed differences (line-break-test-differences.txt)\n";
}

TEST(UnicodeConformance, GraphemeBreakTest) {
    const auto cases = read_cases("GraphemeBreakTest.txt");
    ASSERT_GT(cases.size(), 600u);
    std::size_t passed = 0;
    for (const auto& c : cases) {
        std::vector<std::size_t> found;
        for (const auto& g : graphemes(c.text))
            if (g.end < c.text.size()) found.push_back(g.end);
        EXPECT_EQ(found, c.boundaries) << c.line;
        passed += found == c.boundaries;
    }
    std::cout << "GraphemeBreakTest.txt: " << passed << " / " << cases.size() << " cases\n";
}

}  // namespace
}  // namespace fascicle::text_layout
