#include "chapter_renderer.hpp"

#include "chapter_metadata.hpp"
#include "known_uri_schemes.hpp"
#include "language_tag.hpp"
#include "package_layout.hpp"
#include "xhtml_document.hpp"

#include <fascicle/media_export.hpp>
#include <fascicle/text.hpp>
#include <fascicle/uri.hpp>
#include <fascicle/xml_stream.hpp>

#include <algorithm>
#include <map>
#include <unordered_map>
#include <cctype>
#include <cstdio>
#include <optional>
#include <string_view>

namespace fascicle::epub {

namespace {

// The class of a reference's <a> whose text the writer gave (the target's caption or title):
// the reader (xhtml_content) reads such a reference back without it.
constexpr std::string_view generated_reference_text_class = "generated-text";

const char* heading_name(int level) {
    static constexpr const char* names[] = {"h1", "h2", "h3", "h4", "h5", "h6"};
    return names[std::clamp(level, 1, 6) - 1];
}

// A link target we can keep: an absolute address in a scheme reading systems know (but not those
// that run or embed something or name the reader's own disk), made a valid URI (fascicle/uri.hpp).
// Anything else (a path into the source tree, "/url", "https://../") would point nowhere from
// inside the book: the link's text is kept without the link, and the writer says so.
bool absolute_uri(std::string_view target) {
    const std::string_view scheme = uri_scheme(target);
    if (scheme.empty()) return false;
    for (std::string_view refused : {"javascript", "vbscript", "data", "file"})
        if (is_scheme(scheme, refused)) return false;
    return known_uri_scheme(scheme);
}

std::optional<std::string> usable_link(std::string_view target) {
    if (!absolute_uri(target)) return std::nullopt;
    auto uri = normalized_uri(target);
    if (!uri || !has_parsable_host(*uri)) return std::nullopt;
    return uri;
}

// A cell of one plain paragraph holds its inlines, as tables are usually written.
bool holds_inlines(const TableCell& cell) {
    return cell.blocks.size() == 1 && cell.blocks[0].kind == Block::Kind::paragraph &&
           cell.blocks[0].attributes.empty();
}

// Writes the blocks of one article as XHTML, handing out ids unique within it. Elements that
// hold text are opened inline (on one line: whitespace there would show), the others as blocks.
// The paragraph a heading is directly followed by, if its first block is one.
const Block* leading_paragraph(const std::vector<Block>& blocks) {
    return !blocks.empty() && blocks.front().kind == Block::Kind::paragraph ? &blocks.front() : nullptr;
}
const Block* leading_paragraph(const Section& s) {
    if (!s.blocks.empty()) return leading_paragraph(s.blocks);
    return s.subsections.empty() ? nullptr : leading_paragraph(s.subsections.front());
}
const Block* leading_paragraph(const Article& a) {
    if (!a.summary.empty()) return leading_paragraph(a.summary);
    if (!a.introduction.empty()) return leading_paragraph(a.introduction);
    return a.sections.empty() ? nullptr : leading_paragraph(a.sections.front());
}

class ChapterBuilder {
public:
    // `language`: the article's, when it is not the book's (for its table of contents entries).
    ChapterBuilder(const Article& article, std::string language, const Resources* resources, RenderedChapter& out)
        : article_(article), language_(std::move(language)), resources_(resources), out_(out), xml_(out.xhtml) {}

    // The pages to mark, each at its anchor (page_anchors): before the paragraph it starts, or at
    // the end of the one it goes on from.
    void mark_pages(const std::vector<PageStart>& pages) {
        if (pages.empty()) return;
        anchor_numbers_ = page_anchor_numbers(article_);
        for (const auto& page : pages) page_markers_[page.anchor].push_back(&page);
    }

    // A page that begins at the paragraph right under a heading begins with the heading (print
    // keeps a heading with what follows): its marker goes before the heading.
    void page_markers_before_heading(const Block* leading) {
        if (!leading) return;
        auto pages = pages_at(*leading);
        page_markers(pages, false);
        std::erase_if(pages, [](const PageStart* page) { return !page->within; });
        if (!pages.empty()) page_markers_[anchor_numbers_.at(leading)] = std::move(pages);
    }

