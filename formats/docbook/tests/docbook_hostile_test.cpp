// Hostile inputs to the DocBook reader's file handling: XInclude loops, escapes and chains,
// nesting far too deep, images outside the document's folder. Each is refused or reported with
// the file, line and what was expected.
#include "read_docbook.hpp"

#include <test_support.hpp>

#include <gtest/gtest.h>

namespace fascicle::docbook {
namespace {

using fascicle::test::TempDir;
using fascicle::test::write_file;

const std::string xi = "xmlns:xi=\"http://www.w3.org/2001/XInclude\"";

std::string book_with(const std::string& body) {
    return "<book xmlns=\"http://docbook.org/ns/docbook\" " + xi + ">\n" + body + "\n</book>\n";
}

std::string chapter_with(const std::string& body) {
    return "<chapter xmlns=\"http://docbook.org/ns/docbook\" " + xi + ">\n" + body + "\n</chapter>\n";
}

TEST(DocBookHostile, XIncludeLoopIsRefusedWhereItCloses) {
    TempDir dir;
    write_file(dir / "a.xml", book_with("<xi:include href=\"b.xml\"/>"));
    write_file(dir / "b.xml", chapter_with("<title>B</title>\n  <xi:include href=\"a.xml\"/>"));
    const auto back = test::read_docbook_file(dir / "a.xml");
    EXPECT_EQ(back.status, Status::failed);
    EXPECT_TRUE(back.book.articles.empty());
    const auto root = dir.path().string();
    EXPECT_EQ(back.diagnostics.text(), root + "/b.xml:3:3: error: <xi:include href=\"a.xml\"> includes a file that is "
                                              "already being included (" + root + "/a.xml): a loop, refused\n");
}

TEST(DocBookHostile, XIncludeOutsideTheFolderIsRefusedUnlessAllowed) {
    TempDir dir;
    write_file(dir / "secret.xml", "<chapter xmlns=\"http://docbook.org/ns/docbook\"><title>S</title><para>secret</para></chapter>");
    write_file(dir / "book" / "book.xml", book_with("<xi:include href=\"../secret.xml\"/>"));
    const auto back = test::read_docbook_file(dir / "book" / "book.xml");
    EXPECT_EQ(back.status, Status::failed);
    const auto root = dir.path().string();
    EXPECT_EQ(back.diagnostics.text(), root + "/book/book.xml:2:1: error: <xi:include href=\"../secret.xml\"> names a "
                                              "file outside the document's folder (" + root + "/book): refused "
                                              "(--docbook-allow-outside allows it)\n");
    const auto allowed = test::read_docbook_file(dir / "book" / "book.xml", {{"docbook-allow-outside", ""}});
    ASSERT_EQ(allowed.status, Status::ok) << allowed.diagnostics.text();
    ASSERT_EQ(allowed.book.articles.size(), 1u);
    EXPECT_EQ(allowed.book.articles[0].title_text(), "S");
}

TEST(DocBookHostile, XIncludeChainsAreLimited) {
    TempDir dir;
    for (int n = 0; n < 40; ++n)
        write_file(dir / ("f" + std::to_string(n) + ".xml"),
                   "<para xmlns=\"http://docbook.org/ns/docbook\" " + xi + ">" + std::to_string(n) +
                       "<xi:include href=\"f" + std::to_string(n + 1) + ".xml\"/></para>");
    write_file(dir / "book.xml", book_with("<chapter><title>C</title><xi:include href=\"f0.xml\"/></chapter>"));
    const auto back = test::read_docbook_file(dir / "book.xml");
    EXPECT_EQ(back.status, Status::failed);
    EXPECT_EQ(back.diagnostics.text(), dir.path().string() + "/f30.xml:1:90: error: <xi:include href=\"f31.xml\">: "
                                                             "includes nested more than 32 files deep, refused\n");
}

TEST(DocBookHostile, XIncludeOfXmlTextPointersAndFallbacks) {
    TempDir dir;
    write_file(dir / "parts" / "ch1.xml",
               "<chapter xmlns=\"http://docbook.org/ns/docbook\" xml:id=\"one\">\n<title>One</title>\n"
               "<para>First <foo>odd</foo>.</para>\n<figure xml:id=\"fig\"><title>F</title>"
               "<mediaobject><imageobject><imagedata fileref=\"img/pic.png\"/></imageobject></mediaobject></figure>\n"
               "</chapter>");
    write_file(dir / "parts" / "img" / "pic.png", "not really a png");
    write_file(dir / "code.txt", "a < b && c\n");
    write_file(dir / "book.xml", book_with(R"(<xi:include href="parts/ch1.xml"/>
<chapter><title>Two</title>
<programlisting><xi:include href="code.txt" parse="text"/></programlisting>
<xi:include href="parts/ch1.xml" xpointer="fig"/>
<xi:include href="missing.xml"><xi:fallback><para>Fallback text.</para></xi:fallback></xi:include>
</chapter>)"));
    const auto back = test::read_docbook_file(dir / "book.xml");
    ASSERT_EQ(back.status, Status::ok) << back.diagnostics.text();
    // What the included file loses is told with its own name and line.
    EXPECT_EQ(back.diagnostics.text(), dir.path().string() + "/parts/ch1.xml:3: warning: 1 <foo> element kept as text\n");
    ASSERT_EQ(back.book.articles.size(), 2u);
    EXPECT_EQ(back.book.articles[0].id, "one");
    const auto& two = back.book.articles[1].introduction;
    ASSERT_EQ(two.size(), 3u) << dump(back.book.articles[1]);
    EXPECT_EQ(two[0].kind, Block::Kind::code_block);
    EXPECT_EQ(two[0].text, "a < b && c\n");
    EXPECT_EQ(two[1].kind, Block::Kind::figure);
    EXPECT_EQ(two[2], Block::paragraph("Fallback text."));
    // The image resolves against the included file's folder.
    ASSERT_NE(back.resources->find("parts/img/pic.png"), nullptr);
    EXPECT_EQ(back.resources->find("parts/img/pic.png")->size, 16u);
}

TEST(DocBookHostile, HundredThousandNestedTablesAreRefusedWithoutOverflow) {
    std::string xml = "<article xmlns=\"http://docbook.org/ns/docbook\"><title>Deep</title>\n";
    for (int n = 0; n < 100000; ++n) xml += "<informaltable><tr><td>";
    xml += "x";
    for (int n = 0; n < 100000; ++n) xml += "</td></tr></informaltable>";
    xml += "</article>";
    const auto back = test::read_docbook(xml, "deep.xml");
    EXPECT_EQ(back.status, Status::failed);
    EXPECT_EQ(back.diagnostics.text(), "deep.xml:2:1956: error: elements are nested more than 256 levels deep here: "
                                       "refused as a malicious or broken document (--max-nesting N raises the limit)\n");
}

TEST(DocBookHostile, ImagesOutsideTheFolderOrMissingAreWarnings) {
    TempDir dir;
    write_file(dir / "secret.png", "png");
    write_file(dir / "book" / "doc.xml", chapter_with(R"(<title>T</title>
<para><inlinemediaobject><imageobject><imagedata fileref="../secret.png"/></imageobject></inlinemediaobject></para>
<para><inlinemediaobject><imageobject><imagedata fileref="gone.png"/></imageobject></inlinemediaobject></para>)"));
    const auto back = test::read_docbook_file(dir / "book" / "doc.xml");
    ASSERT_EQ(back.status, Status::ok) << back.diagnostics.text();
    const auto root = dir.path().string();
    EXPECT_EQ(back.diagnostics.text(),
              root + "/book/doc.xml:3:39: warning: the image \"../secret.png\" is outside the document's folder (" +
                  root + "/book): not read, the image refers to it by its path (--docbook-allow-outside allows it)\n" +
                  root + "/book/doc.xml:4:39: warning: the image \"gone.png\" is not found (" + root +
                  "/book/gone.png): the image refers to it by its path\n");
    EXPECT_EQ(back.resources->size(), 0u);
    const auto& images = back.book.articles.at(0).introduction;
    EXPECT_EQ(images.at(0).inlines.at(0).target, "../secret.png");

    const auto allowed = test::read_docbook_file(dir / "book" / "doc.xml", {{"docbook-allow-outside", ""}});
    ASSERT_NE(allowed.resources->find("outside/secret.png"), nullptr) << allowed.diagnostics.text();
}

}  // namespace
}  // namespace fascicle::docbook

namespace fascicle::docbook {
namespace {

TEST(DocBookHostile, EveryXIncludeRefusalSaysWhy) {
    TempDir dir;
    write_file(dir / "ch.xml", "<chapter xmlns=\"http://docbook.org/ns/docbook\" xml:id=\"c\"><title>C</title></chapter>");
    write_file(dir / "latin.txt", "caf\xE9");
    write_file(dir / "big.xml", std::string(2048, ' ') + "<para xmlns=\"http://docbook.org/ns/docbook\"/>");
    const auto root = dir.path().string();
    const std::vector<std::pair<std::string, std::string>> cases{
        {"<xi:include/>", "<xi:include href=\"\"> names no file: fascicle includes only other files"},
        {"<xi:include href=\"ch.xml\" parse=\"html\"/>", "<xi:include href=\"ch.xml\">: parse=\"html\" is neither \"xml\" nor \"text\""},
        {"<xi:include href=\"https://example.org/x.xml\"/>",
         "<xi:include href=\"https://example.org/x.xml\">: fascicle reads only local files, never over a network"},
        {"<xi:include href=\"none.xml\"/>", "<xi:include href=\"none.xml\">: cannot read the file " + root + "/none.xml"},
        {"<xi:include href=\"ch.xml\" xpointer=\"xpointer(//chapter)\"/>",
         "<xi:include href=\"ch.xml\">: xpointer=\"xpointer(//chapter)\" is not an id or element(id), the only pointers "
         "fascicle follows"},
        {"<xi:include href=\"ch.xml\" xpointer=\"nope\"/>",
         "<xi:include href=\"ch.xml\">: " + root + "/ch.xml has no element with xml:id=\"nope\""},
        {"<xi:include href=\"latin.txt\" parse=\"text\"/>",
         "<xi:include href=\"latin.txt\">: the byte at offset 3 of the file does not begin a valid UTF-8 sequence (an "
         "included text is read as UTF-8)"},
        {"<xi:include href=\"big.xml\"/>",
         "<xi:include href=\"big.xml\">: the included file is larger than 1 KiB (--max-input-size BYTES raises the limit)"},
    };
    for (const auto& [include, message] : cases) {
        write_file(dir / "book.xml", book_with(include));
        const auto back = test::read_docbook_file(dir / "book.xml", {{"max-input-size", "1K"}});
        EXPECT_EQ(back.status, Status::failed) << include;
        EXPECT_EQ(back.diagnostics.text(), root + "/book.xml:2:1: error: " + message + "\n") << include;
    }
}

TEST(DocBookHostile, LossesOfEveryKindNameTheirLine) {
    const auto back = test::read_docbook(R"(<article xmlns="http://docbook.org/ns/docbook" xmlns:mml="http://www.w3.org/1998/Math/MathML">
<title>T</title><titleabbrev>Short</titleabbrev>
<para><inlineequation><mml:math><mml:mi>a</mml:mi></mml:math><mml:math><mml:mi>b</mml:mi></mml:math></inlineequation></para>
<para><olink targetdoc="other">elsewhere</olink></para>
<mediaobject><imageobject><imagedata fileref="https://example.org/x.png"/></imageobject><caption><para>Cap</para></caption></mediaobject>
<informalequation><mediaobject><imageobject><imagedata fileref="https://example.org/e.png"/></imageobject></mediaobject><mathphrase>e</mathphrase></informalequation>
<informaltable><tgroup cols="1"><tbody><row><entrytbl cols="1"><tbody><row><entry>in</entry></row></tbody></entrytbl></row></tbody></tgroup></informaltable>
<section><title>S</title><titleabbrev>Short</titleabbrev><titleabbrev>Shorter</titleabbrev><para>x</para></section>
</article>)",
                                         "loss.xml");
    ASSERT_EQ(back.status, Status::ok) << back.diagnostics.text();
    EXPECT_EQ(back.diagnostics.text(),
              "loss.xml:3: warning: 1 second formula in an inline equation left out\n"
              "loss.xml:4: warning: 1 <olink> element kept as text\n"
              "loss.xml:5: warning: 1 <caption> element kept as the image's alt text\n"
              "loss.xml:6: warning: 1 <mediaobject> element left out (the equation keeps its other forms)\n"
              "loss.xml:7: warning: 1 <entrytbl> element kept as a table in the cell\n"
              "loss.xml:8: warning: 1 <titleabbrev> element left out (the first is kept)\n");
    EXPECT_EQ(back.book.articles.at(0).metadata.get("titleabbrev"), "Short") << "an article's is metadata";
    EXPECT_EQ(back.book.articles.at(0).sections.at(0).attributes.get("titleabbrev"), "Short")
        << "a section's first is the pair the DocBook writer writes back";
}

}  // namespace
}  // namespace fascicle::docbook
