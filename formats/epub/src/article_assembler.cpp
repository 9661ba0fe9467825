#include "article_assembler.hpp"

#include "xml_id_inversion.hpp"

#include <fascicle/text.hpp>

#include <algorithm>
#include <cctype>

namespace fascicle::epub::reader {

namespace {

struct FlatSection {
    int depth = 1;  // 1 for a section of the article, 2 for a subsection ...
    Section section;
};

// Sections at `depth` from `at` on, each with the deeper ones after it as its subsections.
std::vector<Section> nest(std::vector<FlatSection>& flat, std::size_t& at, int depth) {
    std::vector<Section> out;
    while (at < flat.size() && flat[at].depth == depth) {
        Section s = std::move(flat[at].section);
        ++at;
        s.subsections = nest(flat, at, depth + 1);
        out.push_back(std::move(s));
    }
    return out;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// How a producer that does not mark its parts titles a conclusion.
bool is_conclusion_title(std::string_view title) {
    const std::string t = lower(title);
    return t == "conclusion" || t == "conclusions";
}

Block paragraph_of(const std::string& text) { return Block::paragraph(text); }

}  // namespace

std::optional<Article> assemble_article(XhtmlContent&& content, const DocumentFacts& facts, DocumentIds& ids) {
    // The title: the first heading of the highest level, outside the summary and conclusion.
    std::size_t title_at = content.items.size();
    int top = 7;
    for (std::size_t k = 0; k < content.items.size(); ++k) {
        const auto* h = std::get_if<ContentHeading>(&content.items[k]);
        if (h && h->part == Part::body && h->level < top) {
            top = h->level;
            title_at = k;
        }
    }

    Article article;
    article.source = facts.source;
    std::string title_xml_id;
    if (title_at < content.items.size()) {
        const auto& h = std::get<ContentHeading>(content.items[title_at]);
        article.title = h.inlines.empty() ? title_inlines(h.text) : h.inlines;
        title_xml_id = h.id.empty() ? h.section_id : h.id;
        for (const auto* id : {&h.id, &h.section_id})
            if (!id->empty()) ids.article.push_back(*id);
    }
    article.id = title_xml_id.empty() ? facts.file_stem : article_id_from_xml_id(title_xml_id);
    if (article.title.empty())
        article.title = title_inlines(!facts.navigation_title.empty() ? facts.navigation_title
                                      : !content.head_title.empty()   ? content.head_title
                                                                      : article.id);

    std::vector<FlatSection> flat;
    UniqueIds section_ids;
    std::string conclusion_title;
    for (std::size_t k = 0; k < content.items.size(); ++k) {
        if (k == title_at) continue;
        const bool before_title = k < title_at;
        if (auto* h = std::get_if<ContentHeading>(&content.items[k])) {
            if (h->part == Part::abstract) continue;  // a label ("Abstract"): the summary has none
            if (h->part == Part::conclusion) {
                if (conclusion_title.empty()) conclusion_title = h->text;
                continue;
            }
            if (before_title) {
                if (!h->text.empty()) article.introduction.push_back(paragraph_of(h->text));
                continue;
            }
            int depth = h->level > top ? h->level - top : 1;
            depth = std::min(depth, flat.empty() ? 1 : flat.back().depth + 1);
            std::string id = h->id.empty() ? h->section_id : h->id;
            if (auto local = section_id_from_xml_id(id, title_xml_id, h->text)) id = *local;
            if (id.empty()) id = slugify(h->text);
            FlatSection s;
            s.depth = depth;
            s.section.id = section_ids.take(id);
            for (const auto* xml_id : {&h->id, &h->section_id})
                if (!xml_id->empty()) ids.sections.emplace(*xml_id, s.section.id);
            s.section.title = h->inlines.empty() ? title_inlines(h->text) : h->inlines;
            flat.push_back(std::move(s));
            continue;
        }
        auto& block = std::get<ContentBlock>(content.items[k]);
        switch (block.part) {
            case Part::abstract: article.summary.push_back(std::move(block.block)); break;
            case Part::conclusion: article.conclusion.push_back(std::move(block.block)); break;
            case Part::body:
                if (flat.empty() || before_title) article.introduction.push_back(std::move(block.block));
                else flat.back().section.blocks.push_back(std::move(block.block));
                break;
        }
    }

    // A producer that marks no parts: its last section, titled as a conclusion, is the conclusion.
    if (!content.marks_structure && article.conclusion.empty() && !flat.empty() && flat.back().depth == 1 &&
        is_conclusion_title(flat.back().section.title_text())) {
        conclusion_title = flat.back().section.title_text();
        article.conclusion = std::move(flat.back().section.blocks);
        flat.pop_back();
    }
    if (!article.conclusion.empty() && !conclusion_title.empty() && conclusion_title != default_conclusion_title)
        article.metadata.set("conclusion-title", conclusion_title);
    if (!content.language.empty() && content.language != facts.book_language)
        article.metadata.language = content.language;

    std::size_t at = 0;
    article.sections = nest(flat, at, 1);

    const bool empty = article.summary.empty() && article.introduction.empty() && article.sections.empty() &&
                       article.conclusion.empty();
    if (title_at == content.items.size() && empty) return std::nullopt;
    return article;
}

}  // namespace fascicle::epub::reader