    // The markers no paragraph took: at the chapter's end, in page order.
    void remaining_page_markers() {
        for (auto& [anchor, pages] : page_markers_) {
            for (const PageStart* page : pages) {
                page_marker(*page);
                ++out_.page_markers_at_end;
            }
            pages.clear();
        }
    }

    XmlStream& xml() { return xml_; }

    std::string title_id() { return ids_.take(article_xml_id(article_.id)); }
    // The XML id of the article's own id `local`, remembered for references to it.
    std::string anchor(const std::string& local, std::string label = {}) {
        std::string id = ids_.take(part_xml_id(article_.id, local));
        out_.anchors.push_back({local, id, std::move(label)});
        return id;
    }
    std::string heading_id(const std::string& local_id, std::string label = {}) {
        return local_id.empty() ? ids_.take(part_xml_id(article_.id, "section")) : anchor(local_id, std::move(label));
    }

    void blocks(const std::vector<Block>& list) {
        for (const auto& b : list) block(b);
    }

    void block(const Block& b) {
        switch (b.kind) {
            case Block::Kind::paragraph: {
                const auto pages = pages_at(b);
                page_markers(pages, false);
                xml_.open_inline("p", attributes(b.attributes));
                inlines(b.inlines);
                page_markers(pages, true);
                xml_.close();
                break;
            }
            case Block::Kind::code_block: {
                xml_.open_inline("pre", attributes(b.attributes));
                XmlAttributes code;
                if (!b.format.empty()) code.emplace_back("class", "language-" + b.format);
                xml_.text_element("code", b.text, code);
                xml_.close();
                break;
            }
            case Block::Kind::block_quote:
                xml_.open_block("blockquote", attributes(b.attributes));
                blocks(b.children);
                if (!b.attribution.empty()) {
                    xml_.open_block("footer");
                    xml_.open_inline("cite");
                    inlines(b.attribution);
                    xml_.close();
                    xml_.close();
                }
                xml_.close();
                break;
            case Block::Kind::list: list(b); break;
            case Block::Kind::division: {
                XmlAttributes div = attributes(b.attributes);
                if (auto kind = b.admonition(); !kind.empty()) {
                    div.emplace_back("role", "note");
                    div.emplace_back("aria-label", char(kind[0] - 'a' + 'A') + std::string(kind.substr(1)));
                }
                xml_.open_block("div", div);
                blocks(b.children);
                xml_.close();
                break;
            }
            case Block::Kind::definition_list:
                xml_.open_block("dl", attributes(b.attributes));
                for (const auto& d : b.definitions) {
                    xml_.open_inline("dt");
                    inlines(d.term);
                    xml_.close();
                    for (const auto& definition : d.definitions) {
                        xml_.open_block("dd");
                        blocks(definition);
                        xml_.close();
                    }
                }
                xml_.close();
                break;
            case Block::Kind::line_block:
                xml_.open_inline("p", attributes(b.attributes, "line-block"));
                for (std::size_t n = 0; n < b.lines.size(); ++n) {
                    if (n > 0) xml_.empty("br");
                    inlines(b.lines[n]);
                }
                xml_.close();
                break;
            case Block::Kind::table: table(b); break;
            case Block::Kind::figure:
                xml_.open_block("figure", attributes(b.attributes, {}, plain_text(b.caption)));
                blocks(b.children);
                if (!b.caption.empty()) {
                    xml_.open_inline("figcaption");
                    inlines(b.caption);
                    xml_.close();
                }
                xml_.close();
                break;
            case Block::Kind::thematic_break: xml_.empty("hr", attributes(b.attributes)); break;
            case Block::Kind::display_math:
                xml_.open_inline("p", attributes(b.attributes, "display-math"));
                math(b.math, true);
                xml_.close();
                break;
            case Block::Kind::raw: blocks(b.children); break;  // what it shows; without, reported by the census
        }
    }

    // A block's or span's id, classes (and `extra_class`) and language as attributes; `label`,
    // what a reference to its id shows.
    XmlAttributes attributes(const Attributes& a, std::string_view extra_class = {}, std::string label = {}) {
        XmlAttributes out;
        if (!a.id.empty()) out.emplace_back("id", anchor(a.id, std::move(label)));
        std::string classes;
        for (const auto& c : a.classes) classes += (classes.empty() ? "" : " ") + c;
        if (!extra_class.empty()) classes += (classes.empty() ? "" : " ") + std::string(extra_class);
        if (!classes.empty()) out.emplace_back("class", std::move(classes));
        if (!a.language.empty() && is_well_formed_language_tag(a.language)) {
            out.emplace_back("lang", a.language);
            out.emplace_back("xml:lang", a.language);
        }
        return out;
    }

