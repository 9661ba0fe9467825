#include "chapter_renderer.hpp"

#include "language_tag.hpp"
#include "package_layout.hpp"
#include "xhtml_document.hpp"

#include <fascicle/text.hpp>

#include <algorithm>
#include <optional>
#include <string_view>

namespace fascicle::epub {

namespace {

const char* heading_name(int level) {
    static constexpr const char* names[] = {"h1", "h2", "h3", "h4", "h5", "h6"};
    return names[std::clamp(level, 1, 6) - 1];
}

bool has_scheme(std::string_view url, std::string_view scheme) {
    if (url.size() <= scheme.size() || url[scheme.size()] != ':') return false;
    for (std::size_t i = 0; i < scheme.size(); ++i)
        if ((url[i] | 0x20) != scheme[i]) return false;
    return true;
}

// A link target we can keep: an absolute web or mail address, percent-encoded where a URL may
// not hold the byte as it is. Anything else (a path into the source tree, a script) would point
// nowhere inside the book: the link's text is kept without the link.
std::optional<std::string> usable_link(std::string_view target) {
    if (!has_scheme(target, "http") && !has_scheme(target, "https") && !has_scheme(target, "mailto"))
        return std::nullopt;
    static constexpr std::string_view needs_escape = "\"<>\\^`{|} ";
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : target) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte >= 0x7F || needs_escape.find(c) != std::string_view::npos) {
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 0xF];
        } else {
            out += c;
        }
    }
    return out;
}

// Renders the blocks of one article into a document, handing out heading ids unique within it.
class ChapterBuilder {
public:
    // `language`: the article's, when it is not the book's (for its table of contents entries).
    ChapterBuilder(const Article& article, std::string language)
        : article_(article), language_(std::move(language)) {}

    std::string title_id() { return ids_.take(article_xml_id(article_.id)); }
    std::string heading_id(const std::string& local_id) {
        return ids_.take(part_xml_id(article_.id, local_id.empty() ? "section" : local_id));
    }

    pugi::xml_node heading(pugi::xml_node parent, int level, const std::string& text, const std::string& id) {
        pugi::xml_node h = append_text_element(parent, heading_name(level), text);
        set_attribute(h, "id", id);
        return h;
    }

    void blocks(pugi::xml_node parent, const std::vector<Block>& blocks) {
        for (const auto& b : blocks) block(parent, b);
    }

    void block(pugi::xml_node parent, const Block& b) {
        switch (b.kind) {
            case Block::Kind::paragraph: inlines(parent.append_child("p"), b.inlines); break;
            case Block::Kind::code_block:
                append_text_element(parent.append_child("pre"), "code", b.text);
                break;
            case Block::Kind::block_quote: blocks(parent.append_child("blockquote"), b.children); break;
            case Block::Kind::list: {
                pugi::xml_node list = parent.append_child(b.ordered ? "ol" : "ul");
                if (b.ordered && b.start != 1) list.append_attribute("start").set_value(b.start);
                for (const auto& item : b.items) blocks(list.append_child("li"), item);
                break;
            }
        }
    }

    void inlines(pugi::xml_node parent, const std::vector<Inline>& items) {
        for (const auto& i : items) {
            switch (i.kind) {
                case Inline::Kind::text: append_text(parent, i.text); break;
                case Inline::Kind::code: append_text_element(parent, "code", i.text); break;
                case Inline::Kind::line_break: parent.append_child("br"); break;
                case Inline::Kind::emphasis: inlines(parent.append_child("em"), i.children); break;
                case Inline::Kind::strong: inlines(parent.append_child("strong"), i.children); break;
                case Inline::Kind::link:
                    if (auto href = usable_link(i.target)) {
                        pugi::xml_node a = parent.append_child("a");
                        set_attribute(a, "href", *href);
                        inlines(a, i.children);
                    } else {
                        inlines(parent, i.children);
                    }
                    break;
            }
        }
    }

