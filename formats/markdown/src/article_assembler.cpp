#include "article_assembler.hpp"

#include "cmark_tree.hpp"

#include <fascicle/text.hpp>

#include <string>
#include <string_view>
#include <utility>

namespace fascicle::markdown {

namespace {

// Ids from the headings' anchors first, then made from the titles of the others.
void take_anchored_ids(std::vector<Section>& sections, UniqueIds& ids) {
    for (auto& s : sections) {
        if (!s.id.empty()) s.id = ids.take(s.id);
        take_anchored_ids(s.subsections, ids);
    }
}

// The anchor GitHub and pandoc give a heading: its text in lower case, letters, digits, '_', '-'
// and '.' kept (and all of UTF-8 beyond ASCII), spaces '-', the rest left out.
std::string heading_anchor(std::string_view title) {
    std::string out;
    for (char c : title) {
        const auto u = static_cast<unsigned char>(c);
        if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' || u >= 0x80)
            out += c;
        else if (c == ' ') out += '-';
    }
    return out;
}

void assign_section_ids(std::vector<Section>& sections, UniqueIds& ids) {
    for (auto& s : sections) {
        if (s.id.empty()) s.id = ids.take(slugify(s.title_text()));
        assign_section_ids(s.subsections, ids);
    }
}

}  // namespace

ArticleAssembler::ArticleAssembler(const Input& input, const HeadingLayout& layout, std::string conclusion_title,
                                   BlockReader& blocks, InputDiagnostics& diagnostics,
                                   ArticleSink& sink)
    : input_(input),
      layout_(layout),
      conclusion_title_(std::move(conclusion_title)),
      blocks_(blocks),
      diagnostics_(diagnostics),
      sink_(sink) {}

Status ArticleAssembler::assemble(cmark_node* document) {
    // The fragments the document's links point at: the heading anchors worth adding.
    cmark_iter* iter = cmark_iter_new(document);
    for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
        cmark_node* n = cmark_iter_get_node(iter);
        if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_LINK) continue;
        const char* url = cmark_node_get_url(n);
        if (url && url[0] == '#' && url[1]) linked_fragments_.insert(url + 1);
    }
    cmark_iter_free(iter);
    for (cmark_node* n = cmark_node_first_child(document); n && !diagnostics_.failed(); n = cmark_node_next(n)) {
        if (cmark_node_get_type(n) != CMARK_NODE_HEADING) {
            read_block(n);
            continue;
        }
        if (n == layout_.book_title) continue;
        const int level = cmark_node_get_heading_level(n);
        if (level == layout_.article_level) {
            if (finish_article() != Status::ok) return Status::failed;
            start_article(n, level);
        } else if (level > layout_.article_level) {
            start_section(n, level);
        } else {
            diagnostics_.warning(line_of(n), column_of(n),
                                 "the heading \"" + plain_text(title_of(n)) + "\" is above the article level (" +
                                     std::to_string(layout_.article_level) +
                                     ") and is not the book's title: Fascicle has no parts, so it is dropped and "
                                     "what follows it continues the article before it (--markdown-article-level "
                                     "sets the level)");
        }
    }
    if (diagnostics_.failed()) return Status::failed;
    return finish_article();
}

std::vector<Inline> ArticleAssembler::title_of(cmark_node* heading) { return blocks_.inlines().read(heading); }

void ArticleAssembler::start_article(cmark_node* heading, int level) {
    article_ = Article{};
    article_.title = title_of(heading);
    // An empty heading is still a heading: an empty text keeps the article titled.
    if (article_.title.empty()) article_.title.push_back(Inline::plain(""));
    article_.heading_level = level;
    article_anchor_ = blocks_.inlines().first_anchor();
    blocks_.context().article_anchor = article_anchor_;
    untitled_ = false;
    expect_summary_ = true;
    open_sections_.clear();
}