    void list(const Block& b) {
        XmlAttributes list = attributes(b.attributes, b.tasks.empty() ? "" : "task-list");
        if (b.ordered && b.start != 1) list.emplace_back("start", std::to_string(b.start));
        if (b.ordered && b.style != ListStyle::decimal) {
            static constexpr const char* types[] = {"1", "a", "A", "i", "I"};
            list.emplace_back("type", types[static_cast<int>(b.style)]);
        }
        xml_.open_block(b.ordered ? "ol" : "ul", list);
        for (std::size_t n = 0; n < b.items.size(); ++n) {
            // A tight list's item of one plain paragraph holds its inlines, as HTML writes it.
            const auto& item = b.items[n];
            const bool inline_item = b.tight && item.size() == 1 && item[0].kind == Block::Kind::paragraph &&
                                     item[0].attributes.empty();
            if (inline_item) xml_.open_inline("li");
            else xml_.open_block("li");
            const Task task = n < b.tasks.size() ? b.tasks[n] : Task::none;
            if (task != Task::none) {
                XmlAttributes box{{"type", "checkbox"}, {"disabled", "disabled"},
                                  {"aria-label", task == Task::checked ? "done" : "to do"}};
                if (task == Task::checked) box.emplace_back("checked", "checked");
                xml_.empty("input", box);
            }
            if (inline_item) {
                const auto pages = pages_at(item[0]);
                page_markers(pages, false);
                inlines(item[0].inlines);
                page_markers(pages, true);
            } else {
                blocks(item);
            }
            xml_.close();
        }
        xml_.close();
    }

    void table(const Block& b) {
        xml_.open_block("table", attributes(b.attributes, {}, plain_text(b.caption)));
        if (!b.caption.empty()) {
            xml_.open_inline("caption");
            inlines(b.caption);
            xml_.close();
        }
        const auto& columns = b.table.columns;
        if (std::any_of(columns.begin(), columns.end(), [](const TableColumn& c) { return c.width > 0; })) {
            xml_.open_block("colgroup");
            for (const auto& c : columns) {
                XmlAttributes col;
                if (c.width > 0) {
                    char width[32];
                    std::snprintf(width, sizeof width, "width: %.1f%%", c.width * 100);
                    col.emplace_back("style", width);
                }
                xml_.empty("col", col);
            }
            xml_.close();
        }
        const bool head_only = b.table.body.empty();
        if (!head_only) rows("thead", b.table.head, columns, true);
        rows("tbody", head_only ? b.table.head : b.table.body, columns, false);
        if (!b.table.foot.empty()) rows("tfoot", b.table.foot, columns, false);
        xml_.close();
    }

    void rows(const char* part, const std::vector<TableRow>& list, const std::vector<TableColumn>& columns, bool head) {
        xml_.open_block(part);
        const auto starts = cell_columns(list);
        for (std::size_t r = 0; r < list.size(); ++r) {
            xml_.open_block("tr");
            const auto& cells = list[r].cells;
            for (std::size_t c = 0; c < cells.size(); ++c) {
                const auto& cell = cells[c];
                const bool header = cell.header || head;
                XmlAttributes td;
                // A header cell says what it heads: its column in the head, else its row.
                if (header) td.emplace_back("scope", head ? (cell.column_span > 1 ? "colgroup" : "col") : "row");
                if (cell.row_span != 1) td.emplace_back("rowspan", std::to_string(cell.row_span));
                if (cell.column_span != 1) td.emplace_back("colspan", std::to_string(cell.column_span));
                Alignment a = cell.alignment;
                const std::size_t column = starts[r][c];
                if (a == Alignment::unspecified && column < columns.size()) a = columns[column].alignment;
                if (auto name = alignment_name(a); !name.empty())
                    td.emplace_back("style", "text-align: " + std::string(name));
                if (holds_inlines(cell)) {
                    xml_.open_inline(header ? "th" : "td", td);
                    inlines(cell.blocks[0].inlines);
                } else {
                    xml_.open_block(header ? "th" : "td", td);
                    blocks(cell.blocks);
                }
                xml_.close();
            }
            xml_.close();
        }
        xml_.close();
    }

