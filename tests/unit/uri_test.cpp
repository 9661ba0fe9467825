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
    // Brackets only around an IP literal in the authority, as cmark and RFC 3986 3.2.2 have it.
    EXPECT_EQ(percent_encoded("https://example.com/%5C[%5C]"), "https://example.com/%5C%5B%5C%5D");
    EXPECT_EQ(percent_encoded("a[1].html?q=[x]#[y]"), "a%5B1%5D.html?q=%5Bx%5D#%5By%5D");
    EXPECT_EQ(percent_encoded("//[fe80::1]/[z]"), "//[fe80::1]/%5Bz%5D");
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

TEST(Uri, AWebAddressHasAHostAUrlParserReads) {
    for (const char* uri : {"https://example.org", "HTTP://a-b_c.example.org.:8080/x", "http://user:pw@host/",
                            "https://[2001:db8::1]:443/", "ftp://10.0.0.1/f", "https://%C3%A9t%C3%A9.example/"}) {
        EXPECT_EQ(normalized_uri(uri), uri) << uri;
        EXPECT_TRUE(has_parsable_host(uri)) << uri;
    }
    EXPECT_EQ(normalized_uri("https://caf\xC3\xA9.example/"), "https://caf%C3%A9.example/");
    // Valid URIs (RFC 3986 allows these reg-names), but no URL parser reads their host.
    for (const char* uri : {"https://../", "https://", "https://foo.bar.%60baz", "http://a..b/", "https://.x/",
                            "https://host:80x/", "https://[zz]/", "https://[::1]x/", "ws://a%2Fb/"}) {
        EXPECT_TRUE(normalized_uri(uri)) << uri;
        EXPECT_FALSE(has_parsable_host(uri)) << uri;
    }
    // Schemes without a host by definition, and references without a scheme, are not judged.
    for (const char* uri : {"irc://foo.bar:2233/baz", "made-up-scheme://foo,bar", "//../x", "a/b", "mailto:x@y"})
        EXPECT_TRUE(has_parsable_host(uri)) << uri;
}

TEST(Uri, TheSchemeIsWhatComesBeforeTheFirstColonWhenItIsOne) {
    EXPECT_EQ(uri_scheme("HTTPS://example.com/a:b"), "HTTPS");
    EXPECT_EQ(uri_scheme("iris.xpc+x-1:thing"), "iris.xpc+x-1");
    EXPECT_EQ(uri_scheme("C:\\notes"), "C");  // a drive to readers of paths, who ask for more
    for (std::string_view none : {"", ":x", "1a:b", "no such:thing", "path/a:b", "#frag:x", "mailto"})
        EXPECT_EQ(uri_scheme(none), "") << none;
    EXPECT_TRUE(is_scheme("MailTo", "mailto"));
    EXPECT_TRUE(is_scheme("z39.50R", "z39.50r"));
    EXPECT_FALSE(is_scheme("mail", "mailto"));
    EXPECT_FALSE(is_scheme("mailtp", "mailto"));
    EXPECT_FALSE(is_scheme("@", "`"));  // only scheme characters fold
}

}  // namespace
}  // namespace fascicle
