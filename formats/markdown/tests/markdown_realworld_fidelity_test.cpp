// Fidelity on real documents (realworld_dir()/markdown: the CommonMark and GFM specs, pandoc's
// manual and test suite, a chapter of the Rust book): read as GFM, the IR holds at least as many
// images, tables, footnotes, code blocks, strikethroughs, task items and links as cmark-gfm's own
// tree of the same input, and >= 99.5% of its words (as a multiset: the literal text of every
// node but inline HTML, which is markup; the metadata block's words are the book's metadata).
// Prints the table.
#include "cmark_tree.hpp"
#include "markdown_source.hpp"
#include "read_markdown.hpp"

#include <fascicle/input_limits.hpp>
#include <fascicle/ir_walk.hpp>

#include <test_support.hpp>

#include <cmark-gfm.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <iostream>
#include <map>
#include <sstream>

namespace fascicle::markdown::test {
namespace {

namespace fs = std::filesystem;

struct Counts {
    std::map<std::string, std::size_t> words;
    std::size_t images = 0, tables = 0, notes = 0, code = 0, struck = 0, tasks = 0, links = 0, math = 0, sup_sub = 0;
};

void add_words(Counts& c, std::string_view text) {
    std::istringstream in{std::string(text)};
    for (std::string w; in >> w;) ++c.words[w];
}

// HTML's text: each tag (and comment) a space. A block the reader keeps raw loses no words by
// it: its writers report raw HTML they leave out.
std::string without_tags(std::string_view html) {
    std::string out;
    for (std::size_t i = 0; i < html.size(); ++i) {
        if (html[i] != '<') {
            out += html[i];
            continue;
        }
        const std::size_t end = html.find('>', i);
        if (end == std::string_view::npos) {
            out.append(html.substr(i));
            break;
        }
        out += ' ';
        i = end;
    }
    return out;
}

// cmark-gfm's own tree: its nodes and the literal text they hold.
Counts cmark_counts(const std::string& markdown) {
    const CmarkTree tree(markdown, Flavor::gfm);
    Counts c;
    cmark_iter* iter = cmark_iter_new(tree.document());
    for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* n = cmark_iter_get_node(iter);
        const auto type = cmark_node_get_type(n);
        if (type == CMARK_NODE_IMAGE) ++c.images;
        if (type == CMARK_NODE_LINK) ++c.links;
        if (type == CMARK_NODE_CODE_BLOCK) ++c.code;
        if (type == CMARK_NODE_FOOTNOTE_DEFINITION) ++c.notes;
        if (type_name_is(n, "table")) ++c.tables;
        if (type_name_is(n, "strikethrough")) ++c.struck;
        if (type_name_is(n, "tasklist")) ++c.tasks;
        // Inline HTML is markup (tags), not words: the IR holds it as raw inlines, or as what
        // it means (an anchor in a heading is the section's id). An HTML block's words are its
        // text, its tags left out: the reader reads it as HTML.
        if (type == CMARK_NODE_HTML_BLOCK) add_words(c, without_tags(literal_of(n)));
        else if (type != CMARK_NODE_HTML_INLINE) add_words(c, literal_of(n));
    }
    cmark_iter_free(iter);
    return c;
}

// The IR: the same kinds, and the words of everything that holds text.
Counts ir_counts(const Book& book) {
    Counts c;
    IrVisitor v;
    v.block = [&c](const Block& b) {
        if (b.kind == Block::Kind::table) ++c.tables;
        if (b.kind == Block::Kind::code_block) ++c.code;
        if (b.kind == Block::Kind::display_math) ++c.math;
        for (Task t : b.tasks) c.tasks += t != Task::none;
        add_words(c, b.text);
    };
    v.inline_ = [&c](const Inline& i) {
        switch (i.kind) {
            case Inline::Kind::image: ++c.images; break;
            case Inline::Kind::note: ++c.notes; break;
            case Inline::Kind::strikethrough: ++c.struck; break;
            case Inline::Kind::link:
            case Inline::Kind::reference: ++c.links; break;
            case Inline::Kind::math: ++c.math; break;
            case Inline::Kind::superscript:
            case Inline::Kind::subscript: ++c.sup_sub; break;
            default: break;
        }
        if (i.kind != Inline::Kind::raw) add_words(c, i.text);
        add_words(c, i.math.tex);
    };
    for (const auto& a : book.articles) walk(a, v);
    return c;
}

std::size_t total(const std::map<std::string, std::size_t>& words) {
    std::size_t n = 0;
    for (const auto& [w, k] : words) n += k;
    return n;
}

std::size_t kept(const std::map<std::string, std::size_t>& source, const std::map<std::string, std::size_t>& read) {
    std::size_t n = 0;
    for (const auto& [w, k] : source) {
        auto it = read.find(w);
        if (it != read.end()) n += std::min(k, it->second);
    }
    return n;
}

// Some of the words the IR lacks, for a failure's message.
std::string missing_words(const std::map<std::string, std::size_t>& source, const std::map<std::string, std::size_t>& read) {
    std::string out;
    std::size_t shown = 0;
    for (const auto& [w, k] : source) {
        auto it = read.find(w);
        const std::size_t got = it == read.end() ? 0 : it->second;
        if (got < k && shown++ < 40) out += w + " (" + std::to_string(k - got) + ") ";
    }
    return out;
}

// The document without its metadata block: the block's words are the book's metadata.
std::string without_metadata_block(const std::string& markdown) {
    std::istringstream in(markdown);
    fascicle::test::RecordingDiagnostics sink;
    InputDiagnostics diagnostics(sink, "source");
    auto source = read_markdown_source(in, fascicle::default_max_input_size, diagnostics);
    return source ? source->markdown : markdown;
}

TEST(MarkdownRealWorld, EveryDocumentKeepsItsWordsAndItsKinds) {
    const fs::path dir = fascicle::test::realworld_dir() / "markdown";
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".txt" || e.path().extension() == ".md") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    ASSERT_GE(files.size(), 5u);

