#include "html_renderer.hpp"

#include <cmath>
#include <cstdio>

namespace fascicle::markdown {

namespace {

std::string_view list_type(ListStyle style) {
    switch (style) {
        case ListStyle::lower_alpha: return "a";
        case ListStyle::upper_alpha: return "A";
        case ListStyle::lower_roman: return "i";
        case ListStyle::upper_roman: return "I";
        case ListStyle::decimal: break;
    }
    return {};
}

// A share of the table's width as a CSS percentage: "40%", "33.33%".
std::string percentage(double share) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", share * 100);
    std::string out = buffer;
    while (out.back() == '0') out.pop_back();
    if (out.back() == '.') out.pop_back();
    return out + "%";
}

bool is_pixels(std::string_view length) {
    if (length.ends_with("px")) length.remove_suffix(2);
    return !length.empty() && length.find_first_not_of("0123456789") == std::string_view::npos;
}

std::string without_px(std::string length) {
    if (length.ends_with("px")) length.resize(length.size() - 2);
    return length;
}

// A data-* attribute name for an IR pair's key; empty when the key has nothing usable.
std::string data_attribute(std::string_view key) {
    std::string name;
    for (char c : key) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.') name += c;
    }
    return name.empty() ? name : "data-" + name;
}

std::string numeric_reference(unsigned char c) { return "&#" + std::to_string(c) + ";"; }

}  // namespace

XmlAttributes as_xml(const HtmlAttributes& attributes) {
    XmlAttributes out;
    for (const auto& [name, value] : attributes) out.emplace_back(name, value);
    return out;
}

HtmlAttributes HtmlRenderer::attributes(const Attributes& a, const std::vector<std::string>& classes) const {
    HtmlAttributes out;
    if (!a.id.empty() && links_) out.emplace_back("id", links_->anchor(a.id));
    std::string class_list;
    for (const auto* list : {&classes, &a.classes})
        for (const auto& c : *list) class_list += (class_list.empty() ? "" : " ") + c;
    if (!class_list.empty()) out.emplace_back("class", class_list);
    if (!a.language.empty()) out.emplace_back("lang", a.language);
    for (const auto& [key, value] : a.pairs)
        if (auto name = data_attribute(key); !name.empty()) out.emplace_back(name, value);
    return out;
}

HtmlAttributes image_attributes(const Inline& image) {
    HtmlAttributes out{{"src", image.target}, {"alt", image.text}};
    if (!image.title.empty()) out.emplace_back("title", image.title);
    std::string style;
    for (const char* dimension : {"width", "height"}) {
        const std::string length = image.attributes.get(dimension);
        if (length.empty()) continue;
        if (is_pixels(length))
            out.emplace_back(dimension, without_px(length));
        else
            style += (style.empty() ? "" : " ") + std::string(dimension) + ": " + length + ";";
    }
    if (!style.empty()) out.emplace_back("style", style);
    return out;
}

void HtmlRenderer::blocks(XmlStream& xml, const std::vector<Block>& list) const {
    for (const auto& b : list) block(xml, b);
}

void HtmlRenderer::element_with(XmlStream& xml, std::string_view name, const HtmlAttributes& attributes,
                                const std::vector<Block>& content) const {
    const bool inline_content =
        content.empty() ||
        (content.size() == 1 && content[0].kind == Block::Kind::paragraph && content[0].attributes.empty());
    if (inline_content) {
        xml.open_inline(name, as_xml(attributes));
        if (!content.empty()) inlines(xml, content[0].inlines);
    } else {
        xml.open_block(name, as_xml(attributes));
        blocks(xml, content);
    }
    xml.close();
}