    // A section and its subsections; their entries go under `toc`.
    void section(pugi::xml_node parent, const Section& s, int level, TocEntry& toc) {
        const std::string id = heading_id(s.id);
        // An empty heading would be an empty link in the navigation, which EPUB forbids.
        const std::string& title = s.title.empty() ? id : s.title;
        pugi::xml_node element = parent.append_child("section");
        set_attribute(element, "aria-labelledby", id);
        heading(element, level, title, id);
        blocks(element, s.blocks);

        TocEntry entry{title, "#" + id, language_, {}};
        for (const auto& sub : s.subsections) section(element, sub, level + 1, entry);
        toc.children.push_back(std::move(entry));
    }

private:
    const Article& article_;
    std::string language_;
    UniqueIds ids_;
};

}  // namespace

ChapterRenderer::ChapterRenderer(std::string book_language, std::string conclusion_title)
    : book_language_(std::move(book_language)), conclusion_title_(std::move(conclusion_title)) {}

void link_from_package(TocEntry& entry, const std::string& file_href) {
    entry.href.insert(0, file_href);
    for (auto& child : entry.children) link_from_package(child, file_href);
}

RenderedChapter ChapterRenderer::render(const Article& article) const {
    const std::string& language = is_well_formed_language_tag(article.metadata.language)
                                      ? article.metadata.language
                                      : book_language_;
    const std::string title = article.title.empty() ? article.id : article.title;
    const std::string own_conclusion_title = article.metadata.get("conclusion-title");
    const std::string& conclusion_title =
        own_conclusion_title.empty() ? conclusion_title_ : own_conclusion_title;

    XhtmlDocument document(title, language,
                           std::string(layout::from_text_folder) + std::string(layout::stylesheet));
    pugi::xml_node body = document.body();
    body.append_attribute("epub:type").set_value("bodymatter");

    const std::string own_language = language == book_language_ ? std::string() : language;
    ChapterBuilder builder(article, own_language);
    const std::string title_id = builder.title_id();
    // Titles in another language than the book's say so in the navigation too.
    TocEntry toc{title, "", own_language, {}};

    pugi::xml_node chapter = body.append_child("section");
    chapter.append_attribute("class").set_value("chapter");
    chapter.append_attribute("epub:type").set_value("chapter");
    chapter.append_attribute("role").set_value("doc-chapter");
    set_attribute(chapter, "aria-labelledby", title_id);
    builder.heading(chapter, 1, title, title_id);

    if (!article.summary.empty()) {
        pugi::xml_node abstract = chapter.append_child("section");
        abstract.append_attribute("class").set_value("abstract");
        abstract.append_attribute("epub:type").set_value("abstract");
        abstract.append_attribute("role").set_value("doc-abstract");
        abstract.append_attribute("aria-label").set_value("Summary");
        builder.blocks(abstract, article.summary);
    }
    if (!article.introduction.empty()) {
        pugi::xml_node introduction = chapter.append_child("div");
        introduction.append_attribute("class").set_value("introduction");
        builder.blocks(introduction, article.introduction);
    }
    for (const auto& s : article.sections) builder.section(chapter, s, 2, toc);
    if (!article.conclusion.empty()) {
        const std::string id = builder.heading_id("conclusion");
        pugi::xml_node conclusion = chapter.append_child("section");
        conclusion.append_attribute("class").set_value("conclusion");
        conclusion.append_attribute("epub:type").set_value("conclusion");
        conclusion.append_attribute("role").set_value("doc-conclusion");
        set_attribute(conclusion, "aria-labelledby", id);
        builder.heading(conclusion, 2, conclusion_title, id);
        builder.blocks(conclusion, article.conclusion);
        toc.children.push_back({conclusion_title, "#" + id, toc.language, {}});
    }

    return {document.str(), std::move(toc)};
}

}  // namespace fascicle::epub
