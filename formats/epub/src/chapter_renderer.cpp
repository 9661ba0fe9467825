#include "chapter_renderer.hpp"

#include "language_tag.hpp"
#include "package_layout.hpp"
#include "xhtml_document.hpp"
#include "xml_text.hpp"

#include <fascicle/media_export.hpp>
#include <fascicle/text.hpp>

#include <algorithm>
#include <cstdio>
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
    ChapterBuilder(const Article& article, std::string language, const Resources* resources)
        : article_(article), language_(std::move(language)), resources_(resources) {}

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
            case Block::Kind::paragraph: inlines(element(parent, "p", b.attributes), b.inlines); break;
            case Block::Kind::code_block: {
                pugi::xml_node code = append_text_element(element(parent, "pre", b.attributes), "code", b.text);
                if (!b.format.empty()) set_attribute(code, "class", "language-" + b.format);
                break;
            }
            case Block::Kind::block_quote: {
                pugi::xml_node quote = element(parent, "blockquote", b.attributes);
                blocks(quote, b.children);
                if (!b.attribution.empty()) {
                    pugi::xml_node footer = quote.append_child("footer");
                    inlines(footer.append_child("cite"), b.attribution);
                }
                break;
            }
            case Block::Kind::list: list(parent, b); break;
            case Block::Kind::division: {
                pugi::xml_node div = element(parent, "div", b.attributes);
                if (auto kind = b.admonition(); !kind.empty()) {
                    set_attribute(div, "role", "note");
                    set_attribute(div, "aria-label", std::string(1, char(kind[0] - 'a' + 'A')) + std::string(kind.substr(1)));
                }
                blocks(div, b.children);
                break;
            }
            case Block::Kind::definition_list: {
                pugi::xml_node dl = element(parent, "dl", b.attributes);
                for (const auto& d : b.definitions) {
                    inlines(dl.append_child("dt"), d.term);
                    for (const auto& definition : d.definitions) blocks(dl.append_child("dd"), definition);
                }
                break;
            }
            case Block::Kind::line_block: {
                pugi::xml_node p = element(parent, "p", b.attributes);
                add_class(p, "line-block");
                for (std::size_t n = 0; n < b.lines.size(); ++n) {
                    if (n > 0) p.append_child("br");
                    inlines(p, b.lines[n]);
                }
                break;
            }
            case Block::Kind::table: table(parent, b); break;
            case Block::Kind::figure: {
                pugi::xml_node figure = element(parent, "figure", b.attributes);
                blocks(figure, b.children);
                if (!b.caption.empty()) inlines(figure.append_child("figcaption"), b.caption);
                break;
            }
            case Block::Kind::thematic_break: element(parent, "hr", b.attributes); break;
            case Block::Kind::display_math: {
                pugi::xml_node p = element(parent, "p", b.attributes);
                add_class(p, "display-math");
                math(p, b.math);
                break;
            }
            case Block::Kind::raw: break;  // reported by the census
        }
    }

    // The element `name` with the block's or span's id, classes and language.
    pugi::xml_node element(pugi::xml_node parent, const char* name, const Attributes& a) {
        pugi::xml_node e = parent.append_child(name);
        if (!a.id.empty()) set_attribute(e, "id", ids_.take(part_xml_id(article_.id, a.id)));
        for (const auto& c : a.classes) add_class(e, c);
        if (!a.language.empty() && is_well_formed_language_tag(a.language)) {
            set_attribute(e, "lang", a.language);
            set_attribute(e, "xml:lang", a.language);
        }
        return e;
    }

    static void add_class(pugi::xml_node e, std::string_view name) {
        pugi::xml_attribute c = e.attribute("class");
        if (!c) {
            set_attribute(e, "class", name);
            return;
        }
        const std::string value = xml_safe_text(std::string(c.value()) + " " + std::string(name));
        c.set_value(value.c_str());
    }

    void list(pugi::xml_node parent, const Block& b) {
        pugi::xml_node list = element(parent, b.ordered ? "ol" : "ul", b.attributes);
        if (b.ordered && b.start != 1) list.append_attribute("start").set_value(b.start);
        if (b.ordered && b.style != ListStyle::decimal) {
            static constexpr const char* types[] = {"1", "a", "A", "i", "I"};
            set_attribute(list, "type", types[static_cast<int>(b.style)]);
        }
        if (!b.tasks.empty()) add_class(list, "task-list");
        for (std::size_t n = 0; n < b.items.size(); ++n) {
            pugi::xml_node li = list.append_child("li");
            const Task task = n < b.tasks.size() ? b.tasks[n] : Task::none;
            if (task != Task::none) {
                pugi::xml_node box = li.append_child("input");
                set_attribute(box, "type", "checkbox");
                set_attribute(box, "disabled", "disabled");
                set_attribute(box, "aria-label", task == Task::checked ? "done" : "to do");
                if (task == Task::checked) set_attribute(box, "checked", "checked");
            }
            blocks(li, b.items[n]);
        }
    }

    static const char* align(Alignment a) {
        switch (a) {
            case Alignment::left: return "left";
            case Alignment::center: return "center";
            case Alignment::right: return "right";
            case Alignment::unspecified: break;
        }
        return nullptr;
    }

    void table(pugi::xml_node parent, const Block& b) {
        pugi::xml_node table = element(parent, "table", b.attributes);
        if (!b.caption.empty()) inlines(table.append_child("caption"), b.caption);
        if (std::any_of(b.table.columns.begin(), b.table.columns.end(), [](const TableColumn& c) { return c.width > 0; })) {
            pugi::xml_node group = table.append_child("colgroup");
            for (const auto& c : b.table.columns) {
                pugi::xml_node col = group.append_child("col");
                if (c.width > 0) {
                    char width[32];
                    std::snprintf(width, sizeof width, "width: %.1f%%", c.width * 100);
                    set_attribute(col, "style", width);
                }
            }
        }
        const bool head_only = b.table.body.empty();
        if (!head_only) rows(table.append_child("thead"), b.table.head, b.table.columns, true);
        rows(table.append_child("tbody"), head_only ? b.table.head : b.table.body, b.table.columns, false);
        if (!b.table.foot.empty()) rows(table.append_child("tfoot"), b.table.foot, b.table.columns, false);
    }

    void rows(pugi::xml_node part, const std::vector<TableRow>& list, const std::vector<TableColumn>& columns,
              bool head) {
        for (const auto& row : list) {
            pugi::xml_node tr = part.append_child("tr");
            std::size_t column = 0;
            for (const auto& cell : row.cells) {
                const bool header = cell.header || head;
                pugi::xml_node td = tr.append_child(header ? "th" : "td");
                // A header cell says what it heads: its column in the head, else its row.
                if (header) set_attribute(td, "scope", head ? (cell.column_span > 1 ? "colgroup" : "col") : "row");
                if (cell.row_span != 1) td.append_attribute("rowspan").set_value(cell.row_span);
                if (cell.column_span != 1) td.append_attribute("colspan").set_value(cell.column_span);
                Alignment a = cell.alignment;
                if (a == Alignment::unspecified && column < columns.size()) a = columns[column].alignment;
                if (const char* name = align(a)) set_attribute(td, "style", std::string("text-align: ") + name);
                column += static_cast<std::size_t>(std::max(cell.column_span, 1));
                // A cell of one paragraph holds its inlines, as tables usually are written.
                if (cell.blocks.size() == 1 && cell.blocks[0].kind == Block::Kind::paragraph &&
                    cell.blocks[0].attributes.empty())
                    inlines(td, cell.blocks[0].inlines);
                else
                    blocks(td, cell.blocks);
            }
        }
    }

    // An image of the book's, from the media folder, with its alt text (empty: decorative, as
    // HTML says). One that is not among the resources (an address outside the book) is its alt text.
    void image(pugi::xml_node parent, const Inline& i) {
        if (!resources_ || !resources_->find(i.target) || !is_contained_relative_path(i.target)) {
            ++images_not_in_the_book;
            append_text(parent, i.text);
            return;
        }
        pugi::xml_node img = element(parent, "img", i.attributes);
        set_attribute(img, "src", std::string(layout::from_text_folder) + layout::media(i.target));
        set_attribute(img, "alt", i.text);
        if (!i.title.empty()) set_attribute(img, "title", i.title);
    }

    // TeX in a code element (the package does not declare MathML yet); the census reports it.
    void math(pugi::xml_node parent, const Math& m) {
        pugi::xml_node code = append_text_element(parent, "code", m.tex.empty() ? m.mathml : m.tex);
        set_attribute(code, "class", "math tex");
    }

    // The notes of the chapter, as footnotes at its end: pop-ups in reading systems.
    void notes(pugi::xml_node parent) {
        if (notes_.empty()) return;
        pugi::xml_node section = parent.append_child("section");
        set_attribute(section, "class", "footnotes");
        set_attribute(section, "epub:type", "footnotes");
        set_attribute(section, "role", "doc-endnotes");
        set_attribute(section, "aria-label", "Notes");
        for (std::size_t n = 0; n < notes_.size(); ++n) {
            const auto& note = notes_[n];
            pugi::xml_node aside = section.append_child("aside");
            set_attribute(aside, "id", note.id);
            set_attribute(aside, "epub:type", "footnote");
            set_attribute(aside, "role", "doc-footnote");
            blocks(aside, *note.blocks);
            pugi::xml_node back = aside.append_child("p");
            pugi::xml_node a = back.append_child("a");
            set_attribute(a, "href", "#" + note.reference_id);
            set_attribute(a, "role", "doc-backlink");
            append_text(a, "\u21A9 " + std::to_string(n + 1));
        }
    }

    void inlines(pugi::xml_node parent, const std::vector<Inline>& items) {
        for (const auto& i : items) {
            switch (i.kind) {
                case Inline::Kind::text: append_text(parent, i.text); break;
                case Inline::Kind::code: append_text_element(parent, "code", i.text); break;
                case Inline::Kind::line_break: parent.append_child("br"); break;
                case Inline::Kind::emphasis: inlines(element(parent, "em", i.attributes), i.children); break;
                case Inline::Kind::strong: inlines(element(parent, "strong", i.attributes), i.children); break;
                case Inline::Kind::strikethrough: inlines(element(parent, "s", i.attributes), i.children); break;
                case Inline::Kind::superscript: inlines(element(parent, "sup", i.attributes), i.children); break;
                case Inline::Kind::subscript: inlines(element(parent, "sub", i.attributes), i.children); break;
                case Inline::Kind::small_caps: {
                    pugi::xml_node span = element(parent, "span", i.attributes);
                    add_class(span, "small-caps");
                    inlines(span, i.children);
                    break;
                }
                case Inline::Kind::span: inlines(element(parent, "span", i.attributes), i.children); break;
                case Inline::Kind::link:
                    if (auto href = usable_link(i.target)) {
                        pugi::xml_node a = parent.append_child("a");
                        set_attribute(a, "href", *href);
                        if (!i.title.empty()) set_attribute(a, "title", i.title);
                        inlines(a, i.children);
                    } else {
                        inlines(parent, i.children);
                    }
                    break;
                case Inline::Kind::reference: {
                    const auto [article, local] = split_reference(i.target);
                    // Within the chapter only, for now: other chapters' file names are not known
                    // when this one is rendered (the census reports references).
                    if (article == article_.id && !local.empty()) {
                        pugi::xml_node a = parent.append_child("a");
                        set_attribute(a, "href", "#" + part_xml_id(article_.id, std::string(local)));
                        if (i.children.empty()) append_text(a, std::string(local));
                        inlines(a, i.children);
                    } else {
                        ++references_to_other_chapters;
                        inlines(parent, i.children);
                    }
                    break;
                }
                case Inline::Kind::image: image(parent, i); break;
                case Inline::Kind::note: {
                    const std::size_t n = notes_.size() + 1;
                    Note note{ids_.take(part_xml_id(article_.id, i.attributes.id.empty() ? "note-" + std::to_string(n) : i.attributes.id)),
                              ids_.take(part_xml_id(article_.id, "note-ref-" + std::to_string(n))), &i.blocks};
                    pugi::xml_node a = parent.append_child("a");
                    set_attribute(a, "id", note.reference_id);
                    set_attribute(a, "href", "#" + note.id);
                    set_attribute(a, "epub:type", "noteref");
                    set_attribute(a, "role", "doc-noteref");
                    append_text_element(a, "sup", std::to_string(n));
                    notes_.push_back(std::move(note));
                    break;
                }
                case Inline::Kind::math: math(parent, i.math); break;
                case Inline::Kind::raw: break;  // reported by the census
            }
        }
    }

    // A section and its subsections; their entries go under `toc`.
    void section(pugi::xml_node parent, const Section& s, int level, TocEntry& toc) {
        const std::string id = heading_id(s.id);
        // An empty heading would be an empty link in the navigation, which EPUB forbids.
        const std::string text = s.title_text();
        const std::string& title = text.empty() ? id : text;
        pugi::xml_node element = parent.append_child("section");
        set_attribute(element, "aria-labelledby", id);
        pugi::xml_node h = element.append_child(heading_name(level));
        set_attribute(h, "id", id);
        if (text.empty()) append_text(h, id);
        else inlines(h, s.title);
        blocks(element, s.blocks);

        TocEntry entry{title, "#" + id, language_, {}};
        for (const auto& sub : s.subsections) section(element, sub, level + 1, entry);
        toc.children.push_back(std::move(entry));
    }

