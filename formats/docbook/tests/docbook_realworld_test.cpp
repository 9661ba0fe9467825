// Fidelity on real documents (../shared/realworld/docbook, see its MANIFEST.md): each is read,
// and what the document model holds is counted against what the source holds, counted by
// pugixml here: images, tables, footnotes, formulas, variable lists, code blocks, super- and
// subscripts and links at least as many; the words of the text kept at 99.5% or more.
#include "read_docbook.hpp"

#include <fascicle/ir_walk.hpp>

#include <pugixml.hpp>

#include <gtest/gtest.h>

#include <cstdio>
#include <iostream>
#include <map>
#include <string_view>

namespace fascicle::docbook {
namespace {

struct Counts {
    std::size_t images = 0, tables = 0, notes = 0, math = 0, dl = 0, code = 0, supsub = 0, links = 0;
};

// Words: runs of ASCII letters and digits (so punctuation and quotation marks do not matter).
void add_words(std::string_view text, std::map<std::string, std::size_t>& words) {
    std::string word;
    for (char c : text) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (alnum) word += c;
        else if (!word.empty()) {
            ++words[word];
            word.clear();
        }
    }
    if (!word.empty()) ++words[word];
}

std::string_view local(const pugi::xml_node& n) {
    std::string_view name = n.name();
    const auto colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// The source's counts and words. Entity references are left out of the words (they are not
// expanded here); index terms are not text (the reader keeps them as attributes).
void count_source(pugi::xml_node node, Counts& counts, std::map<std::string, std::size_t>& words, bool in_info = false) {
    for (auto child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            std::string text = child.value();
            if (child.type() == pugi::node_pcdata) {
                for (auto amp = text.find('&'); amp != std::string::npos; amp = text.find('&', amp)) {
                    const auto semicolon = text.find(';', amp);
                    if (semicolon == std::string::npos) break;
                    text.replace(amp, semicolon - amp + 1, " ");
                }
            }
            add_words(text, words);
            continue;
        }
        if (child.type() != pugi::node_element) continue;
        const auto name = local(child);
        if (name == "indexterm") continue;
        // Metadata has no markup in the document model: what is in an info element is counted as words only.
        const bool info = in_info || name == "info" || (name.ends_with("info") && name != "funcsynopsisinfo");
        if (info) {
            count_source(child, counts, words, true);
            continue;
        }
        if (name == "mediaobject" || name == "inlinemediaobject") counts.images += child.find_node([](pugi::xml_node n) { return local(n) == "imagedata"; }) ? 1 : 0;
        if (name == "table" || name == "informaltable") ++counts.tables;
        if (name == "footnote") ++counts.notes;
        if (name == "equation" || name == "informalequation" || name == "inlineequation") ++counts.math;
        if (name == "variablelist") ++counts.dl;
        if (name == "programlisting" || name == "screen") ++counts.code;
        if (name == "superscript" || name == "subscript") ++counts.supsub;
        // Links that go somewhere (an empty href or url goes nowhere).
        const bool targeted = !std::string_view(child.attribute("xlink:href").value()).empty() ||
                              !std::string_view(child.attribute("url").value()).empty() ||
                              !std::string_view(child.attribute("linkend").value()).empty() ||
                              !std::string_view(child.attribute("targetptr").value()).empty() || name == "uri" ||
                              name == "email";
        if (targeted && (name == "link" || name == "ulink" || name == "xref" || name == "olink" || name == "uri" || name == "email"))
            ++counts.links;
        count_source(child, counts, words);
    }
}

void count_book(const Book& book, Counts& counts, std::map<std::string, std::size_t>& words) {
    for (const auto& [key, value] : book.metadata.entries()) add_words(value, words);
    for (const auto& article : book.articles) {
        for (const auto& [key, value] : article.metadata.entries()) add_words(value, words);
        IrVisitor visitor;
        visitor.block = [&](const Block& b) {
            if (b.kind == Block::Kind::table) ++counts.tables;
            if (b.kind == Block::Kind::display_math) ++counts.math;
            if (b.kind == Block::Kind::definition_list) ++counts.dl;
            if (b.kind == Block::Kind::code_block) ++counts.code;
            if (b.kind == Block::Kind::code_block || b.kind == Block::Kind::raw) add_words(b.text, words);
            if (b.kind == Block::Kind::display_math) add_words(b.math.tex + " " + b.math.mathml, words);
        };
        visitor.inline_ = [&](const Inline& i) {
            if (i.kind == Inline::Kind::image) ++counts.images;
            if (i.kind == Inline::Kind::note) ++counts.notes;
            if (i.kind == Inline::Kind::math) ++counts.math;
            if (i.kind == Inline::Kind::superscript || i.kind == Inline::Kind::subscript) ++counts.supsub;
            if (i.kind == Inline::Kind::link || i.kind == Inline::Kind::reference) ++counts.links;
            if (i.kind == Inline::Kind::text || i.kind == Inline::Kind::code || i.kind == Inline::Kind::raw ||
                i.kind == Inline::Kind::image)
                add_words(i.text, words);
            if (i.kind == Inline::Kind::math) add_words(i.math.tex + " " + i.math.mathml, words);
        };
        walk(article, visitor);
    }
}

TEST(DocBookRealWorld, EveryDocumentIsReadAndKeepsItsContent) {
    const auto folder = fascicle::test::realworld_dir() / "docbook";
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
        if (entry.path().extension() == ".xml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    ASSERT_GE(files.size(), 7u) << folder;

    std::string table = "document                                          words  kept     img tab note math dl code sup link\n";
    for (const auto& file : files) {
        SCOPED_TRACE(file.filename().string());
        pugi::xml_document source;
        ASSERT_TRUE(source.load_file(file.c_str(), pugi::parse_default & ~pugi::parse_escapes)) << file;
        Counts in;
        std::map<std::string, std::size_t> source_words;
        count_source(source, in, source_words);

        const auto back = test::read_docbook_file(file);
        ASSERT_EQ(back.status, Status::ok) << back.diagnostics.text();
        EXPECT_EQ(back.diagnostics.error_count(), 0u) << back.diagnostics.text();
        Counts out;
        std::map<std::string, std::size_t> kept_words;
        count_book(back.book, out, kept_words);

        std::size_t total = 0, kept = 0;
        for (const auto& [word, count] : source_words) {
            total += count;
            const auto it = kept_words.find(word);
            kept += it == kept_words.end() ? 0 : std::min(count, it->second);
        }
        const double share = total ? 100.0 * double(kept) / double(total) : 100.0;
        std::string missing;
        for (const auto& [word, count] : source_words) {
            const auto it = kept_words.find(word);
            const auto have = it == kept_words.end() ? 0 : it->second;
            if (have < count) missing += " " + word + "(" + std::to_string(count - have) + ")";
        }
        EXPECT_GE(share, 99.5) << kept << " of " << total << " words; missing:" << missing;
        EXPECT_GE(out.images, in.images);
        EXPECT_GE(out.tables, in.tables);
        EXPECT_GE(out.notes, in.notes);
        EXPECT_GE(out.math, in.math);
        EXPECT_GE(out.dl, in.dl);
        EXPECT_GE(out.code, in.code);
        EXPECT_GE(out.supsub, in.supsub);
        EXPECT_GE(out.links, in.links);

        char line[512];
        auto pair = [](std::size_t a, std::size_t b) { return std::to_string(b) + "/" + std::to_string(a); };
        std::snprintf(line, sizeof line, "%-48s %6zu %6.2f%% %5s %4s %4s %4s %3s %4s %4s %7s\n",
                      file.filename().string().c_str(), total, share, pair(in.images, out.images).c_str(),
                      pair(in.tables, out.tables).c_str(), pair(in.notes, out.notes).c_str(),
                      pair(in.math, out.math).c_str(), pair(in.dl, out.dl).c_str(), pair(in.code, out.code).c_str(),
                      pair(in.supsub, out.supsub).c_str(), pair(in.links, out.links).c_str());
        table += line;
    }
    // kept/source for each count.
    std::cout << table;
}

}  // namespace
}  // namespace fascicle::docbook