void HtmlRenderer::block(XmlStream& xml, const Block& b) const {
    const HtmlAttributes own = attributes(b.attributes);
    switch (b.kind) {
        case Block::Kind::paragraph:
            if (b.inlines.empty()) return;
            xml.open_inline("p", as_xml(own));
            inlines(xml, b.inlines);
            xml.close();
            break;
        case Block::Kind::list: list(xml, b); break;
        case Block::Kind::block_quote:
            xml.open_block("blockquote", as_xml(own));
            blocks(xml, b.children);
            if (!b.attribution.empty()) {
                xml.open_inline("p", {{"class", "attribution"}});
                xml.text("\u2014 ");
                inlines(xml, b.attribution);
                xml.close();
            }
            xml.close();
            break;
        case Block::Kind::code_block: {
            xml.open_inline("pre", as_xml(own));
            const bool named = !b.format.empty();
            xml.open_inline("code", named ? XmlAttributes{{"class", "language-" + b.format}} : XmlAttributes{});
            xml.text(b.text);
            xml.close();
            xml.close();
            break;
        }
        case Block::Kind::division:
            xml.open_block("div", as_xml(own));
            blocks(xml, b.children);
            xml.close();
            break;
        case Block::Kind::definition_list:
            xml.open_block("dl", as_xml(own));
            for (const auto& d : b.definitions) {
                xml.open_inline("dt");
                inlines(xml, d.term);
                xml.close();
                for (const auto& definition : d.definitions) element_with(xml, "dd", {}, definition);
            }
            xml.close();
            break;
        case Block::Kind::line_block:
            xml.open_inline("p", as_xml(attributes(b.attributes, {"line-block"})));
            for (std::size_t n = 0; n < b.lines.size(); ++n) {
                if (n > 0) xml.empty("br");
                std::vector<Inline> line = b.lines[n];
                // Leading spaces are the line's indentation: HTML would collapse them.
                if (!line.empty() && line.front().kind == Inline::Kind::text) {
                    std::string& text = line.front().text;
                    const std::size_t spaces = std::min(text.find_first_not_of(' '), text.size());
                    std::string indent;
                    for (std::size_t k = 0; k < spaces; ++k) indent += "\u00A0";
                    text = indent + text.substr(spaces);
                }
                inlines(xml, line);
            }
            xml.close();
            break;
        case Block::Kind::table: table(xml, b); break;
        case Block::Kind::figure:
            xml.open_block("figure", as_xml(own));
            blocks(xml, b.children);
            if (!b.caption.empty()) {
                xml.open_inline("figcaption");
                inlines(xml, b.caption);
                xml.close();
            }
            xml.close();
            break;
        case Block::Kind::thematic_break: xml.empty("hr", as_xml(own)); break;
        case Block::Kind::display_math:
            if (!own.empty()) {  // the formula's own element is the source's: attributes go around it
                xml.open_block("div", as_xml(own));
                math(xml, b.math, true);
                xml.close();
            } else {
                math(xml, b.math, true);
            }
            break;
        case Block::Kind::raw:
            if (b.format == "html") raw_html(xml, b.text);  // other formats: reported by the census
            break;
    }
}

void HtmlRenderer::list(XmlStream& xml, const Block& b) const {
    HtmlAttributes own = attributes(b.attributes);
    if (b.ordered) {
        if (b.start != 1) own.emplace_back("start", std::to_string(b.start));
        if (auto type = list_type(b.style); !type.empty()) own.emplace_back("type", std::string(type));
    }
    xml.open_block(b.ordered ? "ol" : "ul", as_xml(own));
    for (std::size_t k = 0; k < b.items.size(); ++k) {
        const auto& item = b.items[k];
        const Task task = k < b.tasks.size() ? b.tasks[k] : Task::none;
        XmlAttributes box{{"type", "checkbox"}, {"disabled", ""}};
        if (task == Task::checked) box.emplace_back("checked", "");
        const bool inline_content = item.size() == 1 && item[0].kind == Block::Kind::paragraph && item[0].attributes.empty();
        if (inline_content) {
            xml.open_inline("li");
            if (task != Task::none) {
                xml.empty("input", box);
                xml.text(" ");
            }
            inlines(xml, item[0].inlines);
        } else {
            xml.open_block("li");
            if (task != Task::none) xml.empty("input", box);
            blocks(xml, item);
        }
        xml.close();
    }
    xml.close();
}

