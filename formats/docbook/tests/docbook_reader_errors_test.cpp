// Inputs the DocBook reader refuses, and the messages that say why (file:line:column).
// On any error no article is handed over.
#include "read_docbook.hpp"

#include <test_support.hpp>

#include <gtest/gtest.h>

namespace fascicle::docbook {
namespace {

using test::read_docbook;

// Reads `xml` as bad.xml and returns its only diagnostic, formatted; the read must fail.
std::string refusal(const std::string& xml) {
    const auto back = read_docbook(xml, "bad.xml");
    EXPECT_EQ(back.status, Status::failed);
    EXPECT_TRUE(back.book.articles.empty()) << "no article after an error";
    EXPECT_EQ(back.diagnostics.error_count(), 1u) << back.diagnostics.text();
    const auto errors = back.diagnostics.of(Severity::error);
    return errors.empty() ? std::string() : errors.front().format();
}

const std::string docbook_root = "<book xmlns=\"http://docbook.org/ns/docbook\">";

TEST(DocBookReaderErrors, MalformedXmlGivesLineColumnAndPugixmlsDescription) {
    EXPECT_EQ(refusal(docbook_root + "\n<chapter>\n  <para>unclosed\n</chapter>\n</book>"),
              "bad.xml:4:3: error: not well-formed XML: Start-end tags mismatch");
    EXPECT_EQ(refusal(docbook_root + "\n<chapter a=\"1\" a=\"2\"/></book>"),
              "bad.xml:2:1: error: not well-formed XML: the attribute a appears twice in <chapter>");
    EXPECT_EQ(refusal(""), "bad.xml:1:1: error: not well-formed XML: No document element found");
    EXPECT_EQ(refusal(docbook_root + "</book>\n<book/>"),
              "bad.xml:2:1: error: not well-formed XML: a second root element <book> (a document has one)");
}

TEST(DocBookReaderErrors, WrongRootSaysWhatWasExpected) {
    EXPECT_EQ(refusal("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>"),
              "bad.xml:1:1: error: expected a DocBook document: a root element in the namespace "
              "http://docbook.org/ns/docbook (DocBook 5) or in none (DocBook 4), but the root element is <html> in "
              "the namespace http://www.w3.org/1999/xhtml");
    EXPECT_NE(refusal("<book xmlns=\"urn:not-docbook\"/>").find("<book> in the namespace urn:not-docbook"),
              std::string::npos);
}

TEST(DocBookReaderErrors, BillionLaughsIsRefusedWhereItPassesTheLimit) {
    std::string doctype = "<?xml version=\"1.0\"?>\n<!DOCTYPE book [\n  <!ENTITY lol0 \"lol\">\n";
    for (int n = 1; n <= 9; ++n) {
        doctype += "  <!ENTITY lol" + std::to_string(n) + " \"";
        for (int k = 0; k < 10; ++k) doctype += "&lol" + std::to_string(n - 1) + ";";
        doctype += "\">\n";
    }
    doctype += "]>\n";
    EXPECT_EQ(refusal(doctype + docbook_root + "<chapter>\n<para>&lol9;</para></chapter></book>"),
              "bad.xml:15:7: error: entity references expand the document by more than 4 MiB, the most fascicle "
              "allows: refused as an entity amplification (\"billion laughs\")");
}

TEST(DocBookReaderErrors, QuadraticBlowupIsRefused) {
    // One big entity used many times: each use is small, the sum is not.
    const std::string big(64 * 1024, 'x');
    std::string uses;
    for (int n = 0; n < 100; ++n) uses += "&big;";
    EXPECT_EQ(refusal("<!DOCTYPE book [<!ENTITY big \"" + big + "\">]>\n" + docbook_root + "<chapter><para>\n" + uses +
                      "</para></chapter></book>"),
              "bad.xml:3:321: error: entity references expand the document by more than 4 MiB, the most fascicle "
              "allows: refused as an entity amplification (\"billion laughs\")");
}

TEST(DocBookReaderErrors, AnEntityThatRefersToItselfIsRefused) {
    EXPECT_EQ(refusal("<!DOCTYPE book [\n<!ENTITY a \"x&b;\">\n<!ENTITY b \"y&a;\">\n]>\n" + docbook_root +
                      "<chapter><para>&a;</para></chapter></book>"),
              "bad.xml:5:60: error: the entity \"a\" refers to itself (through 2 references): refused");
}

TEST(DocBookReaderErrors, EntityChainsTooDeepAreRefusedWithoutOverflow) {
    // 100,000 entities, each the next one's reference: a recursion the reader must not follow.
    std::string doctype = "<!DOCTYPE book [\n";
    for (int n = 0; n < 100000; ++n)
        doctype += "<!ENTITY e" + std::to_string(n) + " \"&e" + std::to_string(n + 1) + ";\">";
    doctype += "<!ENTITY e100000 \"end\">\n]>\n";
    EXPECT_EQ(refusal(doctype + docbook_root + "<chapter><para>&e0;</para></chapter></book>"),
              "bad.xml:4:60: error: entity references nested more than 64 deep (an entity's text refers to an entity "
              "whose text refers to ...): refused");
}

TEST(DocBookReaderErrors, ExternalEntitiesAreNeverReadAndReportedAsLost) {
    const auto back = read_docbook("<!DOCTYPE book [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n" + docbook_root +
                                       "<chapter><para>a&xxe;b</para></chapter></book>",
                                   "ext.xml");
    ASSERT_EQ(back.status, Status::ok) << back.diagnostics.text();
    EXPECT_EQ(back.diagnostics.text(),
              "ext.xml:2: warning: 1 external entity reference left out (&xxe; is SYSTEM \"file:///etc/passwd\": "
              "fascicle never reads external entities)\n");
    EXPECT_EQ(plain_text(back.book.articles.at(0).introduction.at(0).inlines), "ab");
}

TEST(DocBookReaderErrors, UndeclaredEntitiesAndBadReferences) {
    EXPECT_EQ(refusal(docbook_root + "\n<chapter><para>a&nosuch;b</para></chapter></book>"),
              "bad.xml:2:17: error: undeclared entity &nosuch; (fascicle reads no DTD: it knows &lt; &gt; &amp; "
              "&apos; &quot;, the entities the DOCTYPE declares, DocBook 4's character entities such as &mdash;, and "
              "character references such as &#160;)");
    EXPECT_EQ(refusal(docbook_root + "\n<chapter><para>line one\nAT&T</para></chapter></book>"),
              "bad.xml:3:3: error: '&' starts no entity or character reference (write &amp; for a literal '&')");
    EXPECT_EQ(refusal(docbook_root + "<chapter><para>&#1;</para></chapter></book>"),
              "bad.xml:1:60: error: the character reference &#1; is not a character XML 1.0 allows");
    EXPECT_EQ(refusal(docbook_root + "\n<chapter xml:id=\"a&b\"/></book>"),
              "bad.xml:2:1: error: in the attribute xml:id of <chapter>: '&' starts no entity or character reference "
              "(write &amp; for a literal '&')");
}

TEST(DocBookReaderErrors, BytesThatAreNotOfTheDeclaredEncoding) {
    EXPECT_EQ(refusal(docbook_root + "\n<chapter><para>caf\xE9</para></chapter></book>"),
              "bad.xml:2:19: error: the byte 0xE9 does not begin a valid UTF-8 sequence: DocBook is read as UTF-8");
    EXPECT_EQ(refusal(docbook_root + "\n<chapter><para>bell\x07</para></chapter></book>"),
              "bad.xml:2:20: error: the character U+0007 is not allowed in XML 1.0");
    EXPECT_EQ(refusal("<?xml version=\"1.0\" encoding=\"x-no-such-encoding\"?>\n" + docbook_root + "</book>"),
              "bad.xml:1:1: error: the document declares the encoding \"x-no-such-encoding\", which fascicle does not "
              "know (it reads UTF-8, UTF-16, and what iconv -l lists)");
    EXPECT_EQ(refusal("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n" + docbook_root + "\n<chapter><para>\x82\xFF</para></chapter></book>"),
              "bad.xml:3:16: error: the bytes here are not Shift_JIS, the encoding the document declares");
}

TEST(DocBookReaderErrors, NestingTooDeepIsRefused) {
    std::string xml = docbook_root + "<chapter><para>";
    for (int i = 0; i < 300; ++i) xml += "<emphasis>";
    xml += "deep";
    for (int i = 0; i < 300; ++i) xml += "</emphasis>";
    xml += "</para></chapter></book>";
    EXPECT_EQ(refusal(xml), "bad.xml:1:2590: error: elements are nested more than 256 levels deep here: refused as a "
                            "malicious or broken document (--max-nesting N raises the limit)");
}

// Every cut of a real document is read or refused cleanly: an error and no article, or no error.
TEST(DocBookReaderErrors, TruncatedDocumentsAreRefusedCleanly) {
    const auto xml = fascicle::test::read_file(std::filesystem::path(FASCICLE_DOCBOOK_TEST_DIR) / "data" / "reader-features.xml");
    std::size_t refused = 0;
    for (std::size_t length = 0; length < xml.size(); length += 3) {
        const auto back = read_docbook(xml.substr(0, length), "cut.xml");
        if (back.status == Status::failed) {
            ++refused;
            EXPECT_GE(back.diagnostics.error_count(), 1u) << length;
            EXPECT_TRUE(back.book.articles.empty()) << length;
        } else {
            EXPECT_EQ(back.diagnostics.error_count(), 0u) << length << back.diagnostics.text();
        }
    }
    EXPECT_GT(refused, xml.size() / 3 - 10) << "all but the last few cuts are malformed";
}

}  // namespace
}  // namespace fascicle::docbook
