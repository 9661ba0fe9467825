// Link addresses made valid URI references, as browsers and cmark make them.
#include <fascicle/uri.hpp>

#include <gtest/gtest.h>

namespace fascicle {
namespace {

TEST(Uri, WhatAUriMayHoldIsKeptAsItIs) {
    for (const char* uri : {"https://example.org/a/b?c=d&e=f;g#h", "mailto:ada@example.org", "urn:isbn:0-486-27557-4",
                            "http://[::1]:8080/~user/(x)*+,$!'", "relative/path.html", "#fragment", "a%20b%C3%A9"})
        EXPECT_EQ(percent_encoded(uri), uri) << uri;
}

TEST(Uri, WhatAUriCannotHoldIsPercentEncoded) {
    EXPECT_EQ(percent_encoded("https://example.org/a b"), "https://example.org/a%20b");
    EXPECT_EQ(percent_encoded("x?q=\"<>\\^`{|}"), "x?q=%22%3C%3E%5C%5E%60%7B%7C%7D");
    EXPECT_EQ(percent_encoded("caf\xC3\xA9"), "caf%C3%A9");  // the UTF-8 bytes of an IRI
    EXPECT_EQ(percent_encoded("100%"), "100%25");            // a '%' that starts no escape
    EXPECT_EQ(percent_encoded("%zz%4"), "%25zz%254");
    EXPECT_EQ(percent_encoded("a#b#c"), "a#b%23c");          // one fragment only
    EXPECT_EQ(percent_encoded(std::string_view("\x01\x7f", 2)), "%01%7F");
}

TEST(Uri, NormalizedUriTrimsDropsLineBreaksAndEncodes) {
    EXPECT_EQ(normalized_uri("  https://example.org/a b\n "), "https://example.org/a%20b");
    EXPECT_EQ(normalized_uri("https://exa\nmple.org/\tx"), "https://example.org/x");
    EXPECT_EQ(normalized_uri("chapter_001.xhtml#pgepubid00004#x"), "chapter_001.xhtml#pgepubid00004%23x");
    EXPECT_EQ(normalized_uri("./a:b"), "./a:b");
    EXPECT_EQ(normalized_uri("a/b:c"), "a/b:c");
    EXPECT_EQ(normalized_uri("x-my.scheme+1:thing"), "x-my.scheme+1:thing");
}

TEST(Uri, WhatCannotBeAUriIsNone) {
    EXPECT_EQ(normalized_uri(""), std::nullopt);
    EXPECT_EQ(normalized_uri(" \n\t "), std::nullopt);
    EXPECT_EQ(normalized_uri("1a:b"), std::nullopt);
    EXPECT_EQ(normalized_uri("no such:thing"), std::nullopt);
    EXPECT_EQ(normalized_uri(":nothing"), std::nullopt);
}

}  // namespace
}  // namespace fascicle
