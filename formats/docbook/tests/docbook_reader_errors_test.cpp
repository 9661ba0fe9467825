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
              "bad.xml:1:1: error: expected a DocBook 5 document: a <book>, <chapter> or <article> root element in the "
              "namespace http://docbook.org/ns/docbook, but the root element is <html> in the namespace "
              "http://www.w3.org/1999/xhtml");
    EXPECT_EQ(refusal("<?xml version=\"1.0\"?>\n<section xmlns=\"http://docbook.org/ns/docbook\"/>"),
              "bad.xml:2:1: error: expected a DocBook 5 document: a <book>, <chapter> or <article> root element in the "
              "namespace http://docbook.org/ns/docbook, but the root element is <section> in the namespace "
              "http://docbook.org/ns/docbook");
    EXPECT_NE(refusal("<book xmlns=\"urn:not-docbook\"/>").find("<book> in the namespace urn:not-docbook"),
              std::string::npos);
}

TEST(DocBookReaderErrors, EntityBombIsRefusedAtItsDeclaration) {
    const std::string billion_laughs = R"(<?xml version="1.0"?>
<!DOCTYPE book [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<book xmlns="http://docbook.org/ns/docbook"><chapter><para>&lol3;</para></chapter></book>)";
    const auto message = refusal(billion_laughs);
    EXPECT_EQ(message.rfind("bad.xml:3:3: error: the DOCTYPE declares the entity \"lol\": fascicle processes no DTD and "
                            "expands no entities",
                            0),
              0u)
        << message;
    EXPECT_NE(message.find("billion laughs"), std::string::npos) << message;
}

TEST(DocBookReaderErrors, ExternalEntitiesAreRefused) {
    EXPECT_EQ(refusal("<!DOCTYPE book [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n" + docbook_root +
                      "<chapter><para>&xxe;</para></chapter></book>"),
              "bad.xml:1:17: error: the DOCTYPE declares the external entity \"xxe\" (SYSTEM \"file:///etc/passwd\"): "
              "fascicle never reads external entities or fetches anything; the document is refused");
    EXPECT_EQ(refusal("<!DOCTYPE book [\n<!ENTITY % remote PUBLIC \"-//X//Y\" \"http://example.com/evil.dtd\">\n%remote;\n]>\n" +
                      docbook_root + "</book>"),
              "bad.xml:2:1: error: the DOCTYPE declares the external parameter entity \"remote\" (PUBLIC \"-//X//Y\" "
              "\"http://example.com/evil.dtd\"): fascicle never reads external entities or fetches anything; the "
              "document is refused");
}

TEST(DocBookReaderErrors, UndeclaredEntitiesAndBadReferences) {
    EXPECT_EQ(refusal(docbook_root + "\n<chapter><para>a&nbsp;b</para></chapter></book>"),
              "bad.xml:2:17: error: undeclared entity &nbsp; (fascicle reads no DTD: only &lt; &gt; &amp; &apos; &quot; "
              "and character references such as &#160; are known)");
    EXPECT_EQ(refusal(docbook_root + "\n<chapter><para>line one\nAT&T</para></chapter></book>"),
              "bad.xml:3:3: error: '&' starts no entity or character reference (write &amp; for a literal '&')");
    EXPECT_EQ(refusal(docbook_root + "<chapter><para>&#1;</para></chapter></book>"),
              "bad.xml:1:60: error: the character reference &#1; is not a character XML 1.0 allows");
    EXPECT_EQ(refusal(docbook_root + "\n<chapter xml:id=\"a&b\"/></book>"),
              "bad.xml:2:1: error: in the attribute xml:id of <chapter>: '&' starts no entity or character reference "
              "(write &amp; for a literal '&')");
}

TEST(DocBookReaderErrors, BytesThatAreNotUtf8XmlText) {
    EXPECT_EQ(refusal(docbook_root + "\n<chapter><para>caf\xE9</para></chapter></book>"),
              "bad.xml:2:19: error: the byte 0xE9 does not begin a valid UTF-8 sequence: DocBook is read as UTF-8");
    EXPECT_EQ(refusal(docbook_root + "\n<chapter><para>bell\x07</para></chapter></book>"),
              "bad.xml:2:20: error: the character U+0007 is not allowed in XML 1.0");
    EXPECT_EQ(refusal("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + docbook_root + "</book>"),
              "bad.xml:1:1: error: the document declares the encoding \"ISO-8859-1\": DocBook is read as UTF-8 (iconv "
              "-f ISO-8859-1 -t UTF-8 converts it)");
    EXPECT_EQ(refusal(std::string("\xFF\xFE<\0b\0", 6)),
              "bad.xml:1:1: error: the document is UTF-16 (it starts with a UTF-16 byte-order mark): DocBook is read as "
              "UTF-8 (iconv -f UTF-16 -t UTF-8 converts it)");
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
