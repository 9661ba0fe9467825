// Fidelity on real EPUBs (realworld_dir()/"epub", see its MANIFEST.md): each is read, and what
// its IR holds is counted against what the XHTML of its spine documents holds, counted here with
// pugixml: images, tables, notes, formulas, definition lists, code blocks, superscripts and
// subscripts, links; and its words (a multiset) kept, at least 99.5%. The documents the package
// declares as the navigation, a cover or a title page are not counted: the reader leaves them out.
#include "reader_expectations.hpp"
#include "archive_paths.hpp"

#include <gtest/gtest.h>
#include <pugixml.hpp>
#include <zip.h>

#include <algorithm>
#include <cstdio>
#include <iomanip>
#include <map>
#include <set>
#include <sstream>

namespace fascicle::epub::test {
namespace {

struct Counts {
    std::size_t images = 0, tables = 0, notes = 0, math = 0, definition_lists = 0, code_blocks = 0, sup_sub = 0,
                links = 0;
    std::map<std::string, std::size_t> words;

    std::size_t word_total() const {
        std::size_t n = 0;
        for (const auto& [w, c] : words) n += c;
        return n;
    }
};

void add_words(const std::string& text, Counts& into) {
    std::istringstream in(text);
    for (std::string w; in >> w;) ++into.words[w];
}

// ---- the source, with pugixml ----------------------------------------------------------------

std::string local(const char* name) {
    const std::string_view n = name;
    const auto colon = n.find(':');
    return std::string(colon == std::string_view::npos ? n : n.substr(colon + 1));
}

bool has_token(std::string_view value, std::string_view token) {
    std::istringstream in{std::string(value)};
    for (std::string t; in >> t;)
        if (t == token) return true;
    return false;
}

std::string epub_type(pugi::xml_node e) { return e.attribute("epub:type").value(); }

bool is_notes_container(pugi::xml_node e) {
    const std::string types = epub_type(e), role = e.attribute("role").value(), cls = e.attribute("class").value();
    return has_token(types, "footnotes") || has_token(types, "endnotes") || has_token(types, "rearnotes") ||
           has_token(role, "doc-endnotes") || has_token(role, "doc-footnotes") || has_token(cls, "footnotes") ||
           has_token(cls, "endnotes");
}

bool is_note(pugi::xml_node e, bool in_notes) {
    if (!*e.attribute("id").value()) return false;
    const std::string types = epub_type(e), role = e.attribute("role").value();
    if (has_token(types, "footnote") || has_token(types, "endnote") || has_token(types, "rearnote") ||
        has_token(role, "doc-footnote") || has_token(role, "doc-endnote"))
        return true;
    const std::string name = local(e.name());
    return in_notes && (name == "li" || name == "div" || name == "aside" || name == "p");
}

bool is_backlink(pugi::xml_node a) {
    const std::string cls = a.attribute("class").value();
    return has_token(epub_type(a), "backlink") || has_token(a.attribute("role").value(), "doc-backlink") ||
           has_token(cls, "footnote-back") || has_token(cls, "footnote-backref") || has_token(cls, "backlink");
}

const std::set<std::string>& block_names() {
    static const std::set<std::string> names = {
        "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "dt", "dd", "dl",
        "section", "blockquote", "pre", "figure", "figcaption", "caption", "aside", "table", "hr", "br", "body",
        "header", "footer", "nav", "article", "main", "thead", "tbody", "tfoot", "hgroup", "address"};
    return names;
}

class SourceCounter {
public:
    SourceCounter(Counts& counts, std::set<std::string> note_targets) : c_(counts), note_targets_(std::move(note_targets)) {}