    std::ostringstream table;
    table << "| document | words source | words kept | images | tables | notes | code | struck | tasks | links | "
             "math | sup/sub |\n|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n";
    for (const auto& file : files) {
        SCOPED_TRACE(file.filename().string());
        const std::string markdown = fascicle::test::read_file(file);
        const Counts source = cmark_counts(without_metadata_block(markdown));
        auto read = read_markdown_file(file, {{"markdown-flavor", "gfm"}});
        ASSERT_EQ(read.status, Status::ok) << problems(read);
        Counts ir = ir_counts(read.book);
        // The metadata block's words are the book's metadata (cmark-gfm reads the block as text).
        for (const auto& entry : read.book.metadata.entries()) add_words(ir, entry.second);

        const std::size_t words = total(source.words), kept_words = kept(source.words, ir.words);
        char ratio[16];
        std::snprintf(ratio, sizeof ratio, "%.2f%%", 100.0 * static_cast<double>(kept_words) / static_cast<double>(words));
        auto pair = [](std::size_t src, std::size_t got) { return std::to_string(got) + "/" + std::to_string(src); };
        table << "| " << file.filename().string() << " | " << words << " | " << kept_words << " (" << ratio << ") | "
              << pair(source.images, ir.images) << " | " << pair(source.tables, ir.tables) << " | "
              << pair(source.notes, ir.notes) << " | " << pair(source.code, ir.code) << " | "
              << pair(source.struck, ir.struck) << " | " << pair(source.tasks, ir.tasks) << " | "
              << pair(source.links, ir.links) << " | " << ir.math << " | " << ir.sup_sub << " |\n";

        EXPECT_GE(static_cast<double>(kept_words), 0.995 * static_cast<double>(words)) << missing_words(source.words, ir.words);
        EXPECT_GE(ir.images, source.images);
        EXPECT_GE(ir.tables, source.tables);
        EXPECT_GE(ir.notes, source.notes);
        EXPECT_GE(ir.code, source.code);
        EXPECT_GE(ir.struck, source.struck);
        EXPECT_GE(ir.tasks, source.tasks);
        EXPECT_GE(ir.links, source.links);
    }
    std::cout << table.str();
}

}  // namespace
}  // namespace fascicle::markdown::test