private:
    struct Note {
        std::string id;
        std::string reference_id;
        const std::vector<Block>* blocks;
    };

    const Article& article_;
    std::string language_;
    const Resources* resources_;
    UniqueIds ids_;
    std::vector<Note> notes_;

public:
    std::size_t references_to_other_chapters = 0;
    std::size_t images_not_in_the_book = 0;
};

}  // namespace

ChapterRenderer::ChapterRenderer(std::string book_language, std::string conclusion_title, const Resources* resources)
    : book_language_(std::move(book_language)), conclusion_title_(std::move(conclusion_title)), resources_(resources) {}

void link_from_package(TocEntry& entry, const std::string& file_href) {
    entry.href.insert(0, file_href);
    for (auto& child : entry.children) link_from_package(child, file_href);
}

RenderedChapter ChapterRenderer::render(const Article& article) const {
    const std::string& language = is_well_formed_language_tag(article.metadata.language)
                                      ? article.metadata.language
                                      : book_language_;
    const std::string title = article.title_text().empty() ? article.id : article.title_text();
    const std::string own_conclusion_title = article.metadata.get("conclusion-title");
    const std::string& conclusion_title =
        own_conclusion_title.empty() ? conclusion_title_ : own_conclusion_title;

    XhtmlDocument document(title, language,
                           std::string(layout::from_text_folder) + std::string(layout::stylesheet));
    pugi::xml_node body = document.body();
    body.append_attribute("epub:type").set_value("bodymatter");

    const std::string own_language = language == book_language_ ? std::string() : language;
    ChapterBuilder builder(article, own_language, resources_);
    const std::string title_id = builder.title_id();
    // Titles in another language than the book's say so in the navigation too.
    TocEntry toc{title, "", own_language, {}};

    pugi::xml_node chapter = body.append_child("section");
    chapter.append_attribute("class").set_value("chapter");
    chapter.append_attribute("epub:type").set_value("chapter");
    chapter.append_attribute("role").set_value("doc-chapter");
    set_attribute(chapter, "aria-labelledby", title_id);
    pugi::xml_node h1 = chapter.append_child("h1");
    set_attribute(h1, "id", title_id);
    if (article.title_text().empty()) append_text(h1, title);
    else builder.inlines(h1, article.title);

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
    builder.notes(chapter);

    return {document.str(), std::move(toc), builder.references_to_other_chapters, builder.images_not_in_the_book};
}

}  // namespace fascicle::epub