void ArticleAssembler::start_section(cmark_node* heading, int level) {
    while (!open_sections_.empty() && open_sections_.back().level >= level) open_sections_.pop_back();
    auto& siblings = open_sections_.empty() ? article_.sections : open_sections_.back().section->subsections;
    Section section;
    section.title = title_of(heading);
    section.id = section_id_from_anchor();
    section.heading_level = level;
    siblings.push_back(std::move(section));
    open_sections_.push_back({level, &siblings.back()});
    expect_summary_ = false;
}

std::string ArticleAssembler::section_id_from_anchor() const {
    const std::string& anchor = blocks_.inlines().first_anchor();
    const std::string prefix = article_anchor_ + ".";
    if (!article_anchor_.empty() && anchor.starts_with(prefix)) return anchor.substr(prefix.size());
    return anchor;
}

std::vector<Block>& ArticleAssembler::current_blocks() {
    return open_sections_.empty() ? article_.introduction : open_sections_.back().section->blocks;
}

void ArticleAssembler::read_block(cmark_node* node) {
    if (expect_summary_ && cmark_node_get_type(node) == CMARK_NODE_BLOCK_QUOTE) {
        blocks_.read_children(node, article_.summary, 1);
        expect_summary_ = false;
        return;
    }
    auto& blocks = current_blocks();
    const std::size_t before = blocks.size();
    blocks_.read(node, blocks);
    if (blocks.size() == before) return;  // a thematic break, an empty comment
    expect_summary_ = false;
}

Status ArticleAssembler::finish_article() {
    if (diagnostics_.failed()) return Status::failed;
    Article article = std::move(article_);
    const std::string anchor = std::move(article_anchor_);
    article_ = Article{};
    article_anchor_.clear();
    open_sections_.clear();

    // Text or sections before the first article heading (a document without headings is all of
    // it) are an untitled article of their own: written back, they stand where they stood.
    if (untitled_) {
        untitled_ = false;
        if (article.introduction.empty() && article.sections.empty()) return Status::ok;
        article.heading_level = layout_.article_level;  // its sections are deeper, as they were
    }
    return hand_over(std::move(article), anchor);
}

Status ArticleAssembler::hand_over(Article&& article, const std::string& anchor) {
    if (!article.sections.empty()) {
        Section& last = article.sections.back();
        if (last.title_text() == conclusion_title_ && last.subsections.empty() && !last.blocks.empty()) {
            article.conclusion = std::move(last.blocks);
            article.sections.pop_back();
        }
    }
    UniqueIds section_ids;
    take_anchored_ids(article.sections, section_ids);
    assign_section_ids(article.sections, section_ids);

    // The first article handed over without a heading of its own takes the input's id too.
    const bool own_id =
        layout_.article_count() == 1 || (article.title.empty() && !article_ids_.contains(input_.article_id));
    article.id = article_ids_.take(!anchor.empty() ? anchor : own_id ? input_.article_id : slugify(article.title_text()));
    add_heading_anchor(article.title, article.id, section_ids);
    add_heading_anchors(article.sections, section_ids);
    article.source = input_.path;
    return sink_.accept(std::move(article));
}

void ArticleAssembler::add_heading_anchor(std::vector<Inline>& title, const std::string& id, UniqueIds& ids) {
    std::string anchor = heading_anchor(plain_text(title));
    if (anchor.empty()) return;
    if (const int earlier = heading_anchors_[anchor]++; earlier > 0) anchor += "-" + std::to_string(earlier);
    if (anchor == id || ids.contains(anchor) || !linked_fragments_.count(anchor)) return;
    ids.take(anchor);
    Inline span = Inline::wrap(Inline::Kind::span, {});
    span.attributes.id = std::move(anchor);
    title.insert(title.begin(), std::move(span));
}

void ArticleAssembler::add_heading_anchors(std::vector<Section>& sections, UniqueIds& ids) {
    for (auto& s : sections) {
        add_heading_anchor(s.title, s.id, ids);
        add_heading_anchors(s.subsections, ids);
    }
}

}  // namespace fascicle::markdown
