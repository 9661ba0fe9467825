#include "html_content.hpp"

#include <fascicle/media_export.hpp>
#include <fascicle/uri.hpp>

#include <cctype>
#include <optional>

namespace fascicle_html {

using fascicle::Block;
using fascicle::Inline;
using fascicle::XmlAttributes;

namespace {

// A link's target as a valid URI (the SDK's normalized_uri, as browsers read an href), unless it
// cannot be one or would run code when clicked: the input may come from anywhere, the HTML may
// be published. Such links are written as their text alone.
std::optional<std::string> usable_href(const std::string& target) {
    auto href = fascicle::normalized_uri(target);
    if (!href) return std::nullopt;
    std::string scheme;
    for (char c : *href) {
        if (c == ':') break;
        scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (scheme == "javascript" || scheme == "vbscript" || scheme == "data") return std::nullopt;
    return href;
}

// A one-paragraph list item or table cell is written without <p>, as its inlines.
bool one_paragraph(const std::vector<Block>& blocks) {
    return blocks.size() == 1 && blocks[0].kind == Block::Kind::paragraph && blocks[0].attributes.empty();
}

}  // namespace

XmlAttributes ArticleContent::attributes(const fascicle::Attributes& a) {
    XmlAttributes out;
    if (!a.id.empty()) out.emplace_back("id", ids_.take(fascicle::part_xml_id(article_.id, a.id)));
    std::string classes;
    for (const auto& c : a.classes) classes += (classes.empty() ? "" : " ") + c;
    if (!classes.empty()) out.emplace_back("class", classes);
    if (!a.language.empty()) out.emplace_back("lang", a.language);
    return out;
}

void ArticleContent::blocks(const std::vector<Block>& list) {
    for (const auto& b : list) block(b);
}

void ArticleContent::block(const Block& b) {
    using Kind = Block::Kind;
    switch (b.kind) {
        case Kind::paragraph:
            xml_.open_inline("p", attributes(b.attributes));
            inlines(b.inlines);
            xml_.close();
            break;
        case Kind::list: list(b); break;
        case Kind::block_quote:
            xml_.open_block("blockquote", attributes(b.attributes));
            blocks(b.children);
            if (!b.attribution.empty()) {
                xml_.open_inline("p", {{"class", "attribution"}});
                inlines(b.attribution);
                xml_.close();
            }
            xml_.close();
            break;
        case Kind::code_block: {
            xml_.open_inline("pre", attributes(b.attributes));
            XmlAttributes code;
            if (!b.format.empty()) code.emplace_back("class", "language-" + b.format);
            xml_.text_element("code", b.text, code);
            xml_.close();
            break;
        }
        case Kind::division: {
            // An admonition is a note with its kind as label; any other class is kept for CSS.
            XmlAttributes div = attributes(b.attributes);
            if (!b.admonition().empty()) {
                div.emplace_back("role", "note");
                div.emplace_back("aria-label", std::string(b.admonition()));
            }
            xml_.open_block("div", div);
            blocks(b.children);
            xml_.close();
            break;
        }
        case Kind::definition_list:
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
        case Kind::line_block: {
            XmlAttributes p = attributes(b.attributes);
            p.emplace_back("style", "white-space: pre-wrap");  // keeps the lines' indentation
            xml_.open_inline("p", p);
            for (std::size_t n = 0; n < b.lines.size(); ++n) {
                if (n > 0) xml_.empty("br");
                inlines(b.lines[n]);
            }
            xml_.close();
            break;
        }
        case Kind::table: table(b); break;
        case Kind::figure:
            xml_.open_block("figure", attributes(b.attributes));
            blocks(b.children);
            if (!b.caption.empty()) {
                xml_.open_inline("figcaption");
                inlines(b.caption);
                xml_.close();
            }
            xml_.close();
            break;
        case Kind::thematic_break: xml_.empty("hr", attributes(b.attributes)); break;
        case Kind::display_math:
            xml_.open_inline("p", attributes(b.attributes));
            math(b.math, true);
            xml_.close();
            break;
        case Kind::raw: blocks(b.children); break;  // what it shows; without, reported (warn_uncarried)
    }
}

void ArticleContent::list(const Block& b) {
    XmlAttributes attributes = this->attributes(b.attributes);
    if (b.ordered && b.start != 1) attributes.emplace_back("start", std::to_string(b.start));
    if (b.ordered && b.style != fascicle::ListStyle::decimal) {
        static constexpr const char* types[] = {"1", "a", "A", "i", "I"};
        attributes.emplace_back("type", types[static_cast<int>(b.style)]);
    }
    xml_.open_block(b.ordered ? "ol" : "ul", attributes);
    for (std::size_t n = 0; n < b.items.size(); ++n) {
        const auto& item = b.items[n];
        const auto task = n < b.tasks.size() ? b.tasks[n] : fascicle::Task::none;
        const bool tight = one_paragraph(item);
        if (tight) xml_.open_inline("li");
        else xml_.open_block("li");
        if (task != fascicle::Task::none) {
            XmlAttributes box{{"type", "checkbox"}, {"disabled", "disabled"}};
            if (task == fascicle::Task::checked) box.emplace_back("checked", "checked");
            xml_.empty("input", box);
        }
        if (tight) inlines(item.front().inlines);
        else blocks(item);
        xml_.close();
    }
    xml_.close();
}

void ArticleContent::table(const Block& b) {
    xml_.open_block("table", attributes(b.attributes));
    if (!b.caption.empty()) {
        xml_.open_inline("caption");
        inlines(b.caption);
        xml_.close();
    }
    const auto& columns = b.table.columns;
    if (!b.table.body.empty()) rows("thead", b.table.head, columns, true);
    rows("tbody", b.table.body.empty() ? b.table.head : b.table.body, columns, false);
    if (!b.table.foot.empty()) rows("tfoot", b.table.foot, columns, false);
    xml_.close();
}

void ArticleContent::rows(const char* part, const std::vector<fascicle::TableRow>& rows,
                          const std::vector<fascicle::TableColumn>& columns, bool head) {
    xml_.open_block(part);
    const auto starts = fascicle::cell_columns(rows);  // the column each cell starts in, spans counted
    for (std::size_t r = 0; r < rows.size(); ++r) {
        xml_.open_block("tr");
        for (std::size_t c = 0; c < rows[r].cells.size(); ++c) {
            const auto& cell = rows[r].cells[c];
            const bool header = head || cell.header;
            XmlAttributes attributes;
            if (header) attributes.emplace_back("scope", head ? "col" : "row");
            if (cell.row_span != 1) attributes.emplace_back("rowspan", std::to_string(cell.row_span));
            if (cell.column_span != 1) attributes.emplace_back("colspan", std::to_string(cell.column_span));
            auto alignment = cell.alignment;
            if (alignment == fascicle::Alignment::unspecified && starts[r][c] < columns.size())
                alignment = columns[starts[r][c]].alignment;
            if (auto name = fascicle::alignment_name(alignment); !name.empty())
                attributes.emplace_back("style", "text-align: " + std::string(name));
            if (one_paragraph(cell.blocks)) {
                xml_.open_inline(header ? "th" : "td", attributes);
                inlines(cell.blocks.front().inlines);
            } else {
                xml_.open_block(header ? "th" : "td", attributes);
                blocks(cell.blocks);
            }
            xml_.close();
        }
        xml_.close();
    }
    xml_.close();
}

// MathML when the source had it (TeX as its alttext), else the TeX in a code element.
void ArticleContent::math(const fascicle::Math& m, bool display) {
    XmlAttributes root;
    if (!m.tex.empty()) root.emplace_back("alttext", m.tex);
    if (display) root.emplace_back("display", "block");
    if (!m.mathml.empty() && xml_.fragment(fascicle::namespaced_mathml(m.mathml), root)) return;
    xml_.text_element("code", m.tex, {{"class", "math"}});
}

void ArticleContent::inline_element(const char* name, const Inline& in) {
    xml_.open_inline(name, attributes(in.attributes));
    inlines(in.children);
    xml_.close();
}

void ArticleContent::inlines(const std::vector<Inline>& list) {
    using Kind = Inline::Kind;
    for (const auto& in : list) {
        switch (in.kind) {
            case Kind::text: xml_.text(in.text); break;
            case Kind::code: xml_.text_element("code", in.text); break;
            case Kind::emphasis: inline_element("em", in); break;
            case Kind::strong: inline_element("strong", in); break;
            case Kind::strikethrough: inline_element("s", in); break;
            case Kind::superscript: inline_element("sup", in); break;
            case Kind::subscript: inline_element("sub", in); break;
            case Kind::small_caps: {
                XmlAttributes span = attributes(in.attributes);
                span.emplace_back("style", "font-variant: small-caps");
                xml_.open_inline("span", span);
                inlines(in.children);
                xml_.close();
                break;
            }
            case Kind::span: inline_element("span", in); break;
            case Kind::line_break: xml_.empty("br"); break;
            case Kind::link:
                if (auto href = usable_href(in.target)) {
                    XmlAttributes a{{"href", *href}};
                    if (!in.title.empty()) a.emplace_back("title", in.title);
                    xml_.open_inline("a", a);
                    inlines(in.children);
                    xml_.close();
                } else {
                    ++links_without_address_;
                    inlines(in.children);
                }
                break;
            case Kind::reference: {
                // Every article is in this one document: the target's id is all the link needs.
                const auto [article, local] = fascicle::split_reference(in.target);
                const std::string target_article(article.empty() ? std::string_view(article_.id) : article);
                const std::string id = local.empty() ? fascicle::article_xml_id(target_article)
                                                     : fascicle::part_xml_id(target_article, std::string(local));
                reference_targets_.insert(id);
                xml_.open_inline("a", {{"href", "#" + id}});
                if (in.children.empty()) xml_.text(local.empty() ? article : local);
                inlines(in.children);
                xml_.close();
                break;
            }
            case Kind::image:
                // Beside the document, under its resource name (the writer copies it there).
                if (resources_ && resources_->find(in.target) && fascicle::is_contained_relative_path(in.target)) {
                    images_.insert(in.target);
                    XmlAttributes img = attributes(in.attributes);
                    img.emplace_back("src", in.target);
                    img.emplace_back("alt", in.text);
                    if (!in.title.empty()) img.emplace_back("title", in.title);
                    xml_.empty("img", img);
                } else {
                    ++images_not_in_the_book_;
                    xml_.text(in.text);
                }
                break;
            case Kind::note: {
                const std::string n = std::to_string(notes_.size() + 1);
                Note note{ids_.take(fascicle::part_xml_id(article_.id, "note-" + n)),
                          ids_.take(fascicle::part_xml_id(article_.id, "note-ref-" + n)), &in.blocks};
                xml_.open_inline("a", {{"id", note.reference_id}, {"href", "#" + note.id}, {"role", "doc-noteref"}});
                xml_.text_element("sup", n);
                xml_.close();
                notes_.push_back(std::move(note));
                break;
            }
            case Kind::math: math(in.math, false); break;
            case Kind::raw: break;  // reported by the writer (fascicle::warn_uncarried)
        }
    }
}

void ArticleContent::notes() {
    if (notes_.empty()) return;
    xml_.open_block("section", {{"class", "notes"}, {"role", "doc-endnotes"}, {"aria-label", "Notes"}});
    xml_.open_block("ol");
    for (std::size_t n = 0; n < notes_.size(); ++n) {  // a note may hold notes: they are added on
        const Note note = notes_[n];
        xml_.open_block("li", {{"id", note.id}});
        blocks(*note.blocks);
        xml_.open_inline("p");
        xml_.text_element("a", "\u21A9", {{"href", "#" + note.reference_id}, {"role", "doc-backlink"}});
        xml_.close();
        xml_.close();
    }
    xml_.close();
    xml_.close();
}

}  // namespace fascicle_html
