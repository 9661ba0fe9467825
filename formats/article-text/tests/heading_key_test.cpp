// The key a body line and a table-of-contents entry are compared by, and its length limit.
#include "heading_key.hpp"

#include <gtest/gtest.h>

#include <string>

namespace fascicle::article_text {
namespace {

TEST(HeadingKey, WhiteSpaceAndQuotesAreNormalized) {
    EXPECT_EQ(heading_key("  The\u00A0 \t\u2003“cat’s”   hat  "), "The \"cat's\" hat");
    EXPECT_EQ(heading_key("\u3000"), "");
}

TEST(HeadingKey, ALimitStopsOnlyPastItAndNeverMakesAFalseMatch) {
    const std::string heading = "Why   the \u201Cquick\u201D fox";  // key: Why the "quick" fox
    const std::string key = heading_key(heading);
    ASSERT_EQ(key, "Why the \"quick\" fox");
    // A limit the key fits in changes nothing, however much shorter than the text it is.
    EXPECT_EQ(heading_key(heading, key.size()), key);
    EXPECT_EQ(heading_key(heading, key.size() + 50), key);
    // Past the limit the result is cut a byte or two after it: equal to no key within it.
    const std::string paragraph = "Why the \"quick\" fox jumps over the lazy dog, and what it means for foxes.";
    EXPECT_GT(heading_key(paragraph, key.size()).size(), key.size());
    EXPECT_LE(heading_key(paragraph, key.size()).size(), key.size() + 2);
    EXPECT_NE(heading_key(paragraph, key.size()), key);
    EXPECT_EQ(heading_key(paragraph, 0), "W");
}

}  // namespace
}  // namespace fascicle::article_text