    void count(pugi::xml_node e, bool in_notes, bool in_noteref) {
        const std::string name = local(e.name());
        if (name == "script" || name == "style" || name == "head" || name == "math" || name == "svg") {
            if (name == "math") ++c_.math;
            if (name == "svg" && e.find_node([](pugi::xml_node n) { return local(n.name()) == "image"; })) ++c_.images;
            return;
        }
        // epub:switch: the first case for MathML is read, or else the default.
        if (name == "case" || name == "default") {
            pugi::xml_node mathml_case;
            for (pugi::xml_node c : e.parent().children())
                if (local(c.name()) == "case" && !mathml_case &&
                    std::string_view(c.attribute("required-namespace").value()) == "http://www.w3.org/1998/Math/MathML")
                    mathml_case = c;
            if (mathml_case ? e != mathml_case : name == "case") return;
        }
        if (is_note(e, in_notes)) ++c_.notes;
        if (is_notes_container(e)) in_notes = true;
        if (name == "img") ++c_.images;
        if (name == "table") ++c_.tables;
        if (name == "dl" && e.find_child([](pugi::xml_node n) { return local(n.name()) == "dt" || local(n.name()) == "dd"; }))
            ++c_.definition_lists;
        if (name == "pre") ++c_.code_blocks;
        if ((name == "sup" || name == "sub") && !in_noteref) ++c_.sup_sub;
        if (name == "a" && e.attribute("href")) {
            if (is_backlink(e)) return;  // its text ("↩") is the note's marker
            const std::string href = e.attribute("href").value();
            if (note_targets_.count(href.substr(href.find('#') == std::string::npos ? href.size() : href.find('#') + 1)))
                in_noteref = true;  // becomes the note: its text is the marker
            else
                ++c_.links;
        }
        const bool block = block_names().count(name) != 0;
        if (block) text_ += ' ';
        for (pugi::xml_node child : e.children()) {
            if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
                if (!in_noteref) text_ += child.value();
            } else if (child.type() == pugi::node_element) {
                count(child, in_notes, in_noteref);
            }
        }
        if (block) text_ += ' ';
    }

    void finish() { add_words(text_, c_); }

private:
    Counts& c_;
    std::set<std::string> note_targets_;
    std::string text_;
};

std::string entry_bytes(zip_t* archive, const std::string& name) {
    zip_file_t* f = zip_fopen(archive, name.c_str(), 0);
    if (!f) return {};
    std::string out;
    char chunk[1 << 14];
    zip_int64_t got;
    while ((got = zip_fread(f, chunk, sizeof chunk)) > 0) out.append(chunk, std::size_t(got));
    zip_fclose(f);
    return out;
}

bool declares_front_matter(std::string_view type) {
    return type == "cover" || type == "titlepage" || type == "title-page" || type == "halftitlepage";
}

// The spine documents the reader should read, and their counts.
Counts count_source(const std::filesystem::path& epub) {
    int code = 0;
    zip_t* archive = zip_open(epub.c_str(), ZIP_RDONLY, &code);
    if (!archive) throw std::runtime_error("cannot open " + epub.string());
    pugi::xml_document container;
    container.load_string(entry_bytes(archive, "META-INF/container.xml").c_str());
    const std::string opf_path =
        container.select_node("//*[local-name()='rootfile']").node().attribute("full-path").value();
    pugi::xml_document opf;
    opf.load_string(entry_bytes(archive, opf_path).c_str());
    std::map<std::string, std::pair<std::string, std::string>> manifest;  // id -> path, properties
    for (auto x : opf.select_nodes("//*[local-name()='item']"))
        manifest[x.node().attribute("id").value()] = {
            *reader::resolve_href(opf_path, x.node().attribute("href").value()), x.node().attribute("properties").value()};
    std::set<std::string> left_out;
    for (auto x : opf.select_nodes("//*[local-name()='reference']"))
        if (declares_front_matter(x.node().attribute("type").value()))
            left_out.insert(*reader::resolve_href(opf_path, x.node().attribute("href").value()));
    for (const auto& [id, item] : manifest) {
        if (!has_token(item.second, "nav")) continue;
        left_out.insert(item.first);
        pugi::xml_document nav;
        nav.load_string(entry_bytes(archive, item.first).c_str());
        for (auto x : nav.select_nodes("//*[local-name()='a']"))
            for (const char* type : {"cover", "titlepage"})
                if (has_token(epub_type(x.node()), type))
                    left_out.insert(*reader::resolve_href(item.first, x.node().attribute("href").value()));
    }
    std::vector<std::pair<std::string, bool>> spine;  // path, linear
    for (auto x : opf.select_nodes("//*[local-name()='itemref']"))
        spine.emplace_back(manifest[x.node().attribute("idref").value()].first,
                           std::string_view(x.node().attribute("linear").value()) != "no");

    std::vector<std::unique_ptr<pugi::xml_document>> documents;
    std::set<std::string> note_targets;  // ids of notes, in any document
    for (const auto& [path, linear] : spine) {
        if (left_out.count(path)) continue;
        auto doc = std::make_unique<pugi::xml_document>();
        doc->load_string(entry_bytes(archive, path).c_str(), pugi::parse_default | pugi::parse_ws_pcdata);
        pugi::xml_node body = doc->document_element().child("body");
        bool declared = false;
        for (pugi::xml_node n : {body, body.find_child([](pugi::xml_node c) { return c.type() == pugi::node_element; })})
            for (const char* type : {"cover", "titlepage"})
                if (has_token(epub_type(n), type)) declared = true;
        if (declared) continue;
        // Notes: walked once to know which link targets are notes.
        std::vector<std::pair<pugi::xml_node, bool>> stack{{body, false}};
        while (!stack.empty()) {
            auto [n, in_notes] = stack.back();
            stack.pop_back();
            if (is_note(n, in_notes)) note_targets.insert(n.attribute("id").value());
            const bool inner = in_notes || is_notes_container(n);
            for (pugi::xml_node c : n.children())
                if (c.type() == pugi::node_element) stack.emplace_back(c, inner);
        }
        documents.push_back(std::move(doc));
    }
    zip_discard(archive);
    Counts counts;
    SourceCounter counter(counts, note_targets);
    for (const auto& doc : documents) counter.count(doc->document_element().child("body"), false, false);
    counter.finish();
    return counts;
}

// ---- the IR ----------------------------------------------------------------------------------

class IrCounter {
public:
    explicit IrCounter(Counts& counts) : c_(counts) {}