void HtmlRenderer::table(XmlStream& xml, const Block& t) const {
    xml.open_block("table", as_xml(attributes(t.attributes)));
    if (!t.caption.empty()) {
        xml.open_inline("caption");
        inlines(xml, t.caption);
        xml.close();
    }
    bool widths = false;
    for (const auto& c : t.table.columns) widths = widths || c.width > 0;
    if (widths) {
        xml.open_block("colgroup");
        for (const auto& c : t.table.columns) {
            XmlAttributes width;
            if (c.width > 0) width.emplace_back("style", "width: " + percentage(c.width) + ";");
            xml.empty("col", width);
        }
        xml.close();
    }
    rows(xml, "thead", t.table, t.table.head);
    rows(xml, "tbody", t.table, t.table.body);
    rows(xml, "tfoot", t.table, t.table.foot);
    xml.close();
}

void HtmlRenderer::rows(XmlStream& xml, std::string_view part, const Table& table,
                        const std::vector<TableRow>& rows) const {
    if (rows.empty()) return;
    const auto columns = cell_columns(rows);
    const bool head = part == "thead";
    xml.open_block(part);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        xml.open_block("tr");
        for (std::size_t c = 0; c < rows[r].cells.size(); ++c) {
            const TableCell& cell = rows[r].cells[c];
            HtmlAttributes attributes;
            if (cell.header)
                attributes.emplace_back("scope", head ? (cell.column_span > 1 ? "colgroup" : "col") : "row");
            if (cell.row_span > 1) attributes.emplace_back("rowspan", std::to_string(cell.row_span));
            if (cell.column_span > 1) attributes.emplace_back("colspan", std::to_string(cell.column_span));
            Alignment alignment = cell.alignment;
            const std::size_t column = columns[r][c];
            if (alignment == Alignment::unspecified && column < table.columns.size())
                alignment = table.columns[column].alignment;
            if (auto name = alignment_name(alignment); !name.empty())
                attributes.emplace_back("align", std::string(name));
            element_with(xml, cell.header ? "th" : "td", attributes, cell.blocks);
        }
        xml.close();
    }
    xml.close();
}

bool HtmlRenderer::math(XmlStream& xml, const Math& m, bool display) const {
    if (!m.mathml.empty() && xml.fragment(m.mathml)) return true;
    if (m.tex.find_first_not_of(" \t\r\n") == std::string::npos) return false;
    const std::string tex = display ? "\\[" + m.tex + "\\]" : "\\(" + m.tex + "\\)";
    xml.text_element(display ? "div" : "span", tex, {{"class", display ? "math display" : "math inline"}});
    return true;
}

void HtmlRenderer::inlines(XmlStream& xml, const std::vector<Inline>& list) const {
    for (const auto& i : list) {
        switch (i.kind) {
            case Inline::Kind::text: xml.text(i.text); break;
            case Inline::Kind::emphasis: inline_element(xml, "em", i); break;
            case Inline::Kind::strong: inline_element(xml, "strong", i); break;
            case Inline::Kind::strikethrough: inline_element(xml, "del", i); break;
            case Inline::Kind::superscript: inline_element(xml, "sup", i); break;
            case Inline::Kind::subscript: inline_element(xml, "sub", i); break;
            case Inline::Kind::small_caps: inline_element(xml, "span", i, {"small-caps"}); break;
            case Inline::Kind::span: inline_element(xml, "span", i); break;
            case Inline::Kind::code: xml.text_element("code", i.text, as_xml(attributes(i.attributes))); break;
            case Inline::Kind::line_break: xml.empty("br"); break;
            case Inline::Kind::link: {
                if (i.target.empty()) {
                    inlines(xml, i.children);
                    break;
                }
                HtmlAttributes a = attributes(i.attributes);
                a.emplace(a.begin(), "href", i.target);
                if (!i.title.empty()) a.emplace_back("title", i.title);
                xml.open_inline("a", as_xml(a));
                inlines(xml, i.children);
                xml.close();
                break;
            }
            case Inline::Kind::image: image(xml, i); break;
            case Inline::Kind::note: note(xml, i); break;
            case Inline::Kind::math:
                if (!i.attributes.id.empty() && links_) {
                    xml.open_inline("a", {{"id", links_->anchor(i.attributes.id)}});
                    xml.close();
                }
                math(xml, i.math, false);
                break;
            case Inline::Kind::reference: reference(xml, i); break;
            case Inline::Kind::raw:
                if (i.format == "html") raw_html(xml, i.text);  // other formats: reported by the census
                break;
        }
    }
}