    // An image of the book's, from the media folder, with its alt text (empty: decorative, as
    // HTML says). One that is not among the resources (an address outside the book) is its alt text.
    void image(const Inline& i) {
        if (!resources_ || !resources_->find(i.target) || !is_contained_relative_path(i.target)) {
            ++out_.images_not_in_the_book;
            xml_.text(i.text);
            return;
        }
        ++out_.images;
        if (i.text.empty()) ++out_.images_without_alt;
        if (std::find(out_.media.begin(), out_.media.end(), i.target) == out_.media.end()) out_.media.push_back(i.target);
        XmlAttributes img = attributes(i.attributes);
        img.emplace_back("src", std::string(layout::from_text_folder) + layout::media(i.target));
        img.emplace_back("alt", i.text);
        if (!i.title.empty()) img.emplace_back("title", i.title);
        xml_.empty("img", img);
    }

    // MathML, with its TeX source as alttext for what cannot show or speak MathML; a formula
    // that has only TeX stays TeX in a code element (counted: the writer warns).
    void math(const Math& m, bool display) {
        if (!m.mathml.empty()) {
            XmlAttributes root;
            if (!m.tex.empty()) root.emplace_back("alttext", m.tex);
            if (display) root.emplace_back("display", "block");
            if (xml_.fragment(namespaced_mathml(m.mathml), root)) {
                ++out_.formulas;
                if (m.tex.empty()) ++out_.formulas_without_alttext;
                return;
            }
        }
        ++out_.formulas_as_tex;
        xml_.text_element("code", m.tex.empty() ? m.mathml : m.tex, {{"class", "math tex"}});
    }

    // The notes of the chapter, as footnotes at its end: pop-ups in reading systems.
    void notes() {
        if (notes_.empty()) return;
        xml_.open_block("section", {{"class", "footnotes"}, {"epub:type", "footnotes"}, {"role", "doc-endnotes"},
                                    {"aria-label", "Notes"}});
        // A note may hold notes: those are numbered on, and written after it.
        for (std::size_t n = 0; n < notes_.size(); ++n) {
            const Note note = notes_[n];
            xml_.open_block("aside", {{"id", note.id}, {"epub:type", "footnote"}, {"role", "doc-footnote"}});
            blocks(*note.blocks);
            xml_.open_inline("p");
            xml_.text_element("a", "\u21A9 " + std::to_string(n + 1),
                              {{"href", "#" + note.reference_id}, {"role", "doc-backlink"}});
            xml_.close();
            xml_.close();
        }
        xml_.close();
    }

    void inline_element(const char* name, const Inline& i, std::string_view extra_class = {}) {
        xml_.open_inline(name, attributes(i.attributes, extra_class));
        inlines(i.children);
        xml_.close();
    }

    void inlines(const std::vector<Inline>& items) {
        for (const auto& i : items) {
            switch (i.kind) {
                case Inline::Kind::text: xml_.text(i.text); break;
                case Inline::Kind::code: xml_.text_element("code", i.text); break;
                case Inline::Kind::line_break: xml_.empty("br"); break;
                case Inline::Kind::emphasis: inline_element("em", i); break;
                case Inline::Kind::strong: inline_element("strong", i); break;
                case Inline::Kind::strikethrough: inline_element("s", i); break;
                case Inline::Kind::superscript: inline_element("sup", i); break;
                case Inline::Kind::subscript: inline_element("sub", i); break;
                case Inline::Kind::small_caps: inline_element("span", i, "small-caps"); break;
                case Inline::Kind::span: inline_element("span", i); break;
                case Inline::Kind::link:
                    if (i.target.size() > 1 && i.target[0] == '#') {
                        // "#id": a place in the same document, which may have become another
                        // chapter of the book (a heading that began an article): found at the end.
                        reference(article_.id + i.target, i.children);
                    } else if (auto href = usable_link(i.target)) {
                        XmlAttributes a{{"href", *href}};
                        if (!i.title.empty()) a.emplace_back("title", i.title);
                        xml_.open_inline("a", a);
                        inlines(i.children);
                        xml_.close();
                    } else {
                        if (out_.links_without_address++ == 0) out_.first_link_without_address = i.target;
                        inlines(i.children);
                    }
                    break;
                case Inline::Kind::reference: reference(i.target, i.children); break;
                case Inline::Kind::image: image(i); break;
                case Inline::Kind::note: {
                    const std::size_t n = notes_.size() + 1;
                    Note note{i.attributes.id.empty() ? ids_.take(part_xml_id(article_.id, "note-" + std::to_string(n)))
                                                      : anchor(i.attributes.id),
                              ids_.take(part_xml_id(article_.id, "note-ref-" + std::to_string(n))), &i.blocks};
                    xml_.open_inline("a", {{"id", note.reference_id}, {"href", "#" + note.id},
                                           {"epub:type", "noteref"}, {"role", "doc-noteref"}});
                    xml_.text_element("sup", std::to_string(n));
                    xml_.close();
                    notes_.push_back(std::move(note));
                    break;
                }
                case Inline::Kind::math: math(i.math, false); break;
                case Inline::Kind::raw: break;  // reported by the census
            }
        }
    }

