// The hostile-input suite: the real fascicle executable and the real format plugins against inputs
// and conditions meant to break them. Each case asserts the message, the exit status, and that
// nothing is left behind: no output file, no temporary file, an existing output untouched.
#include "zip_fixture.hpp"

#include <test_support.hpp>

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace fascicle::test;

namespace {

constexpr int exit_usage = 64;
constexpr int exit_invalid_input = 65;
constexpr int exit_output_not_written = 73;

const std::string previous_output = "the output of an earlier run\n";

std::vector<std::string> entries(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A folder holding one hostile input and, for half the cases, an earlier output that must survive.
class Hostile : public ::testing::Test {
protected:
    fs::path input(const std::string& name, const std::string& bytes) {
        write_file(dir_ / name, bytes);
        return dir_ / name;
    }
    fs::path existing_output(const std::string& name) {
        write_file(dir_ / name, previous_output);
        return dir_ / name;
    }

    // Converts `in` to `out` and checks the run failed with `status` and `message`, leaving the
    // folder as it was (so no output, no temporary file, an existing output unchanged).
    void expect_refused(const fs::path& in, const fs::path& out, int status, const std::string& message,
                        std::vector<std::string> extra_args = {}) {
        const auto before = entries(dir_.path());
        const bool existed = fs::exists(out);
        std::vector<std::string> args{in.string(), "-o", out.string()};
        args.insert(args.end(), extra_args.begin(), extra_args.end());
        const auto r = run_fascicle(args);
        EXPECT_EQ(r.status, status) << r.err;
        EXPECT_TRUE(contains(r.err, message)) << "expected \"" << message << "\" in:\n" << r.err;
        EXPECT_EQ(entries(dir_.path()), before) << r.err;
        if (existed) {
            EXPECT_EQ(read_file(out), previous_output);
        }
    }

    TempDir dir_;
};

// Runs fascicle through a shell with a file size limit (ulimit -f, in KiB): a full disk, as a writer sees it.
CommandResult run_fascicle_with_file_limit(unsigned kib, const std::vector<std::string>& args) {
    std::string command = "ulimit -f " + std::to_string(kib) + "; exec env -u FASCICLE_PLUGIN_PATH " +
                          shell_quote(FASCICLE_EXE);
    for (const auto& a : args) command += " " + shell_quote(a);
    return run_shell(command + " </dev/null");
}

std::string corpus_article() { return read_file(sample_corpus_dir() / "000_f53ed46ec5733f67.txt"); }

// An article-text article with `sections` sections.
std::string article_with_sections(int sections) {
    std::string toc, body;
    for (int i = 1; i <= sections; ++i) {
        toc += "- Section " + std::to_string(i) + "\n";
        body += "Section " + std::to_string(i) + "\nText of section " + std::to_string(i) + ".\n";
    }
    return "Summary.\nIntroduction.\n" + toc + body + "Conclusion.";
}

std::string docbook_with_doctype(const std::string& doctype) {
    return "<?xml version=\"1.0\"?>\n" + doctype +
           "\n<book xmlns=\"http://docbook.org/ns/docbook\" version=\"5.0\"><title>&e;</title></book>\n";
}

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
    return n;
}

// --- Bytes that are not text ---------------------------------------------------------------------

TEST_F(Hostile, InvalidUtf8IsRefusedWithItsPosition) {
    expect_refused(input("bad.txt", "Summary \xFF\xFE here.\nIntroduction."), existing_output("out.md"),
                   exit_invalid_input, "bad.txt:1:9: error: the byte 0xFF does not begin a valid UTF-8 sequence");
    expect_refused(input("bad.md", "# Book\n\nText \xC3\x28 here.\n"), dir_ / "out.txt", exit_invalid_input,
                   "bad.md:3:6: error: the byte 0xC3 does not begin a valid UTF-8 sequence");
}

TEST_F(Hostile, NulBytesAreRefusedInEveryTextFormat) {
    expect_refused(input("nul.txt", std::string("Summary\0 here.\nIntroduction.", 28)), dir_ / "out.md",
                   exit_invalid_input, "nul.txt:1:8: error: control character U+0000");
    expect_refused(input("nul.md", std::string("# Book\n\nA\0B\n", 12)), existing_output("out.txt"),
                   exit_invalid_input, "nul.md:3:2: error: a NUL byte in the text");
    expect_refused(input("nul.xml", std::string("<book>\0</book>", 14)), dir_ / "out.md", exit_invalid_input,
                   "nul.xml:1:7: error: the character U+0000 is not allowed in XML 1.0");
}

TEST_F(Hostile, BinaryFilesAreRefusedByEveryReader) {
    const std::string binary = read_file(FASCICLE_EXE).substr(0, 4096);
    for (const std::string name : {"binary.txt", "binary.md", "binary.xml", "binary.epub"}) {
        SCOPED_TRACE(name);
        expect_refused(input(name, binary), dir_ / "out.md", exit_invalid_input, name + ":");
        fs::remove(dir_ / name);
    }
}

// --- Size --------------------------------------------------------------------------------------------

TEST_F(Hostile, HundredMegabyteLineIsReadOrRefusedByTheInputLimit) {
    const auto in = input("long.txt", "Summary " + std::string(100u << 20, 'x') + "\nIntroduction.\n- A\nA\nText.\nEnd.");
    expect_refused(in, existing_output("out.xml"), exit_invalid_input,
                   "long.txt: error: the input is larger than 64 MiB, the most a reader takes; --max-input-size BYTES "
                   "raises the limit",
                   {"--max-input-size", "64M"});

    const auto r = run_fascicle({in.string(), "-o", (dir_ / "new.xml").string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_GT(fs::file_size(dir_ / "new.xml"), 100u << 20);
}

TEST_F(Hostile, InputLimitAppliesToEveryReader) {
    const std::string big(2048, 'x');
    expect_refused(input("big.md", "# Book\n\n" + big), dir_ / "out.txt", exit_invalid_input,
                   "big.md: error: the input is larger than 1 KiB", {"--max-input-size", "1K"});
    expect_refused(input("big.xml", "<book>" + big + "</book>"), dir_ / "out.md", exit_invalid_input,
                   "big.xml: error: the input is larger than 1 KiB", {"--max-input-size", "1024"});
}

TEST_F(Hostile, BadLimitValuesAreUsageErrors) {
    const auto in = input("a.txt", corpus_article());
    for (const std::string value : {"0", "-1", "lots", "12Q", "99999999999999999999"})
        expect_refused(in, dir_ / "out.md", exit_usage, "--max-input-size expects a number of bytes",
                       {"--max-input-size", value});
    expect_refused(input("a.md", "# A\n"), dir_ / "out.txt", exit_usage, "--max-nesting expects a whole number from 1 to 1000",
                   {"--max-nesting", "5000"});
}

TEST_F(Hostile, TenThousandSectionsAreConverted) {
    const auto in = input("many.txt", article_with_sections(10000));
    for (const std::string out : {"many.xml", "many.epub", "many.md"}) {
        SCOPED_TRACE(out);
        const auto r = run_fascicle({in.string(), "-o", (dir_ / out).string(), "--metadata", "language=en"});
        ASSERT_EQ(r.status, 0) << r.err;
    }
    const auto docbook = read_file(dir_ / "many.xml");
    EXPECT_EQ(count(docbook, "<section xml:id=\"many.section-"), 10000u);
    EXPECT_EQ(count(docbook, "<section xml:id=\"many.conclusion\">"), 1u);
    EXPECT_EQ(count(read_file(dir_ / "many.md"), "\n### Section "), 10000u);
}

// --- Nesting -----------------------------------------------------------------------------------------

TEST_F(Hostile, DeeplyNestedMarkdownListsAreRefusedUnlessTheLimitIsRaised) {
    std::string lists = "# Book\n\n";
    for (int i = 0; i < 300; ++i) lists += std::string(2 * i, ' ') + "- item\n";
    const auto in = input("lists.md", lists);
    expect_refused(in, existing_output("out.txt"), exit_invalid_input,
                   "lists.md:103:201: error: block quotes and lists are nested more than 100 levels deep here: Fascicle "
                   "reads at most 100 (--max-nesting N raises the limit)");
    const auto r = run_fascicle({in.string(), "-o", (dir_ / "deep.txt").string(), "--max-nesting", "400"});
    EXPECT_EQ(r.status, 0) << r.err;
}

TEST_F(Hostile, DeeplyNestedMarkdownBlockQuotesAreRefused) {
    std::string quotes = "# Book\n\n";
    for (int i = 0; i < 50000; ++i) quotes += "> ";
    expect_refused(input("quotes.md", quotes + "deep\n"), dir_ / "out.txt", exit_invalid_input,
                   "quotes.md:3:201: error: block quotes and lists are nested more than 100 levels deep here");
}

TEST_F(Hostile, DeeplyNestedDocBookIsRefused) {
    std::string xml = "<book xmlns=\"http://docbook.org/ns/docbook\" version=\"5.0\"><title>T</title><chapter><title>C</title>";
    for (int i = 0; i < 100000; ++i) xml += "<blockquote>";
    for (int i = 0; i < 100000; ++i) xml += "</blockquote>";
    xml += "</chapter></book>";
    expect_refused(input("deep.xml", xml), dir_ / "out.md", exit_invalid_input,
                   "error: elements are nested more than 256 levels deep here: refused as a malicious or broken "
                   "document (--max-nesting N raises the limit)");
}

// --- XML entities ------------------------------------------------------------------------------------

TEST_F(Hostile, BillionLaughsIsRefusedWithoutExpanding) {
    std::string doctype = "<!DOCTYPE book [\n<!ENTITY e0 \"lol\">\n";
    for (int i = 1; i <= 9; ++i) {
        doctype += "<!ENTITY e" + std::to_string(i) + " \"";
        for (int k = 0; k < 10; ++k) doctype += "&e" + std::to_string(i - 1) + ";";
        doctype += "\">\n";
    }
    doctype += "<!ENTITY e \"&e9;\">\n]>";
    expect_refused(input("laughs.xml", docbook_with_doctype(doctype)), existing_output("out.md"), exit_invalid_input,
                   "laughs.xml:15:66: error: entity references expand the document by more than 4 MiB, the most fascicle "
                   "allows: refused as an entity amplification (\"billion laughs\")");
}

TEST_F(Hostile, ExternalEntitiesAreNeverRead) {
    // DocBook: the reference is left out with a warning (the rest of the book converts), and is an
    // error with --fail-on-loss. The file is never opened.
    const std::string xxe =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE book [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
        "<book xmlns=\"http://docbook.org/ns/docbook\" version=\"5.0\"><title>Book</title>\n"
        "<chapter><title>C</title><para>Text &e; here.</para></chapter></book>\n";
    const std::string left_out =
        "xxe.xml:4: warning: 1 external entity reference left out (&e; is SYSTEM \"file:///etc/passwd\": fascicle never "
        "reads external entities)";
    const auto converted = run_fascicle({input("xxe.xml", xxe).string(), "-o", (dir_ / "xxe.md").string()});
    EXPECT_EQ(converted.status, 0) << converted.err;
    EXPECT_TRUE(contains(converted.err, left_out)) << converted.err;
    EXPECT_TRUE(contains(read_file(dir_ / "xxe.md"), "Text  here.")) << read_file(dir_ / "xxe.md");
    EXPECT_FALSE(contains(read_file(dir_ / "xxe.md"), "root:"));
    fs::remove(dir_ / "xxe.md");
    expect_refused(dir_ / "xxe.xml", dir_ / "out.md", exit_invalid_input,
                   "xxe.xml:4: error: 1 external entity reference left out (&e; is SYSTEM \"file:///etc/passwd\": fascicle "
                   "never reads external entities) (--fail-on-loss)",
                   {"--fail-on-loss"});

    auto epub = minimal_epub_entries();
    auto& chapter = epub.back().bytes;
    chapter.replace(chapter.find("<html"), 0, "<!DOCTYPE html [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>");
    chapter.replace(chapter.find("Introduction."), 13, "&e;");
    write_zip(dir_ / "xxe.epub", epub);
    expect_refused(dir_ / "xxe.epub", dir_ / "out.md", exit_invalid_input, "xxe.epub(EPUB/c.xhtml):1:38: error: malformed content document: the DOCTYPE declares entities: refused");
}

// --- Archives ----------------------------------------------------------------------------------------

TEST_F(Hostile, AnEpubThatIsNotAZipIsRefused) {
    expect_refused(input("text.epub", "just some text, not an archive\n"), existing_output("out.md"),
                   exit_invalid_input, "text.epub: error: not an EPUB: not a zip archive");
}

TEST_F(Hostile, ATruncatedArchiveIsRefused) {
    write_zip(dir_ / "whole.epub", minimal_epub_entries());
    const auto whole = read_file(dir_ / "whole.epub");
    fs::remove(dir_ / "whole.epub");
    expect_refused(input("cut.epub", whole.substr(0, whole.size() / 2)), dir_ / "out.md", exit_invalid_input,
                   "cut.epub: error: not an EPUB: the zip archive is truncated or damaged");
}

TEST_F(Hostile, AZipBombIsRefusedBeforeItInflates) {
    // 80 MiB of spaces deflate to about 80 KB: past the per-entry limit of 64 MiB.
    auto epub = minimal_epub_entries();
    epub.back().bytes += "<!--" + std::string(80u << 20, ' ') + "-->";
    write_zip(dir_ / "bomb.epub", epub);
    expect_refused(dir_ / "bomb.epub", existing_output("out.md"), exit_invalid_input,
                   "bomb.epub: error: entry \"EPUB/c.xhtml\" declares " + std::to_string(epub.back().bytes.size()) +
                       " bytes uncompressed, more than the limit of 64 MiB an entry: refused as a possible zip bomb "
                       "(--max-entry-size BYTES raises the limit)");
}

TEST_F(Hostile, AnEntryPastTheEntryLimitIsRefusedAndTheLimitIsAnOption) {
    auto epub = minimal_epub_entries();
    epub.back().bytes += "<!--" + std::string(900u << 10, 'x') + "-->";  // under the 100:1 ratio rule's floor
    write_zip(dir_ / "big.epub", epub);
    expect_refused(dir_ / "big.epub", dir_ / "out.md", exit_invalid_input,
                   "more than the limit of 512 KiB an entry: refused as a possible zip bomb (--max-entry-size",
                   {"--max-entry-size", "512K"});
    const auto r = run_fascicle({(dir_ / "big.epub").string(), "-o", (dir_ / "out.md").string()});
    EXPECT_EQ(r.status, 0) << r.err;
}

TEST_F(Hostile, EntriesNamedOutsideTheArchiveAreRefused) {
    auto epub = minimal_epub_entries();
    epub.push_back({"../../escape.xhtml", "<html/>"});
    write_zip(dir_ / "dots.epub", epub);
    expect_refused(dir_ / "dots.epub", dir_ / "out.md", exit_invalid_input,
                   "dots.epub: error: entry \"../../escape.xhtml\" escapes the archive");
    EXPECT_FALSE(fs::exists(dir_.path().parent_path().parent_path() / "escape.xhtml"));
}

TEST_F(Hostile, AMissingSpineItemIsRefused) {
    auto epub = minimal_epub_entries();
    epub.pop_back();  // EPUB/c.xhtml, the spine's one item
    write_zip(dir_ / "hole.epub", epub);
    expect_refused(dir_ / "hole.epub", existing_output("out.md"), exit_invalid_input,
                   "hole.epub(EPUB/p.opf):1:272: error: spine item \"c\": EPUB/c.xhtml is missing from the archive");
}

// --- Where the output goes -----------------------------------------------------------------------

TEST_F(Hostile, AnOutputFolderThatCannotBeWrittenLeavesNothing) {
    const auto in = input("a.txt", corpus_article());
    // A folder that is a file cannot hold anything, whoever runs the test (root ignores modes).
    write_file(dir_ / "not-a-folder", "x");
    expect_refused(in, dir_ / "not-a-folder" / "out.epub", exit_output_not_written,
                   "not-a-folder/out.epub: error: cannot create the output file: Not a directory");
    const auto r = run_fascicle({in.string(), "-t", "markdown", "--split", (dir_ / "not-a-folder" / "split").string()});
    EXPECT_EQ(r.status, exit_output_not_written) << r.err;
    EXPECT_EQ(read_file(dir_ / "not-a-folder"), "x");

    if (::geteuid() != 0) {
        fs::create_directory(dir_ / "locked");
        fs::permissions(dir_ / "locked", fs::perms::owner_read | fs::perms::owner_exec);
        expect_refused(in, dir_ / "locked" / "out.md", exit_output_not_written, "Permission denied");
        EXPECT_TRUE(fs::is_empty(dir_ / "locked"));
        fs::permissions(dir_ / "locked", fs::perms::owner_all);
    }
}

// Without SIGXFSZ ignored, the kernel killed fascicle mid-write and left its temporary file behind.
TEST_F(Hostile, AFullDiskFailsCleanlyAndLeavesNothing) {
    // 16 KiB of file size: the corpus as a book is larger than that in every format.
    for (const std::string out : {"book.xml", "book.md", "book.epub", "book.txt"}) {
        SCOPED_TRACE(out);
        existing_output(out);
        const auto before = entries(dir_.path());
        const auto r = run_fascicle_with_file_limit(
            16, {sample_corpus_dir().string(), "-o", (dir_ / out).string(), "--metadata", "language=en", "-j", "1"});
        EXPECT_EQ(r.status, exit_output_not_written) << r.err;
        EXPECT_TRUE(contains(r.err, "error: cannot write the")) << r.err;
        EXPECT_EQ(entries(dir_.path()), before);
        EXPECT_EQ(read_file(dir_ / out), previous_output);
    }
}

// --- No articles ---------------------------------------------------------------------------------

TEST_F(Hostile, AnInputFolderWithNoArticlesIsAnError) {
    fs::create_directory(dir_ / "empty");
    expect_refused(dir_ / "empty", existing_output("out.epub"), exit_invalid_input,
                   "empty: error: the folder holds no articles");
    write_file(dir_ / "metadata-only" / "book.ini", "title = Nothing\n");
    write_file(dir_ / "metadata-only" / "notes.pdf", "%PDF-1.4\n");
    expect_refused(dir_ / "metadata-only", dir_ / "out.md", exit_invalid_input,
                   "metadata-only: error: the folder holds no articles");
}

}  // namespace