void HtmlRenderer::inline_element(XmlStream& xml, std::string_view name, const Inline& i,
                                  const std::vector<std::string>& classes) const {
    xml.open_inline(name, as_xml(attributes(i.attributes, classes)));
    inlines(xml, i.children);
    xml.close();
}

void HtmlRenderer::image(XmlStream& xml, const Inline& i) const {
    HtmlAttributes a = image_attributes(i);
    for (auto& attribute : attributes(i.attributes))
        if (!attribute.first.starts_with("data-width") && !attribute.first.starts_with("data-height"))
            a.push_back(std::move(attribute));
    xml.empty("img", as_xml(a));
}

// Markdown's footnotes are not read inside HTML: a note there is written where it stands, in
// parentheses.
void HtmlRenderer::note(XmlStream& xml, const Inline& i) const {
    xml.open_inline("span", as_xml(attributes(i.attributes, {"note"})));
    xml.text(" (");
    bool first = true;
    for (const auto& b : i.blocks) {
        if (!first) xml.text(" ");
        first = false;
        if (b.kind == Block::Kind::paragraph)
            inlines(xml, b.inlines);
        else
            xml.text(plain_text(b));
    }
    xml.text(")");
    xml.close();
}

void HtmlRenderer::reference(XmlStream& xml, const Inline& i) const {
    if (!links_) {
        if (i.children.empty()) xml.text(i.target);
        inlines(xml, i.children);
        return;
    }
    HtmlAttributes a = attributes(i.attributes);
    a.emplace(a.begin(), "href", links_->destination(i.target));
    xml.open_inline("a", as_xml(a));
    inlines(xml, i.children.empty() ? links_->text_for(i.target) : i.children);
    xml.close();
}

// The stream writes only well-formed XML: raw HTML that is (or whose content is) goes through
// it; other HTML is shown as its text rather than lost.
void HtmlRenderer::raw_html(XmlStream& xml, const std::string& html) {
    if (xml.fragment(html) || xml.fragment("<span>" + html + "</span>")) return;
    xml.text_element("code", html);
}

std::vector<std::string> html_block_lines(const std::string& html) {
    std::vector<std::string> out;
    std::string carried;  // character references standing for blank lines, for the next line
    std::size_t begin = 0;
    while (begin < html.size()) {
        std::size_t end = html.find('\n', begin);
        if (end == std::string::npos) end = html.size();
        const std::string_view line(html.data() + begin, end - begin);
        if (line.find_first_not_of(" \t") == std::string_view::npos) {
            // The blanks, and the line end after them, as references at the start of the next line.
            for (char c : line) carried += numeric_reference(static_cast<unsigned char>(c));
            carried += "&#10;";
        } else {
            out.push_back(carried + std::string(line));
            carried.clear();
        }
        begin = end + 1;
    }
    if (!carried.empty()) out.push_back(carried);
    return out;
}

std::string inline_html(const std::string& html) {
    std::string out;
    bool in_tag = false;  // the stream escapes '<' and '>' in text and values: these are tags
    for (char c : html) {
        if (c == '<') in_tag = true;
        if (c == '>') in_tag = false;
        if (c == '\n' || c == '\r') {
            out += ' ';  // MathML and HTML text take a line end as a space
        } else if (!in_tag && std::string_view("\\`*_[]~|$!").find(c) != std::string_view::npos) {
            out += numeric_reference(static_cast<unsigned char>(c));
        } else {
            out += c;
        }
    }
    return out;
}

std::string open_tag(std::string_view name, const HtmlAttributes& attributes) {
    std::string out;
    XmlStream xml(out);
    xml.open_inline(name, as_xml(attributes));  // left open: its content is Markdown
    return out;
}

}  // namespace fascicle::markdown