    void article(const Article& a) {
        line(a.title);
        blocks(a.summary);
        blocks(a.introduction);
        sections(a.sections);
        blocks(a.conclusion);
    }
    void finish() { add_words(text_, c_); }

private:
    void line(const std::vector<Inline>& is) {
        text_ += ' ';
        inlines(is);
        text_ += ' ';
    }
    void sections(const std::vector<Section>& ss) {
        for (const auto& s : ss) {
            line(s.title);
            blocks(s.blocks);
            sections(s.subsections);
        }
    }
    void blocks(const std::vector<Block>& bs) {
        for (const auto& b : bs) {
            switch (b.kind) {
                case Block::Kind::table: ++c_.tables; break;
                case Block::Kind::definition_list: ++c_.definition_lists; break;
                case Block::Kind::code_block: ++c_.code_blocks; break;
                case Block::Kind::display_math: ++c_.math; break;
                case Block::Kind::division:
                    if (b.attributes.has_class("endnote")) ++c_.notes;
                    break;
                default: break;
            }
            text_ += ' ';
            if (b.kind == Block::Kind::code_block) text_ += b.text;
            line(b.inlines);
            line(b.caption);
            line(b.attribution);
            blocks(b.children);
            for (const auto& item : b.items) blocks(item);
            for (const auto& d : b.definitions) {
                line(d.term);
                for (const auto& def : d.definitions) blocks(def);
            }
            for (const auto& l : b.lines) line(l);
            for (const auto* part : {&b.table.head, &b.table.body, &b.table.foot})
                for (const auto& row : *part)
                    for (const auto& cell : row.cells) blocks(cell.blocks);
        }
    }
    void inlines(const std::vector<Inline>& is) {
        for (const auto& i : is) {
            switch (i.kind) {
                case Inline::Kind::text: text_ += i.text; break;
                case Inline::Kind::code: text_ += i.text; break;
                case Inline::Kind::line_break: text_ += ' '; break;
                case Inline::Kind::image: ++c_.images; break;
                case Inline::Kind::math: ++c_.math; break;
                case Inline::Kind::note:
                    ++c_.notes;
                    text_ += ' ';
                    blocks(i.blocks);
                    break;
                case Inline::Kind::superscript:
                case Inline::Kind::subscript: ++c_.sup_sub; break;
                case Inline::Kind::link:
                case Inline::Kind::reference: ++c_.links; break;
                default: break;
            }
            inlines(i.children);
        }
    }

