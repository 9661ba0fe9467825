#include "markdown_ir.hpp"

#include "article_text_reader.hpp"
#include "inline_renderer.hpp"
#include "internal_links.hpp"
#include <sample_corpus_book.hpp>

#include <test_support.hpp>

#include <fascicle/text.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace fascicle::markdown::test {

namespace {

void newlines_as_spaces(std::vector<Inline>& inlines) {
    for (auto& i : inlines) {
        if (i.kind == Inline::Kind::text) std::replace(i.text.begin(), i.text.end(), '\n', ' ');
        newlines_as_spaces(i.children);
    }
}

void newlines_as_spaces(std::vector<Block>& blocks) {
    for (auto& b : blocks) {
        newlines_as_spaces(b.inlines);
        newlines_as_spaces(b.children);
        for (auto& item : b.items) newlines_as_spaces(item);
    }
}

void newlines_as_spaces(std::vector<Section>& sections) {
    for (auto& s : sections) {
        newlines_as_spaces(s.blocks);
        newlines_as_spaces(s.subsections);
    }
}

void newlines_as_spaces(Article& a) {
    newlines_as_spaces(a.summary);
    newlines_as_spaces(a.introduction);
    newlines_as_spaces(a.sections);
    newlines_as_spaces(a.conclusion);
}

void append_equivalent(std::vector<Inline>& out, const std::vector<Inline>& inlines, bool in_link) {
    for (const auto& i : inlines) {
        if (i.kind == Inline::Kind::link && in_link) {
            append_equivalent(out, i.children, true);
            continue;
        }
        Inline copy = i;
        copy.children.clear();
        if (i.kind == Inline::Kind::link || i.kind == Inline::Kind::image) {
            // The writer writes a valid URI, or, when none can be made, the text alone.
            const auto destination = link_destination(i.target);
            if (!destination) {
                if (i.kind == Inline::Kind::link) append_equivalent(out, i.children, true);  // links inside: text
                else append_equivalent(out, {Inline::plain(i.text)}, in_link);
                continue;
            }
            copy.target = *destination;
        }
        append_equivalent(copy.children, i.children, in_link || i.kind == Inline::Kind::link);
        if (copy.kind == Inline::Kind::code) {
            std::replace(copy.text.begin(), copy.text.end(), '\n', ' ');
            std::replace(copy.text.begin(), copy.text.end(), '\r', ' ');
        }
        const bool empty = ((copy.kind == Inline::Kind::text || copy.kind == Inline::Kind::code) && copy.text.empty()) ||
                           ((copy.kind == Inline::Kind::emphasis || copy.kind == Inline::Kind::strong) &&
                            copy.children.empty());
        if (empty) continue;
        if ((copy.kind == Inline::Kind::text || copy.kind == Inline::Kind::code) && !out.empty() &&
            out.back().kind == copy.kind)
            out.back().text += copy.text;
        else
            out.push_back(std::move(copy));
    }
}

std::vector<std::string> dump_lines(const Book& book) {
    std::vector<std::string> lines;
    std::istringstream in(dump(book));
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

}  // namespace

::testing::AssertionResult same_book(const Book& expected, const Book& actual) {
    if (expected == actual) return ::testing::AssertionSuccess();
    const auto e = dump_lines(expected), a = dump_lines(actual);
    std::size_t k = 0;
    while (k < e.size() && k < a.size() && e[k] == a[k]) ++k;
    auto failure = ::testing::AssertionFailure();
    failure << "the books differ at line " << k + 1 << " of their dumps";
    if (k > 0) failure << " (after: " << e[k - 1].substr(0, 200) << ")";
    failure << "\nexpected: " << (k < e.size() ? e[k].substr(0, 600) : "<end>")
            << "\nactual:   " << (k < a.size() ? a[k].substr(0, 600) : "<end>");
    if (e == a) failure << "\n(the dumps are equal: a field dump() does not show differs)";
    return failure;
}

Book sample_book_with_metadata() {
    Book book = fascicle::test::sample_corpus_book();
    std::ifstream ini(fascicle::test::sample_corpus_dir() / "book.ini");
    for (std::string line; std::getline(ini, line);) {
        if (line.starts_with("[")) break;  // the [article ID] sections: titles the pipeline applies
        if (line.empty() || line.starts_with("#")) continue;
        const auto eq = line.find(" = ");
        if (eq != std::string::npos) book.metadata.set(line.substr(0, eq), line.substr(eq + 3));
    }
    if (book.metadata.authors().empty()) throw std::runtime_error("samples/corpus/book.ini has no author");
    return book;
}

Book article_text_book(const std::filesystem::path& file) {
    Book book;
    fascicle::test::CollectingArticles articles;
    fascicle::test::RecordingDiagnostics diagnostics;
    article_text::ArticleTextReader reader;
    if (fascicle::test::read_file_with(reader, file, articles, diagnostics) != Status::ok)
        throw std::runtime_error("cannot read " + file.string() + ": " + diagnostics.text());
    book.articles = std::move(articles.articles);
    return book;
}

Book carried_by_markdown(Book book, Written written) {
    if (!written.standalone) {
        Metadata title_only;
        if (!written.split) title_only.title = book.metadata.title;
        book.metadata = title_only;
    }
    auto anchored = [](auto& self, std::vector<Section>& sections) -> void {
        for (auto& s : sections) {
            s.id = anchor_safe(s.id);
            self(self, s.subsections);
        }
    };
    for (auto& a : book.articles) {
        a.source.clear();
        a.metadata = Metadata{};
        if (!written.split) a.id = anchor_safe(a.id);
        anchored(anchored, a.sections);
        newlines_as_spaces(a);
    }
    if (written.split && written.standalone && book.articles.size() == 1) book.metadata.title = book.articles[0].title_text();
    return book;
}

namespace {

// (shown_blocks, below) An HTML block that shows content stands for that content: the reader keeps the HTML (raw, for
// Markdown writers) and what it shows (the children, for the others).
void raw_as_shown(std::vector<Block>& blocks) {  // NOLINT(misc-no-recursion)
    std::vector<Block> out;
    for (auto& b : blocks) {
        raw_as_shown(b.children);
        for (auto& item : b.items) raw_as_shown(item);
        for (auto& d : b.definitions)
            for (auto& definition : d.definitions) raw_as_shown(definition);
        for (auto* rows : {&b.table.head, &b.table.body, &b.table.foot})
            for (auto& row : *rows)
                for (auto& cell : row.cells) raw_as_shown(cell.blocks);
        if (b.kind == Block::Kind::raw && !b.children.empty())
            for (auto& child : b.children) out.push_back(std::move(child));
        else
            out.push_back(std::move(b));
    }
    blocks = std::move(out);
}

void sections_as_read(std::vector<Section>& sections) {
    for (auto& s : sections) {
        s.heading_level = 0;
        raw_as_shown(s.blocks);
        sections_as_read(s.subsections);
    }
}

}  // namespace

std::vector<Block> shown_blocks(std::vector<Block> blocks) {
    raw_as_shown(blocks);
    return blocks;
}

Book as_read(Book book) {
    for (auto& a : book.articles) {
        a.source.clear();
        // The heading levels the reader remembers are the writer's layout, not the book's.
        a.heading_level = 0;
        raw_as_shown(a.summary);
        raw_as_shown(a.introduction);
        raw_as_shown(a.conclusion);
        sections_as_read(a.sections);
        newlines_as_spaces(a);
    }
    return book;
}

std::vector<Inline> markdown_equivalent(const std::vector<Inline>& inlines) {
    std::vector<Inline> out;
    append_equivalent(out, inlines, false);
    while (!out.empty() && out.back().kind == Inline::Kind::line_break) out.pop_back();
    return out;
}

}  // namespace fascicle::markdown::test
