// The round trip of the feature book (tests/support/feature_book.hpp, every kind of the model):
// written by the Markdown writer as GFM (its image beside the document), read back by the reader
// as GFM with --markdown-math dollars, it gives the same IR but for what is listed in
// `without_what_gfm_cannot_carry` below, each with its reason (the exceptions that remain).
#include "markdown_ir.hpp"
#include "markdown_writer.hpp"
#include "read_markdown.hpp"

#include <fascicle/ir_walk.hpp>

#include <feature_book.hpp>
#include <test_support.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>

namespace fascicle::markdown::test {
namespace {

namespace fs = std::filesystem;

// What the writer's GFM cannot carry, made equal on both sides (`written`: the book given to the
// writer; otherwise the book read back):
//  (what the writer writes as HTML — figures, definition lists, tables a pipe table cannot hold —
//  comes back as it was: the reader maps HTML blocks into the IR);
//  - a line block is a paragraph of lines ended by hard breaks, leading spaces no-break spaces;
//  - MathML (the writer writes the TeX); a code block's final line end; list numbering styles
//    (Markdown has only numbers); a tight list whose items hold several blocks (written loose);
//  - a reference with no text of its own is written with the id it names as its text.
void without_what_gfm_cannot_carry(std::vector<Block>& blocks, bool written);

void without_what_gfm_cannot_carry(std::vector<Inline>& inlines, bool written) {
    for (auto& i : inlines) {
        i.math.mathml.clear();
        if (written && i.kind == Inline::Kind::reference && i.children.empty()) {
            const auto [article, local] = split_reference(i.target);
            i.children.push_back(Inline::plain(std::string(local.empty() ? article : local)));
        }
        without_what_gfm_cannot_carry(i.children, written);
        without_what_gfm_cannot_carry(i.blocks, written);
    }
}

void without_what_gfm_cannot_carry(std::vector<Block>& blocks, bool written) {
    std::vector<Block> out;
    for (auto& b : blocks) {
        if (written && b.kind == Block::Kind::line_block) {
            Block p;
            for (auto& line : b.lines) {
                if (!p.inlines.empty()) p.inlines.push_back(Inline::wrap(Inline::Kind::line_break, {}));
                if (!line.empty() && line[0].kind == Inline::Kind::text) {
                    std::string& t = line[0].text;
                    std::size_t spaces = 0;
                    while (spaces < t.size() && t[spaces] == ' ') ++spaces;
                    std::string nbsp;
                    for (std::size_t k = 0; k < spaces; ++k) nbsp += "\u00A0";
                    t = nbsp + t.substr(spaces);
                }
                for (auto& i : line) p.inlines.push_back(std::move(i));
            }
            b = std::move(p);
        }
        if (written && b.kind == Block::Kind::code_block && b.text.ends_with('\n')) b.text.pop_back();
        b.style = ListStyle::decimal;
        // Items of more than one block are written apart by blank lines: such a list is loose.
        if (written && std::any_of(b.items.begin(), b.items.end(), [](const auto& item) { return item.size() > 1; }))
            b.tight = false;
        b.math.mathml.clear();
        without_what_gfm_cannot_carry(b.inlines, written);
        without_what_gfm_cannot_carry(b.children, written);
        without_what_gfm_cannot_carry(b.attribution, written);
        without_what_gfm_cannot_carry(b.caption, written);
        for (auto& item : b.items) without_what_gfm_cannot_carry(item, written);
        out.push_back(std::move(b));
    }
    blocks = std::move(out);
}

Book without_what_gfm_cannot_carry(Book book, bool written) {
    for (auto& a : book.articles) {
        without_what_gfm_cannot_carry(a.title, written);
        without_what_gfm_cannot_carry(a.summary, written);
        without_what_gfm_cannot_carry(a.introduction, written);
        without_what_gfm_cannot_carry(a.conclusion, written);
        std::vector<Section*> open;
        for (auto& s : a.sections) open.push_back(&s);
        while (!open.empty()) {
            Section* s = open.back();
            open.pop_back();
            without_what_gfm_cannot_carry(s->title, written);
            without_what_gfm_cannot_carry(s->blocks, written);
            for (auto& sub : s->subsections) open.push_back(&sub);
        }
    }
    return book;
}

ReadMarkdown write_and_read(const fascicle::test::FeatureBook& feature, const fs::path& dir) {
    MarkdownWriter writer(Flavor::gfm);
    fascicle::test::FileOutput output(dir / "book.md");
    fascicle::test::RecordingDiagnostics diagnostics;
    EXPECT_EQ(fascicle::test::write_book(writer, feature.book, output, diagnostics, {}, false, &feature.resources),
              Status::ok)
        << diagnostics.text();
    output.close();
    return read_markdown_file(dir / "book.md", {{"markdown-math", "dollars"}}, Flavor::gfm);
}

TEST(MarkdownReaderFeatureBook, GfmRoundTrip) {
    fascicle::test::FeatureBook feature;
    fascicle::test::make_feature_book(feature);
    fascicle::test::TempDir dir;
    ReadMarkdown read = write_and_read(feature, dir.path());
    ASSERT_EQ(read.status, Status::ok) << read.diagnostics.text();
    EXPECT_EQ(read.resources, (std::vector<std::string>{"images/engine.png"}));
    const Book expected = without_what_gfm_cannot_carry(carried_by_markdown(feature.book, {}), true);
    const Book actual = without_what_gfm_cannot_carry(as_read(std::move(read.book)), false);
    if (std::getenv("FASCICLE_DUMP_FEATURE_BOOK")) {
        std::ofstream("/tmp/fb_expected.txt") << dump(expected);
        std::ofstream("/tmp/fb_actual.txt") << dump(actual);
    }
    EXPECT_TRUE(same_book(expected, actual));
}

}  // namespace
}  // namespace fascicle::markdown::test