    // A link to an article or an id anywhere in the book, with an href left to fill in.
    void reference(const std::string& target, const std::vector<Inline>& children) {
        const auto [article, local] = split_reference(target);
        const std::size_t before = out_.xhtml.size();
        // Text the writer gives (the target's caption or title) is marked so, for the reader to
        // leave out again; href="" last: the text goes right after it.
        if (children.empty()) xml_.open_inline("a", {{"class", std::string(generated_reference_text_class)}, {"href", ""}});
        else xml_.open_inline("a", {{"href", ""}});
        out_.references.push_back({out_.xhtml.find("href=\"\"", before) + 6,
                                   std::string(article.empty() ? std::string_view(article_.id) : article),
                                   std::string(local), children.empty()});
        inlines(children);
        xml_.close();
    }

    // A section and its subsections; their entries go under `toc`.
    void section(const Section& s, int level, TocEntry& toc) {
        // An empty heading would be an empty link in the navigation, which EPUB forbids.
        const std::string text = s.title_text();
        const std::string id = heading_id(s.id, text);
        const std::string& title = text.empty() ? id : text;
        xml_.open_block("section", {{"aria-labelledby", id}});
        page_markers_before_heading(leading_paragraph(s));
        xml_.open_inline(heading_name(level), {{"id", id}});
        if (text.empty()) xml_.text(id);
        else inlines(s.title);
        xml_.close();
        blocks(s.blocks);

        TocEntry entry{title, "#" + id, language_, {}};
        for (const auto& sub : s.subsections) section(sub, level + 1, entry);
        toc.children.push_back(std::move(entry));
        xml_.close();
    }

private:
    struct Note {
        std::string id;
        std::string reference_id;
        const std::vector<Block>* blocks;
    };

    // The pages marked at paragraph `b`, taken from those waiting (so that each is marked once).
    std::vector<const PageStart*> pages_at(const Block& b) {
        if (page_markers_.empty()) return {};
        const auto number = anchor_numbers_.find(&b);
        if (number == anchor_numbers_.end()) return {};
        const auto pages = page_markers_.find(number->second);
        if (pages == page_markers_.end()) return {};
        auto taken = std::move(pages->second);
        page_markers_.erase(pages);
        return taken;
    }
    void page_markers(const std::vector<const PageStart*>& pages, bool within) {
        for (const PageStart* page : pages)
            if (page->within == within) page_marker(*page);
    }
    void page_marker(const PageStart& page) {
        // EPUB Accessibility 1.1's page break: empty, named by aria-label (DAISY Ace wants a name).
        const std::string id = ids_.take(part_xml_id(article_.id, "page-" + page.label));
        xml_.empty("span", {{"epub:type", "pagebreak"}, {"role", "doc-pagebreak"}, {"id", id}, {"aria-label", page.label}});
        out_.page_markers.push_back({page.label, id});
    }