    Counts& c_;
    std::string text_;
};

Counts count_ir(const Book& book) {
    Counts counts;
    IrCounter counter(counts);
    for (const auto& a : book.articles) counter.article(a);
    counter.finish();
    return counts;
}

double kept_share(const Counts& source, const Counts& ir, std::vector<std::string>& missing) {
    std::size_t kept = 0;
    for (const auto& [w, n] : source.words) {
        const auto it = ir.words.find(w);
        const std::size_t have = it == ir.words.end() ? 0 : it->second;
        kept += std::min(n, have);
        if (have < n && missing.size() < 12) missing.push_back(w + " x" + std::to_string(n - have));
    }
    return source.word_total() ? double(kept) / double(source.word_total()) : 1.0;
}

TEST(RealWorld, EveryEpubKeepsItsContent) {
    const auto dir = fascicle::test::realworld_dir() / "epub";
    std::vector<std::filesystem::path> books;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().extension() == ".epub") books.push_back(e.path());
    std::sort(books.begin(), books.end());
    ASSERT_GE(books.size(), 10u);

    std::ostringstream table;
    table << "| document | words source | words kept | % | images | tables | notes | math | dl | code | sup/sub | links |\n"
          << "|---|---|---|---|---|---|---|---|---|---|---|---|\n";
    auto pair = [](std::size_t ir, std::size_t source) { return std::to_string(ir) + "/" + std::to_string(source); };
    for (const auto& path : books) {
        SCOPED_TRACE(path.filename().string());
        const ReadBook read = read_epub(path);
        ASSERT_EQ(read.status, Status::ok) << read.diagnostics.text();
        EXPECT_GE(read.book.articles.size(), 1u);
        const Counts source = count_source(path);
        const Counts ir = count_ir(read.book);
        std::vector<std::string> missing;
        const double share = kept_share(source, ir, missing);
        std::string missed;
        for (const auto& m : missing) missed += " " + m;
        EXPECT_GE(share, 0.995) << "words missing:" << missed;
        EXPECT_GE(ir.images, source.images);
        EXPECT_GE(ir.tables, source.tables);
        EXPECT_GE(ir.notes, source.notes);
        EXPECT_GE(ir.math, source.math);
        EXPECT_GE(ir.definition_lists, source.definition_lists);
        EXPECT_GE(ir.code_blocks, source.code_blocks);
        EXPECT_GE(ir.sup_sub, source.sup_sub);
        EXPECT_GE(ir.links, source.links);
        std::ostringstream percent;
        percent << std::fixed << std::setprecision(2) << 100 * share;
        table << "| " << path.filename().string() << " | " << source.word_total() << " | "
              << std::min(source.word_total(), std::size_t(share * double(source.word_total()) + 0.5)) << " | "
              << percent.str() << " | " << pair(ir.images, source.images) << " | " << pair(ir.tables, source.tables)
              << " | " << pair(ir.notes, source.notes) << " | " << pair(ir.math, source.math) << " | "
              << pair(ir.definition_lists, source.definition_lists) << " | "
              << pair(ir.code_blocks, source.code_blocks) << " | " << pair(ir.sup_sub, source.sup_sub) << " | "
              << pair(ir.links, source.links) << " |\n";
        if (const char* dump_dir = std::getenv("FASCICLE_DUMP_IR"))
            fascicle::test::write_file(std::filesystem::path(dump_dir) / (path.stem().string() + ".ir"), dump(read.book));
    }
    std::printf("IR / source, per real-world EPUB:\n%s", table.str().c_str());
}

}  // namespace
}  // namespace fascicle::epub::test
