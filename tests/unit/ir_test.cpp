#include <fascicle/ir.hpp>
#include <fascicle/text.hpp>

#include <gtest/gtest.h>

using namespace fascicle;

namespace {

Article sample_article() {
    Article a;
    a.id = "001_x";
    a.title = fascicle::title_inlines("A \"quoted\" title");
    a.summary.push_back(Block::paragraph("Summary."));
    Block rich;
    rich.inlines = {Inline::plain("plain "), Inline::wrap(Inline::Kind::emphasis, {Inline::plain("em")}),
                    Inline::link_to("https://example.org", {Inline::plain("link")})};
    a.introduction.push_back(rich);
    Section s{"first", fascicle::title_inlines("First"), {Block::paragraph("One.")}, {Section{"sub", fascicle::title_inlines("Sub"), {}, {}}}};
    a.sections.push_back(s);
    Block list;
    list.kind = Block::Kind::list;
    list.ordered = true;
    list.start = 3;
    list.items = {{Block::paragraph("item a")}, {Block::paragraph("item b")}};
    a.sections[0].blocks.push_back(list);
    a.conclusion.push_back(Block::paragraph("The end."));
    return a;
}

}  // namespace

TEST(Ir, EqualityComparesEveryField) {
    const Article a = sample_article();
    Article b = a;
    EXPECT_EQ(a, b);
    b.sections[0].subsections[0].title = fascicle::title_inlines("Other");
    EXPECT_NE(a, b);
    b = a;
    b.introduction[0].inlines[2].target = "https://example.com";
    EXPECT_NE(a, b);
    b = a;
    b.sections[0].blocks[1].start = 1;
    EXPECT_NE(a, b);
}

TEST(Ir, DumpIsReadableAndComplete) {
    const std::string d = dump(sample_article());
    EXPECT_NE(d.find("article 001_x"), std::string::npos) << d;
    EXPECT_NE(d.find("title: \"A \\\"quoted\\\" title\""), std::string::npos) << d;
    EXPECT_NE(d.find("section first \"First\""), std::string::npos) << d;
    EXPECT_NE(d.find("    section sub \"Sub\""), std::string::npos) << d;
    EXPECT_NE(d.find("em(\"em\")"), std::string::npos) << d;
    EXPECT_NE(d.find("link(\"https://example.org\" \"link\")"), std::string::npos) << d;
    EXPECT_NE(d.find("ordered-list start=3"), std::string::npos) << d;
    EXPECT_NE(d.find("conclusion\n    para \"The end.\""), std::string::npos) << d;
}

TEST(Ir, PlainTextDropsMarkup) {
    const Article a = sample_article();
    EXPECT_EQ(plain_text(a.introduction[0].inlines), "plain emlink");
    EXPECT_EQ(plain_text(a.sections[0].blocks[1]), "item a\nitem b");
}

TEST(Metadata, SetGetAndMerge) {
    Metadata m;
    m.set("title", "Book");
    m.set("author", "A");
    m.set("author", "B");
    m.set("conclusion-title", "Wrapping up");
    EXPECT_EQ(m.title, "Book");
    EXPECT_EQ(m.get("authors"), "A; B");
    EXPECT_EQ(m.extra.at("conclusion-title"), "Wrapping up");
    m.set("authors", " C ;D; ");
    EXPECT_EQ(m.authors(), (std::vector<std::string>{"C", "D"}));

    Metadata over;
    over.set("language", "fr");
    m.merge_from(over);
    EXPECT_EQ(m.title, "Book");  // empty values do not erase
    EXPECT_EQ(m.language, "fr");
}

TEST(Text, FindsInvalidUtf8) {
    EXPECT_FALSE(find_invalid_utf8("plain ascii"));
    EXPECT_FALSE(find_invalid_utf8("caf\xC3\xA9 \xE2\x80\x99 \xF0\x9F\x98\x80"));
    EXPECT_EQ(find_invalid_utf8("ab\xFFxy"), 2u);
    EXPECT_EQ(find_invalid_utf8("ab\xC3"), 2u);            // truncated
    EXPECT_EQ(find_invalid_utf8("\xC0\xAF"), 0u);          // overlong '/'
    EXPECT_EQ(find_invalid_utf8("x\xED\xA0\x80"), 1u);     // surrogate
    EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
}

TEST(Text, AppendsUtf8AndNeverInvalidUtf8) {
    std::string out;
    for (char32_t c : {U'A', U'\u00E9', U'\u20AC', U'\U0001F600', U'\u007F', U'\u0080', U'\u07FF', U'\u0800',
                       U'\uFFFF', U'\U00010000', U'\U0010FFFF'})
        append_utf8(out, c);
    EXPECT_EQ(out, "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\x7F\xC2\x80\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF"
                   "\xF0\x90\x80\x80\xF4\x8F\xBF\xBF");
    EXPECT_FALSE(find_invalid_utf8(out));
    // Not scalar values: a surrogate, beyond U+10FFFF.
    for (char32_t c : {char32_t(0xD800), char32_t(0xDFFF), char32_t(0x110000), char32_t(0xFFFFFFFF)}) {
        std::string replaced;
        append_utf8(replaced, c);
        EXPECT_EQ(replaced, "\xEF\xBF\xBD") << std::hex << std::uint32_t(c);
    }
}

TEST(Text, EscapesXml) {
    EXPECT_EQ(xml_escape("a<b>&\"c\""), "a&lt;b&gt;&amp;\"c\"");
    EXPECT_EQ(xml_escape("\"", true), "&quot;");
}

TEST(Text, SlugsAndIds) {
    EXPECT_EQ(slugify("Kratom's Chemical Key: Understanding Its Mechanism"), "kratoms-chemical-key-understanding-its-mechanism");
    EXPECT_EQ(slugify("Kratom\u2019s Role"), "kratoms-role");
    EXPECT_EQ(slugify("  Café — naïve  "), "caf-na-ve");
    EXPECT_EQ(slugify("???"), "section");
    EXPECT_EQ(to_ncname("000_f53"), "id-000_f53");
    EXPECT_EQ(to_ncname("a b:c"), "a-b-c");
    EXPECT_EQ(article_xml_id("000_f53"), "a-000_f53");
    EXPECT_EQ(part_xml_id("000_f53", "intro"), "a-000_f53.intro");

    UniqueIds ids;
    EXPECT_EQ(ids.take("x"), "x");
    EXPECT_EQ(ids.take("x"), "x-2");
    EXPECT_EQ(ids.take("x"), "x-3");
    EXPECT_TRUE(ids.contains("x-2"));
}
