#include "book_links.hpp"

#include "archive_paths.hpp"
#include "xml_id_inversion.hpp"

#include <utility>

namespace fascicle::epub::reader {

namespace {

// Calls `f` with the attributes of every block and inline in `blocks`, at any depth.
template <typename F>
void each_attributes(std::vector<Inline>& inlines, F& f);

template <typename F>
void each_attributes(std::vector<Block>& blocks, F& f) {
    for (auto& b : blocks) {
        f(b.attributes);
        each_attributes(b.inlines, f);
        each_attributes(b.children, f);
        each_attributes(b.caption, f);
        each_attributes(b.attribution, f);
        for (auto& item : b.items) each_attributes(item, f);
        for (auto& d : b.definitions) {
            each_attributes(d.term, f);
            for (auto& def : d.definitions) each_attributes(def, f);
        }
        for (auto& line : b.lines) each_attributes(line, f);
        for (auto* part : {&b.table.head, &b.table.body, &b.table.foot})
            for (auto& row : *part)
                for (auto& cell : row.cells) each_attributes(cell.blocks, f);
    }
}

template <typename F>
void each_attributes(std::vector<Inline>& inlines, F& f) {
    for (auto& i : inlines) {
        f(i.attributes);
        each_attributes(i.children, f);
        each_attributes(i.blocks, f);
    }
}

template <typename F>
void each_attributes(Article& article, F& f) {
    each_attributes(article.title, f);
    each_attributes(article.summary, f);
    each_attributes(article.introduction, f);
    each_attributes(article.conclusion, f);
    std::vector<Section*> pending;
    for (auto& s : article.sections) pending.push_back(&s);
    while (!pending.empty()) {
        Section* s = pending.back();
        pending.pop_back();
        each_attributes(s->title, f);
        each_attributes(s->blocks, f);
        for (auto& sub : s->subsections) pending.push_back(&sub);
    }
}

void collect_section_ids(const std::vector<Section>& sections, std::set<std::string>& into) {
    for (const auto& s : sections) {
        into.insert(s.id);
        collect_section_ids(s.subsections, into);
    }
}

}  // namespace

std::string BookLinks::local_id(const std::string& article_id, const std::string& xml_id) {
    // Fascicle's writer gives an article's elements "<article xml id>.<local id>".
    if (auto local = section_id_from_xml_id(xml_id, article_xml_id(article_id), "")) return *local;
    return xml_id;
}

void BookLinks::add_document(const std::string& entry, Article& article, const DocumentIds& ids,
                             std::vector<ContentNote> notes) {
    Document d;
    d.article_id = article.id;
    d.article_ids.insert(ids.article.begin(), ids.article.end());
    d.sections = ids.sections;
    auto keep = [&](Attributes& a) {
        if (a.id.empty()) return;
        a.id = local_id(article.id, a.id);
        d.kept.insert(a.id);
    };
    each_attributes(article, keep);
    collect_section_ids(article.sections, d.kept);
    for (auto& n : notes) {
        const std::string key = entry + "#" + n.id;
        if (notes_.count(key)) continue;
        const std::string id = local_id(article.id, n.id);
        d.kept.insert(id);
        each_attributes(n.blocks, keep);
        note_order_.push_back(key);
        notes_.emplace(key, Note{entry, id, std::move(n.blocks), {}});
    }
    documents_[entry] = std::move(d);
}

void BookLinks::resolve(Article& article, const std::string& entry) {
    resolve(article.title, article.id, entry);
    resolve(article.summary, article.id, entry);
    resolve(article.introduction, article.id, entry);
    resolve(article.conclusion, article.id, entry);
    std::vector<Section*> pending;
    for (auto& s : article.sections) pending.push_back(&s);
    while (!pending.empty()) {
        Section* s = pending.back();
        pending.pop_back();
        resolve(s->title, article.id, entry);
        resolve(s->blocks, article.id, entry);
        for (auto& sub : s->subsections) pending.push_back(&sub);
    }
}

std::vector<Block> BookLinks::unreferenced_notes(const std::string& entry) {
    std::vector<Block> out;
    for (const auto& key : note_order_) {
        Note& note = notes_.at(key);
        if (note.entry != entry || !note.placed_in.empty()) continue;
        Block division;
        division.kind = Block::Kind::division;
        division.attributes.id = note.id;
        division.attributes.classes = {"endnote"};  // not "note": that is an admonition
        division.children = std::move(note.blocks);
        note.placed_in = documents_.count(entry) ? documents_.at(entry).article_id : std::string();
        out.push_back(std::move(division));
    }
    return out;
}

void BookLinks::resolve(std::vector<Block>& blocks, const std::string& article_id, const std::string& entry) {
    for (auto& b : blocks) {
        resolve(b.inlines, article_id, entry);
        resolve(b.children, article_id, entry);
        resolve(b.caption, article_id, entry);
        resolve(b.attribution, article_id, entry);
        for (auto& item : b.items) resolve(item, article_id, entry);
        for (auto& d : b.definitions) {
            resolve(d.term, article_id, entry);
            for (auto& def : d.definitions) resolve(def, article_id, entry);
        }
        for (auto& line : b.lines) resolve(line, article_id, entry);
        for (auto* part : {&b.table.head, &b.table.body, &b.table.foot})
            for (auto& row : *part)
                for (auto& cell : row.cells) resolve(cell.blocks, article_id, entry);
    }
}

void BookLinks::resolve(std::vector<Inline>& inlines, const std::string& article_id, const std::string& from_entry) {
    std::vector<Inline> out;
    out.reserve(inlines.size());
    for (auto& i : inlines) {
        resolve(i.children, article_id, from_entry);
        resolve(i.blocks, article_id, from_entry);
        if (i.kind != Inline::Kind::reference) {
            out.push_back(std::move(i));
            continue;
        }
        const auto [entry, fragment] = split_reference(i.target);
        const std::string key(i.target);
        if (auto note = notes_.find(key); note != notes_.end()) {
            if (note->second.placed_in.empty()) {
                // The note goes where it is first referenced; its marker ("1", "*") is the note's now.
                Inline n;
                n.kind = Inline::Kind::note;
                n.attributes.id = note->second.id;
                n.blocks = std::move(note->second.blocks);
                note->second.placed_in = article_id;
                resolve(n.blocks, article_id, from_entry);
                out.push_back(std::move(n));
            } else {
                i.target = note->second.placed_in + "#" + note->second.id;
                out.push_back(std::move(i));
            }
            continue;
        }
        const auto document = documents_.find(std::string(entry));
        if (document == documents_.end()) {
            // Not a document of the book (a page beside it, "@" as the CommonMark spec writes
            // definitions): the link it was, relative to the document again; a writer that
            // cannot hold it says so.
            i.kind = Inline::Kind::link;
            i.target = relative_href(from_entry, i.target);
            out.push_back(std::move(i));
            continue;
        }
        const Document& d = document->second;
        std::string local(fragment);
        if (auto section = d.sections.find(local); section != d.sections.end()) local = section->second;
        else if (!local.empty() && !d.article_ids.count(local)) local = local_id(d.article_id, local);
        if (local.empty() || d.article_ids.count(local) || !d.kept.count(local)) i.target = d.article_id;
        else i.target = d.article_id + "#" + local;
        out.push_back(std::move(i));
    }
    inlines = std::move(out);
}

}  // namespace fascicle::epub::reader