    const Article& article_;
    std::string language_;
    const Resources* resources_;
    RenderedChapter& out_;
    XmlStream xml_;
    UniqueIds ids_;
    std::vector<Note> notes_;
    std::unordered_map<const Block*, std::size_t> anchor_numbers_;
    std::map<std::size_t, std::vector<const PageStart*>> page_markers_;  // by anchor, in page order
};

}  // namespace

ChapterRenderer::ChapterRenderer(std::string book_language, std::string conclusion_title, const Resources* resources)
    : book_language_(std::move(book_language)), conclusion_title_(std::move(conclusion_title)), resources_(resources) {}

void resolve_references(std::string& xhtml, const std::vector<PendingReference>& references,
                        const std::function<std::optional<ReferenceTarget>(const PendingReference&)>& resolve) {
    for (auto r = references.rbegin(); r != references.rend(); ++r) {
        const auto target = resolve(*r);
        if (r->needs_text) {
            const std::string& named = r->local.empty() ? r->article : r->local;
            // After href="" and the tag's '>'.
            xhtml.insert(r->offset + 2, xml_escape(target && !target->label.empty() ? target->label : named));
        }
        if (target) xhtml.insert(r->offset, target->href);
        else xhtml.erase(r->offset - 7, 8);  // ` href=""`
    }
}

void link_from_package(TocEntry& entry, const std::string& file_href) {
    entry.href.insert(0, file_href);
    for (auto& child : entry.children) link_from_package(child, file_href);
}

RenderedChapter ChapterRenderer::render(const Article& article, const std::vector<PageStart>& pages) const {
    const std::string& language = is_well_formed_language_tag(article.metadata.language)
                                      ? article.metadata.language
                                      : book_language_;
    const std::string title = article.title_text().empty() ? article.id : article.title_text();
    const std::string own_conclusion_title = article.metadata.get("conclusion-title");
    const std::string& conclusion_title =
        own_conclusion_title.empty() ? conclusion_title_ : own_conclusion_title;

    RenderedChapter chapter;
    const std::string own_language = language == book_language_ ? std::string() : language;
    ChapterBuilder builder(article, own_language, resources_, chapter);
    builder.mark_pages(pages);
    XmlStream& xml = builder.xml();
    std::vector<std::pair<std::string, std::string>> own_metadata;
    for (auto& entry : article.metadata.entries())
        if (is_chapter_metadata_key(entry.first)) own_metadata.push_back(std::move(entry));
    open_xhtml_document(xml, title, language, std::string(layout::from_text_folder) + std::string(layout::stylesheet),
                        {{"epub:type", "bodymatter"}}, own_metadata);

    const std::string title_id = builder.title_id();
    // Titles in another language than the book's say so in the navigation too.
    chapter.toc = {title, "", own_language, {}};

    xml.open_block("section", {{"class", "chapter"}, {"epub:type", "chapter"}, {"role", "doc-chapter"},
                               {"aria-labelledby", title_id}});
    builder.page_markers_before_heading(leading_paragraph(article));
    xml.open_inline("h1", {{"id", title_id}});
    if (article.title_text().empty()) xml.text(title);
    else builder.inlines(article.title);
    xml.close();

    if (!article.summary.empty()) {
        xml.open_block("section", {{"class", "abstract"}, {"epub:type", "abstract"}, {"role", "doc-abstract"},
                                   {"aria-label", "Summary"}});
        builder.blocks(article.summary);
        xml.close();
    }
    if (!article.introduction.empty()) {
        xml.open_block("div", {{"class", "introduction"}});
        builder.blocks(article.introduction);
        xml.close();
    }
    for (const auto& s : article.sections) builder.section(s, 2, chapter.toc);
    if (!article.conclusion.empty()) {
        const std::string id = builder.heading_id("conclusion");
        xml.open_block("section", {{"class", "conclusion"}, {"epub:type", "conclusion"}, {"role", "doc-conclusion"},
                                   {"aria-labelledby", id}});
        builder.page_markers_before_heading(leading_paragraph(article.conclusion));
        xml.text_element("h2", conclusion_title, {{"id", id}});
        builder.blocks(article.conclusion);
        xml.close();
        chapter.toc.children.push_back({conclusion_title, "#" + id, chapter.toc.language, {}});
    }
    builder.remaining_page_markers();
    builder.notes();
    xml.close();
    close_xhtml_document(xml);
    return chapter;
}

}  // namespace fascicle::epub
