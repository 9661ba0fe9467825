#include "docbook_writer.hpp"

#include <fascicle/ir_walk.hpp>
#include <fascicle/page_map.hpp>
#include <fascicle/text.hpp>
#include <fascicle/uri.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <span>
#include <unordered_map>

namespace fascicle::docbook {

namespace {

constexpr std::string_view docbook_namespace = "http://docbook.org/ns/docbook";
constexpr std::string_view xlink_namespace = "http://www.w3.org/1999/xlink";
// docbook-xsl and FOP's hyphenation need a language, and the book root must carry one.
constexpr std::string_view default_language = "en";
constexpr std::string_view default_conclusion_title = "Conclusion";

std::string_view trimmed(std::string_view s) {
    const auto begin = s.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos) return {};
    return s.substr(begin, s.find_last_not_of(" \t\r\n") - begin + 1);
}

// Whether a block produces any element. DocBook has no empty lists or quotes, so those are
// left out; a container left with nothing gets an empty para to stay valid.
bool renders(const Block& block) {
    switch (block.kind) {
        case Block::Kind::list: return !block.items.empty();
        case Block::Kind::definition_list: return !block.definitions.empty();
        case Block::Kind::line_block: return !block.lines.empty();
        case Block::Kind::block_quote:
        case Block::Kind::division:
            return std::any_of(block.children.begin(), block.children.end(), renders);
        case Block::Kind::table: return !block.table.head.empty() || !block.table.body.empty();
        case Block::Kind::raw:  // DocBook's own, or what another format's shows
            return block.format == "docbook" || std::any_of(block.children.begin(), block.children.end(), renders);
        default: return true;
    }
}

bool any_renders(const std::vector<Block>& blocks) { return std::any_of(blocks.begin(), blocks.end(), renders); }

// Every kind has its DocBook form; raw content of other formats is left out (and reported).
const KindSupport every_kind{[](Inline::Kind) { return true; }, [](Block::Kind) { return true; },
                             [](std::string_view) { return std::string(); }, "docbook"};

std::string_view division_element(Division d) { return d == Division::chapter ? "chapter" : "article"; }

std::string diagnostic_file(const Article& article) {
    return article.source.empty() ? article.id : article.source.string();
}

std::string replaced_characters(std::size_t count, const std::string& where) {
    return std::to_string(count) + " character(s) that XML cannot hold in " + where + " were replaced with U+FFFD";
}

// 64-bit FNV-1a, its bits mixed further by the finalizer of SplitMix64: fixed, so that the ids
// do not depend on the standard library's std::hash.
std::uint64_t id_hash(std::string_view id) {
    std::uint64_t h = 0xcbf29ce484222325u;
    for (unsigned char c : id) h = (h ^ c) * 0x100000001b3u;
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9u;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebu;
    return h ^ (h >> 31);
}

// The xml:ids of an article taken from `scope`: those of its structure in the order
// DivisionRenderer uses them (the division's, each section's depth first, the conclusion's),
// then those of the elements its content names, in document order.
template <class Ids>
ArticleIds take_ids(const Article& article, Ids& scope) {
    ArticleIds ids;
    ids.structure.push_back(scope.take(article_xml_id(article.id)));
    auto sections = [&](auto& self, const std::vector<Section>& list) -> void {
        for (const auto& section : list) {
            ids.structure.push_back(scope.take(part_xml_id(article.id, section.id)));
            ids.local.emplace(section.id, ids.structure.back());
            self(self, section.subsections);
        }
    };
    sections(sections, article.sections);
    if (any_renders(article.conclusion)) ids.structure.push_back(scope.take(part_xml_id(article.id, "conclusion")));
    auto element = [&](const Attributes& a) {
        if (!a.id.empty() && !ids.local.count(a.id)) ids.local.emplace(a.id, scope.take(part_xml_id(article.id, a.id)));
    };
    walk(article, IrVisitor{[&](const Block& b) { element(b.attributes); },
                            [&](const Inline& i) { element(i.attributes); }, {}});
    return ids;
}

// Calls `f` with the value of every attribute `name` in the tags of `xml` (as XmlStream writes
// them: double-quoted values, no '<' in text).
template <class F>
void attribute_values(std::string_view xml, std::string_view name, F f) {
    for (std::size_t i = xml.find('<'); i != std::string_view::npos; i = xml.find('<', i)) {
        ++i;
        if (i >= xml.size()) return;
        if (xml[i] == '?' || xml[i] == '!' || xml[i] == '/') continue;
        while (i < xml.size() && xml[i] != '>') {
            if (xml[i] == '"') {
                const auto end = xml.find('"', i + 1);
                if (end == std::string_view::npos) return;
                i = end + 1;
                continue;
            }
            if (xml[i] == ' ' && xml.compare(i + 1, name.size(), name) == 0 && i + name.size() + 2 < xml.size() &&
                xml[i + name.size() + 1] == '=' && xml[i + name.size() + 2] == '"') {
                const auto begin = i + name.size() + 3;
                const auto end = xml.find('"', begin);
                if (end == std::string_view::npos) return;
                f(xml.substr(begin, end - begin));
                i = end + 1;
                continue;
            }
            ++i;
        }
    }
}

// The article a reference leads into ("" for its own), as DivisionRenderer tells it: a bare
// target is a local id of the article when the article has one by that name, else an article.
std::string_view reference_article(std::string_view target, const Article& from, const ArticleIds& ids) {
    const auto [article, local] = split_reference(target);
    if (article.empty() || article == from.id) return {};
    if (local.empty() && ids.local.count(std::string(article))) return {};
    return article;
}

// `text` as an element of paras, one per non-blank line; nothing when the text is blank.
void write_paragraphs(XmlStream& xml, std::string_view element, std::string_view text) {
    if (trimmed(text).empty()) return;
    xml.open_block(element);
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        if (auto line = trimmed(text.substr(start, end - start)); !line.empty()) xml.text_element("para", line);
        start = end + 1;
    }
    xml.close();
}

// Creators other than authors: editors as <editor>, the others as <othercredit> with their MARC
// relator code as role, so that the reader gives them back their role.
void write_other_creators(XmlStream& xml, const Metadata& metadata) {
    for (const auto& c : metadata.creators) {
        if (c.role == "aut" || trimmed(c.name).empty()) continue;
        if (c.role == "edt") xml.open_block("editor");
        else xml.open_block("othercredit", {{"role", c.role}});
        xml.text_element("personname", trimmed(c.name));
        xml.close();
    }
}

// Metadata DocBook has no element for, as <bibliomisc role="key">, a line of the value each
// (a subject each), which the reader sets back by its key (Metadata::set). `fields` are the
// fields the caller writes no element for; every extra value is written.
void write_keyed_metadata(XmlStream& xml, const Metadata& metadata, std::span<const std::string_view> fields) {
    auto write = [&](std::string_view key, std::string_view value) {
        std::size_t start = 0;
        while (start <= value.size()) {
            auto end = value.find('\n', start);
            if (end == std::string_view::npos) end = value.size();
            xml.text_element("bibliomisc", trimmed(value.substr(start, end - start)), {{"role", std::string(key)}});
            start = end + 1;
        }
    };
    for (const auto key : fields) {
        if (key == "subject") {
            for (const auto& subject : metadata.subjects)
                if (!trimmed(subject).empty()) write(key, subject);
        } else if (const auto value = metadata.get(std::string(key)); !trimmed(value).empty()) {
            write(key, value);
        }
    }
    for (const auto& [key, value] : metadata.extra)
        if (!trimmed(value).empty()) write(key, value);
}

bool has_keyed_metadata(const Metadata& metadata, std::span<const std::string_view> fields) {
    for (const auto key : fields)
        if (!trimmed(metadata.get(std::string(key))).empty()) return true;
    for (const auto& entry : metadata.extra)
        if (!trimmed(entry.second).empty()) return true;
    return false;
}

// What the book's info has no element for.
constexpr std::array<std::string_view, 5> book_keyed_fields = {"identifier-scheme", "subject", "series",
                                                              "series-position", "cover"};
// What an article's info has no element for (its abstract is its summary).
constexpr std::array<std::string_view, 9> article_keyed_fields = {
    "publisher", "identifier", "identifier-scheme", "description", "rights",
    "subject",   "series",     "series-position",   "cover"};

// The book's <info>; nothing when the metadata is all blank.
void write_book_info(XmlStream& xml, const Metadata& book) {
    const auto authors = book.authors();
    const bool has_author = std::any_of(authors.begin(), authors.end(),
                                        [](const std::string& a) { return !trimmed(a).empty(); });
    const bool has_info = !trimmed(book.title).empty() || !trimmed(book.subtitle).empty() || has_author ||
                          book.creators.size() > authors.size() || !trimmed(book.date).empty() ||
                          !trimmed(book.publisher).empty() || !trimmed(book.identifier).empty() ||
                          !trimmed(book.description).empty() || !trimmed(book.rights).empty() ||
                          has_keyed_metadata(book, book_keyed_fields);
    if (!has_info) return;

    xml.open_block("info");
    if (auto title = trimmed(book.title); !title.empty()) xml.text_element("title", title);
    if (auto subtitle = trimmed(book.subtitle); !subtitle.empty()) xml.text_element("subtitle", subtitle);
    for (const auto& author : authors) {
        if (trimmed(author).empty()) continue;
        xml.open_block("author");
        xml.text_element("personname", trimmed(author));
        xml.close();
    }
    write_other_creators(xml, book);
    // pubdate, not date: it is what the print stylesheets show on the title page's verso.
    if (auto date = trimmed(book.date); !date.empty()) xml.text_element("pubdate", date);
    if (auto publisher = trimmed(book.publisher); !publisher.empty()) {
        xml.open_block("publisher");
        xml.text_element("publishername", publisher);
        xml.close();
    }
    if (auto identifier = trimmed(book.identifier); !identifier.empty()) {
        // "urn:uuid:...", "https://..." are URIs; anything else is an identifier of unknown kind.
        XmlAttributes attributes;
        if (identifier.find(':') != std::string_view::npos) attributes.emplace_back("class", "uri");
        xml.text_element("biblioid", identifier, attributes);
    }
    write_paragraphs(xml, "abstract", book.description);
    write_paragraphs(xml, "legalnotice", book.rights);
    write_keyed_metadata(xml, book, book_keyed_fields);
    xml.close();
}

// One article as a division (chapter or article) with the xml:ids given by take_ids.
class DivisionRenderer {
public:
    DivisionRenderer(const DivisionSettings& settings, const ArticleIds& ids, const BookTargets* book, XmlStream& xml)
        : settings_(settings), ids_(ids), book_(book), xml_(&xml) {}

    // The page anchors to mark (settings.page_anchors), by block.
    std::unordered_map<const Block*, std::size_t> page_anchors;

    std::size_t inner_replacements = 0;  // in footnotes, rendered apart
    std::size_t formulas_as_text = 0;
    std::size_t unresolved = 0;
    std::string first_unresolved;
    std::size_t unusable_links = 0;
    std::string first_unusable_link;

    void division(const Article& article) {
        XmlAttributes attributes;
        if (settings_.split) {
            attributes = {{"xmlns", std::string(docbook_namespace)},
                          {"xmlns:xlink", std::string(xlink_namespace)},
                          {"version", "5.0"}};
        }
        attributes.emplace_back("xml:id", next_id());
        const auto article_language = std::string(trimmed(article.metadata.language));
        if (settings_.split)
            attributes.emplace_back("xml:lang", article_language.empty() ? settings_.language : article_language);
        else if (!article_language.empty() && article_language != settings_.language)
            attributes.emplace_back("xml:lang", article_language);

        article_id_ = article.id;
        xml_->open_block(division_element(settings_.division), attributes);
        article_info(article);
        blocks(article.introduction);
        for (const auto& s : article.sections) section(s);

        if (any_renders(article.conclusion)) {
            std::string title = article.metadata.get("conclusion-title");
            if (trimmed(title).empty()) title = settings_.conclusion_title;
            if (trimmed(title).empty()) title = default_conclusion_title;
            xml_->open_block("section", {{"xml:id", next_id()}});
            xml_->text_element("title", trimmed(title));
            blocks(article.conclusion);
            xml_->close();
        } else if (!any_renders(article.introduction) && article.sections.empty()) {
            xml_->empty("para");  // a chapter must hold something
        }
        xml_->close();
    }

private:
    const std::string& next_id() { return ids_.structure.at(next_++); }

    void article_info(const Article& article) {
        xml_->open_block("info");
        title(article.title, article.id);
        if (auto subtitle = trimmed(article.metadata.subtitle); !subtitle.empty()) xml_->text_element("subtitle", subtitle);
        for (const auto& author : article.metadata.authors()) {
            if (trimmed(author).empty()) continue;
            xml_->open_block("author");
            xml_->text_element("personname", trimmed(author));
            xml_->close();
        }
        write_other_creators(*xml_, article.metadata);
        if (auto date = trimmed(article.metadata.date); !date.empty()) xml_->text_element("pubdate", date);
        if (any_renders(article.summary)) {
            xml_->open_block("abstract");
            // An abstract holds only paras; a para may hold a list or a quote, so those go in one.
            for (const auto& b : article.summary) {
                if (!renders(b)) continue;
                if (b.kind == Block::Kind::paragraph) {
                    block(b);
                } else {
                    xml_->open_block("para");
                    block(b);
                    xml_->close();
                }
            }
            xml_->close();
        }
        write_keyed_metadata(*xml_, article.metadata, article_keyed_fields);
        xml_->close();
    }

    void section(const Section& s) {
        XmlAttributes attributes{{"xml:id", next_id()}};
        identified_.insert(s.id);
        language(s.attributes, attributes);
        if (!s.attributes.classes.empty()) {
            std::string role;
            for (const auto& c : s.attributes.classes) role += (role.empty() ? "" : " ") + c;
            attributes.emplace_back("role", role);
        }
        xml_->open_block("section", attributes);
        title(s.title, s.id);
        if (const auto abbreviated = s.attributes.get("titleabbrev"); !trimmed(abbreviated).empty())
            xml_->text_element("titleabbrev", trimmed(abbreviated));
        blocks(s.blocks);
        if (!any_renders(s.blocks) && s.subsections.empty()) xml_->empty("para");
        for (const auto& subsection : s.subsections) section(subsection);
        xml_->close();
    }

    void blocks(const std::vector<Block>& list) {
        for (const auto& b : list)
            if (renders(b)) block(b);
    }

    // A title's inlines. DocBook wants a title, and tools show it: one with no text shows `fallback` (the id), marked
    // role="untitled" so that the reader reads it back untitled.
    void title(const std::vector<Inline>& inlines, std::string_view fallback) {
        if (trimmed(plain_text(inlines)).empty()) {
            xml_->text_element("title", fallback, {{"role", "untitled"}});
            return;
        }
        xml_->open_inline("title");
        this->inlines(inlines);
        xml_->close();
    }

    // The xml:id of an element the article's content names, on the first element that names it.
    void identify(const Attributes& a, XmlAttributes& out) {
        if (a.id.empty() || !identified_.insert(a.id).second) return;
        if (auto it = ids_.local.find(a.id); it != ids_.local.end()) out.emplace_back("xml:id", it->second);
    }
    void language(const Attributes& a, XmlAttributes& out) const {
        if (!a.language.empty()) out.emplace_back("xml:lang", a.language);
    }
    XmlAttributes common(const Attributes& a) {
        XmlAttributes out;
        identify(a, out);
        language(a, out);
        return out;
    }

    // Blocks where DocBook wants at least one: an empty para when none renders.
    void required_blocks(const std::vector<Block>& list) {
        blocks(list);
        if (!any_renders(list)) xml_->empty("para");
    }

    void block(const Block& b) {
        switch (b.kind) {
            case Block::Kind::paragraph:
                xml_->open_inline("para", common(b.attributes));
                if (auto anchor = page_anchors.find(&b); anchor != page_anchors.end()) {
                    xml_->open_inline("phrase", {{"xml:id", page_anchor_xml_id(article_id_, anchor->second)}});
                    inlines(b.inlines);
                    xml_->close();
                } else {
                    inlines(b.inlines);
                }
                xml_->close();
                break;
            case Block::Kind::code_block: {
                XmlAttributes attributes = common(b.attributes);
                if (!b.format.empty()) attributes.emplace_back("language", b.format);
                xml_->text_element("programlisting", b.text, attributes);
                break;
            }
            case Block::Kind::block_quote:
                xml_->open_block("blockquote", common(b.attributes));
                if (!b.attribution.empty()) {
                    limited("attribution", {}, b.attribution);
                }
                required_blocks(b.children);
                xml_->close();
                break;
            case Block::Kind::list: list(b); break;
            case Block::Kind::division: division_block(b); break;
            case Block::Kind::definition_list:
                xml_->open_block("variablelist", common(b.attributes));
                for (const auto& d : b.definitions) {
                    xml_->open_block("varlistentry");
                    xml_->open_inline("term");
                    inlines(d.term);
                    xml_->close();
                    xml_->open_block("listitem");
                    // DocBook has one listitem a term: a processing instruction parts its definitions.
                    for (std::size_t n = 0; n < d.definitions.size(); ++n) {
                        if (n > 0) xml_->processing_instruction("definition");
                        required_blocks(d.definitions[n]);
                    }
                    if (d.definitions.empty()) xml_->empty("para");
                    xml_->close();
                    xml_->close();
                }
                xml_->close();
                break;
            case Block::Kind::line_block: {
                // literallayout keeps line breaks and leading spaces, in print and on screen.
                XmlAttributes attributes = common(b.attributes);
                attributes.emplace_back("class", "normal");
                xml_->open_inline("literallayout", attributes);
                for (std::size_t n = 0; n < b.lines.size(); ++n) {
                    if (n > 0) xml_->text("\n");
                    inlines(b.lines[n]);
                }
                xml_->close();
                break;
            }
            case Block::Kind::table: table(b); break;
            case Block::Kind::figure: figure(b); break;
            case Block::Kind::thematic_break: {
                XmlAttributes attributes = common(b.attributes);
                attributes.emplace_back("role", "thematic-break");
                xml_->text_element("para", "* * *", attributes);
                break;
            }
            case Block::Kind::display_math:
                xml_->open_inline("informalequation", common(b.attributes));
                math(b.math);
                xml_->close();
                break;
            case Block::Kind::raw:  // DocBook's own, as text when it is not well-formed; else what it shows
                if (b.format != "docbook") blocks(b.children);
                else if (!xml_->fragment(b.text)) xml_->text_element("programlisting", b.text);
                break;
        }
    }

    void list(const Block& b) {
        XmlAttributes attributes = common(b.attributes);
        if (b.ordered && b.start != 1) attributes.emplace_back("startingnumber", std::to_string(b.start));
        if (b.ordered && b.style != ListStyle::decimal) {
            static constexpr const char* numeration[] = {"arabic", "loweralpha", "upperalpha", "lowerroman",
                                                         "upperroman"};
            attributes.emplace_back("numeration", numeration[static_cast<int>(b.style)]);
        }
        if (b.tight) attributes.emplace_back("spacing", "compact");
        xml_->open_block(b.ordered ? "orderedlist" : "itemizedlist", attributes);
        for (std::size_t n = 0; n < b.items.size(); ++n) {
            const Task task = n < b.tasks.size() ? b.tasks[n] : Task::none;
            if (task == Task::none) {
                xml_->open_block("listitem");
            } else {
                xml_->open_block("listitem", {{"role", task == Task::checked ? "task-done" : "task"}});
                // The box as text, so that print shows it: DocBook has no task list.
                xml_->text_element("para", task == Task::checked ? "[x]" : "[ ]", {{"role", "task-box"}});
            }
            required_blocks(b.items[n]);
            xml_->close();
        }
        xml_->close();
    }

    // Whether `list` writes one of DocBook's para blocks (para, anchor ...) at its top, which no
    // para may hold.
    static bool writes_para(const std::vector<Block>& list) {
        for (const Block& b : list) {
            switch (b.kind) {
                case Block::Kind::paragraph:
                case Block::Kind::thematic_break: return true;
                case Block::Kind::raw:  // DocBook's own may be a para; another format's shows its children
                    if (b.format == "docbook" || writes_para(b.children)) return true;
                    break;
                case Block::Kind::division:
                    if (b.admonition().empty() &&
                        (!b.attributes.id.empty() || !b.attributes.language.empty() || writes_para(b.children)))
                        return true;
                    break;
                default: break;
            }
        }
        return false;
    }

    void division_block(const Block& b) {
        if (auto kind = b.admonition(); !kind.empty()) {
            xml_->open_block(kind, common(b.attributes));
            required_blocks(b.children);
            xml_->close();
            return;
        }
        // DocBook has no generic division; its content goes where it stands (an id or a
        // language is kept on a wrapping para).
        if (b.attributes.id.empty() && b.attributes.language.empty()) {
            blocks(b.children);
            return;
        }
        if (writes_para(b.children)) {
            // A para cannot hold a para: the id on an anchor before the content, the language
            // on each block of it that has none of its own.
            if (!b.attributes.id.empty()) {
                XmlAttributes anchor;
                identify(b.attributes, anchor);
                xml_->empty("anchor", anchor);
            }
            if (b.attributes.language.empty()) {
                blocks(b.children);
                return;
            }
            std::vector<Block> children = b.children;
            for (Block& c : children)
                if (c.attributes.language.empty()) c.attributes.language = b.attributes.language;
            blocks(children);
            return;
        }
        XmlAttributes attributes = common(b.attributes);
        if (!b.attributes.classes.empty()) attributes.emplace_back("role", b.attributes.classes.front());
        xml_->open_block("para", attributes);
        required_blocks(b.children);
        xml_->close();
    }

    // An HTML table (DocBook 5 allows them): spans and cells of blocks as they are.
    void table(const Block& b) {
        XmlAttributes attributes = common(b.attributes);
        const bool captioned = !b.caption.empty();
        xml_->open_block(captioned ? "table" : "informaltable", attributes);
        if (captioned) {
            xml_->open_inline("caption");
            inlines(b.caption);
            xml_->close();
        }
        if (!b.table.columns.empty()) {
            xml_->open_block("colgroup");
            for (const auto& c : b.table.columns) {
                XmlAttributes col;
                if (c.width > 0) col.emplace_back("width", percent(c.width));
                if (auto a = alignment_name(c.alignment); !a.empty()) col.emplace_back("align", std::string(a));
                xml_->empty("col", col);
            }
            xml_->close();
        }
        // A table must have a body: one made only of head rows has them as its body.
        const bool head_only = b.table.body.empty();
        if (!head_only) rows("thead", b.table.head, b.table.columns);
        rows("tfoot", b.table.foot, b.table.columns);
        rows("tbody", head_only ? b.table.head : b.table.body, b.table.columns);
        xml_->close();
    }

    static std::string percent(double share) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.1f%%", share * 100);
        return buffer;
    }

    void rows(const char* part, const std::vector<TableRow>& list, const std::vector<TableColumn>& columns) {
        if (list.empty()) return;
        xml_->open_block(part);
        const auto starts = cell_columns(list);
        for (std::size_t r = 0; r < list.size(); ++r) {
            const auto& row = list[r];
            xml_->open_block("tr");
            for (std::size_t c = 0; c < row.cells.size(); ++c) {
                const auto& cell = row.cells[c];
                const std::size_t column = starts[r][c];
                XmlAttributes attributes;
                if (cell.row_span != 1) attributes.emplace_back("rowspan", std::to_string(cell.row_span));
                if (cell.column_span != 1) attributes.emplace_back("colspan", std::to_string(cell.column_span));
                Alignment a = cell.alignment;
                if (a == Alignment::unspecified && column < columns.size()) a = columns[column].alignment;
                if (auto name = alignment_name(a); !name.empty()) attributes.emplace_back("align", std::string(name));
                xml_->open_block(cell.header ? "th" : "td", attributes);
                required_blocks(cell.blocks);
                xml_->close();
            }
            xml_->close();
        }
        xml_->close();
    }

    void figure(const Block& b) {
        const bool captioned = !b.caption.empty();
        xml_->open_block(captioned ? "figure" : "informalfigure", common(b.attributes));
        if (captioned) title(b.caption, "");
        // An image alone in a paragraph is the figure's mediaobject; anything else stays blocks.
        bool wrote = false;
        for (const auto& c : b.children) {
            if (c.kind == Block::Kind::paragraph && c.inlines.size() == 1 && c.inlines[0].kind == Inline::Kind::image) {
                media("mediaobject", c.inlines[0]);
                wrote = true;
            } else if (renders(c)) {
                block(c);
                wrote = true;
            }
        }
        if (!wrote) xml_->empty("para");
        xml_->close();
    }

    // An image as a (inline)mediaobject: the picture, and its alt text for those who cannot see it.
    void media(const char* element, const Inline& image) {
        const bool is_inline = std::string_view(element) == "inlinemediaobject";
        const XmlAttributes attributes = common(image.attributes);
        if (is_inline) xml_->open_inline(element, attributes); else xml_->open_block(element, attributes);
        const bool resource = settings_.resources && settings_.resources->find(image.target);
        XmlAttributes data{{"fileref", resource ? settings_.media_prefix + image.target : image.target}};
        if (auto w = image.attributes.get("width"); !w.empty()) data.emplace_back("contentwidth", w);
        if (auto h = image.attributes.get("height"); !h.empty()) data.emplace_back("contentdepth", h);
        // The title (a tooltip in HTML) as the alt element, the alt text as the text object.
        if (!image.title.empty()) xml_->text_element("alt", image.title);
        if (is_inline) xml_->open_inline("imageobject"); else xml_->open_block("imageobject");
        xml_->empty("imagedata", data);
        xml_->close();
        if (!image.text.empty()) {
            if (is_inline) xml_->open_inline("textobject"); else xml_->open_block("textobject");
            xml_->text_element("phrase", image.text);
            xml_->close();
        }
        xml_->close();
    }

    // MathML when the source had it (well-formed), else the TeX source as a mathphrase.
    void math(const Math& m) {
        if (settings_.mathml && !m.mathml.empty()) {
            // The TeX source too, so that both forms read back: DocBook's alt comes first.
            if (!m.tex.empty()) xml_->text_element("alt", m.tex, {{"role", "tex"}});
            if (xml_->fragment(namespaced_mathml(m.mathml))) return;
        }
        xml_->text_element("mathphrase", m.tex.empty() ? m.mathml : m.tex);
    }

    void inlines(const std::vector<Inline>& list) {
        for (const auto& i : list) inline_(i);
    }

    void wrapped(std::string_view element, const Inline& i, XmlAttributes attributes = {}) {
        language(i.attributes, attributes);
        xml_->open_inline(element, attributes);
        inlines(i.children);
        xml_->close();
    }

    // An element whose content DocBook limits to text and a few inlines (superscript, subscript,
    // attribution): what it holds is written as phrases, and its footnotes follow it.
    void limited(std::string_view element, const XmlAttributes& attributes, const std::vector<Inline>& children) {
        const bool outermost = !limited_;
        limited_ = true;
        xml_->open_inline(element, attributes);
        inlines(children);
        xml_->close();
        if (!outermost) return;
        limited_ = false;
        auto notes = std::move(deferred_notes_);
        deferred_notes_.clear();
        if (notes.empty()) return;
        // An attribution stands among blocks: its footnotes go in a para after it.
        const bool among_blocks = !xml_->in_inline_element();
        if (among_blocks) xml_->open_inline("para");
        for (const Inline* note : notes) inline_(*note);
        if (among_blocks) xml_->close();
    }
    void limited(std::string_view element, const Inline& i) {
        XmlAttributes attributes;
        language(i.attributes, attributes);
        limited(element, attributes, i.children);
    }

    // Emphasis and the like: their element, or in a limited element a phrase with their role.
    void emphasis(const Inline& i, std::string_view role) {
        if (!limited_) {
            wrapped("emphasis", i, role.empty() ? XmlAttributes{} : XmlAttributes{{"role", std::string(role)}});
            return;
        }
        XmlAttributes attributes{{"role", role.empty() ? std::string("emphasis") : std::string(role)}};
        wrapped("phrase", i, attributes);
    }

    // Where the content model is full again (a link's) inside a limited element.
    void unlimited(const std::function<void()>& write) {
        const bool was = limited_;
        auto notes = std::move(deferred_notes_);
        deferred_notes_.clear();
        limited_ = false;
        write();
        limited_ = was;
        deferred_notes_ = std::move(notes);
    }

    // The xml:id a reference leads to; nullopt when it leads to nothing in the book (known only
    // when rendering against the book: alone, every reference is taken to lead where it says).
    std::optional<std::string> reference_target(std::string_view target) const {
        const auto [article, local] = split_reference(target);
        std::string id;
        if (article.empty() || article == article_id_ || (local.empty() && ids_.local.count(std::string(article)))) {
            const std::string name(local.empty() && !article.empty() && article != article_id_ ? article : local);
            if (name.empty()) {
                id = ids_.structure.front();
            } else if (auto it = ids_.local.find(name); it != ids_.local.end()) {
                id = it->second;
            } else {
                id = part_xml_id(article_id_, name);
            }
        } else {
            const std::string key(target);
            const auto moved = book_ ? book_->moved.find(key) : BookTargets{}.moved.end();
            if (book_ && moved != book_->moved.end()) id = moved->second;
            else id = local.empty() ? article_xml_id(std::string(article)) : part_xml_id(std::string(article), std::string(local));
        }
        if (book_ && !book_->written.count(id)) return std::nullopt;
        return id;
    }

    void inline_(const Inline& i) {
        switch (i.kind) {
            case Inline::Kind::text: xml_->text(i.text); break;
            case Inline::Kind::code:
                if (limited_) xml_->text_element("phrase", i.text, {{"role", "code"}});
                else xml_->text_element("literal", i.text);
                break;
            // DocBook has no line-break element; docbook-xsl honours this processing instruction.
            // A line end after it keeps the words on either side apart for a tool that does not
            // know the instruction (it reads white space); fascicle's reader takes it as part of the break.
            case Inline::Kind::line_break:
                xml_->processing_instruction("linebreak");
                xml_->text("\n");
                break;
            case Inline::Kind::emphasis: emphasis(i, ""); break;
            case Inline::Kind::strong: emphasis(i, "strong"); break;
            case Inline::Kind::strikethrough: emphasis(i, "strikethrough"); break;
            case Inline::Kind::small_caps: emphasis(i, "smallcaps"); break;
            case Inline::Kind::superscript: limited("superscript", i); break;
            case Inline::Kind::subscript: limited("subscript", i); break;
            case Inline::Kind::span: {
                XmlAttributes attributes;
                identify(i.attributes, attributes);
                if (!i.attributes.classes.empty()) attributes.emplace_back("role", i.attributes.classes.front());
                wrapped("phrase", i, attributes);
                break;
            }
            case Inline::Kind::link:
                // An empty target is the empty URI reference (this document), as Markdown's "[x]()" says.
                if (auto href = i.target.empty() ? std::optional<std::string>("") : normalized_uri(i.target); !href) {
                    if (unusable_links++ == 0) first_unusable_link = i.target;
                    if (i.children.empty()) xml_->text(i.target);
                    else inlines(i.children);
                } else if (i.children.empty()) {
                    xml_->empty("link", {{"xlink:href", *href}});  // shown as its address
                } else {
                    XmlAttributes attributes{{"xlink:href", *href}};
                    if (!i.title.empty()) attributes.emplace_back("xlink:title", i.title);
                    xml_->open_inline("link", attributes);
                    unlimited([&] { inlines(i.children); });
                    xml_->close();
                }
                break;
            case Inline::Kind::reference: {
                const auto id = reference_target(i.target);
                if (!id) {
                    if (unresolved++ == 0) first_unresolved = i.target;
                    if (i.children.empty()) xml_->text(i.target);
                    else inlines(i.children);
                } else if (i.children.empty()) {
                    xml_->empty("xref", {{"linkend", *id}});
                } else {
                    xml_->open_inline("link", {{"linkend", *id}});
                    unlimited([&] { inlines(i.children); });
                    xml_->close();
                }
                break;
            }
            case Inline::Kind::image: media("inlinemediaobject", i); break;
            case Inline::Kind::note:
                if (limited_) deferred_notes_.push_back(&i);
                else note(i);
                break;
            case Inline::Kind::math:
                if (limited_) {
                    ++formulas_as_text;
                    xml_->text_element("phrase", i.math.tex.empty() ? i.math.mathml : i.math.tex, {{"role", "tex"}});
                    break;
                }
                xml_->open_inline("inlineequation");
                math(i.math);
                xml_->close();
                break;
            case Inline::Kind::raw:
                if (i.format == "docbook" && xml_->fragment(i.text)) break;
                break;  // reported by the census: written only by its own format
        }
    }

    // A footnote holds blocks, as they are everywhere else; it stands in a line of text, so they
    // are rendered apart, one level in, and put in the line as they are.
    void note(const Inline& i) {
        XmlAttributes attributes;
        identify(i.attributes, attributes);
        xml_->open_inline("footnote", attributes);
        std::string content = "\n";
        XmlStream inner(content, xml_->level());
        XmlStream* outer = xml_;
        xml_ = &inner;
        required_blocks(i.blocks);
        xml_ = outer;
        inner_replacements += inner.replacements();
        content.append(2 * (xml_->level() - 1), ' ');
        xml_->markup(content);
        xml_->close();
    }

    const DivisionSettings& settings_;
    std::string article_id_;
    const ArticleIds& ids_;
    const BookTargets* book_;
    std::size_t next_ = 0;
    XmlStream* xml_;
    std::set<std::string> identified_;  // the local ids written so far
    bool limited_ = false;              // inside a superscript, subscript or attribution
    std::vector<const Inline*> deferred_notes_;  // footnotes met there, written after it
};

}  // namespace

std::string BookIds::take(const std::string& base) {
    std::string id = base;
    for (int n = 2; !insert(id_hash(id)); ++n) id = base + "-" + std::to_string(n);
    return id;
}

bool BookIds::insert(std::uint64_t hash) {
    hash = std::max<std::uint64_t>(hash, 1);  // 0 marks a free slot
    if (4 * (count_ + 1) > 3 * slots_.size()) {  // at most 3/4 full: probe sequences stay short
        std::vector<std::uint64_t> old(std::max<std::size_t>(1024, 2 * slots_.size()), 0);
        old.swap(slots_);
        count_ = 0;
        for (std::uint64_t h : old)
            if (h) insert(h);
    }
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        if (slots_[i] == hash) return false;
        if (slots_[i] == 0) {
            slots_[i] = hash;
            ++count_;
            return true;
        }
    }
}

std::optional<Division> division_from(const Options& options, bool split, DiagnosticSink& diagnostics) {
    auto it = options.find(division_option);
    if (it == options.end()) return split ? Division::article : Division::chapter;
    if (it->second == "chapter") return Division::chapter;
    if (it->second == "article") return Division::article;
    diagnostics.error("", 0, 0,
                      "--" + std::string(division_option) + " must be 'chapter' or 'article', not '" +
                          it->second + "'");
    return std::nullopt;
}

Status DocBookWriter::begin_book(const Metadata& book, WriteContext& ctx) {
    ctx_ = &ctx;
    settings_.reset();
    ids_ = {};
    targets_ = {};
    held_.clear();
    articles_written_ = 0;
    const auto division = division_from(ctx.options, ctx.split, ctx.diagnostics);
    if (!division) return Status::failed;
    DivisionSettings settings{*division, ctx.split, std::string(trimmed(book.language)), book.get("conclusion-title"),
                              ctx.resources, {}};
    settings.mathml = ctx.options.find(math_as_text_option) == ctx.options.end();
    settings.page_anchors = ctx.options.count(page_anchors_option) > 0;
    media_.clear();
    media_folder_.reset();
    if (auto dir = ctx.options.find(extract_media_option); dir != ctx.options.end() && !dir->second.empty()) {
        media_folder_ = std::filesystem::path(dir->second);
        settings.media_prefix = dir->second.back() == '/' ? dir->second : dir->second + "/";
    } else if (auto file = ctx.output.file()) {
        media_folder_ = file->parent_path();  // beside the document, as its relative references say
    }
    if (settings.language.empty()) settings.language = default_language;

    if (!ctx.split) {  // a split document is one article: no book around it
        std::string head;
        XmlStream xml(head);
        xml.declaration();
        xml.open_block("book", {{"xmlns", std::string(docbook_namespace)},
                                {"xmlns:xlink", std::string(xlink_namespace)},
                                {"version", "5.0"},
                                {"xml:lang", settings.language}});
        write_book_info(xml, book);
        if (xml.replacements() > 0)
            ctx.diagnostics.warning("", 0, 0, replaced_characters(xml.replacements(), "the book's metadata"));
        if (!write_out(head)) return Status::failed;
    }
    settings_ = std::move(settings);
    return Status::ok;
}

std::optional<std::string> DocBookWriter::render_article(const Article& article, DiagnosticSink& diagnostics) const {
    if (!settings_) return std::nullopt;
    UniqueIds alone;
    Findings findings;
    std::string xml = render(article, take_ids(article, alone), nullptr, findings);
    warn_uncarried(article, census(article), "DocBook", every_kind, diagnostics);
    report(article, findings, true, diagnostics);
    return xml;
}

void DocBookWriter::report(const Article& article, const Findings& findings, bool alone,
                           DiagnosticSink& diagnostics) const {
    const auto file = diagnostic_file(article);
    if (alone && findings.replacements > 0)
        diagnostics.warning(file, 0, 0, replaced_characters(findings.replacements, "this article"));
    if (alone && findings.formulas_as_text > 0)
        diagnostics.warning(file, 0, 0,
                            std::to_string(findings.formulas_as_text) +
                                " formula(s) inside a superscript, subscript or attribution, where DocBook allows "
                                "none, written as their TeX");
    if (alone && findings.unusable_links > 0)
        diagnostics.warning(file, 0, 0,
                            "article '" + article.id + "': " + std::to_string(findings.unusable_links) +
                                " link(s) whose address cannot be made a URI (such as '" + findings.first_unusable_link +
                                "'): written as their text");
    if (!alone && findings.unresolved > 0)
        diagnostics.warning(file, 0, 0,
                            "article '" + article.id + "': " + std::to_string(findings.unresolved) +
                                " internal references lead to nothing in the book (such as '" +
                                findings.first_unresolved + "'): written as their text");
}

Status DocBookWriter::write_rendered(const Article& article, std::string&& rendered) {
    if (!settings_) return Status::failed;
    if (settings_->split && articles_written_ > 0) {
        ctx_->diagnostics.error(diagnostic_file(article), 0, 0,
                                "a standalone DocBook document holds one article; this is the second");
        return Status::failed;
    }
    ++articles_written_;
    UniqueIds alone;
    ArticleIds ids = take_ids(article, ids_);
    const ArticleIds own = take_ids(article, alone);
    if (ids != own) {
        Findings reported_already;  // by render_article
        rendered = render(article, ids, nullptr, reported_already);
        if (ids.structure.front() != own.structure.front()) targets_.moved[article.id] = ids.structure.front();
        for (const auto& [local, id] : ids.local)
            if (own.local.at(local) != id) targets_.moved[article.id + "#" + local] = id;
    }
    targets_.articles.insert(article.id);
    attribute_values(rendered, "xml:id", [this](std::string_view id) { targets_.written.emplace(id); });
    if (ctx_->resources) add_image_resources(article, *ctx_->resources, media_);
    held_.push_back({{}, std::move(ids), std::move(rendered)});
    // Held only when it must wait: most articles are written at once, and not copied.
    if (held_.size() == 1) {
        held_.back().article.id = article.id;
        const auto state = readiness(article, held_.back());
        if (state != Readiness::waits) {
            Held ready = std::move(held_.back());
            held_.pop_back();
            return write_held(article, ready, state) ? Status::ok : Status::failed;
        }
    }
    held_.back().article = article;
    return flush_held(false) ? Status::ok : Status::failed;
}

DocBookWriter::Readiness DocBookWriter::readiness(const Article& article, const Held& held) const {
    bool all_written = true;
    attribute_values(held.rendered, "linkend",
                     [&](std::string_view id) { all_written = all_written && targets_.written.count(std::string(id)); });
    if (all_written) return Readiness::as_rendered;
    bool waits = false;
    walk(article, IrVisitor{{}, [&](const Inline& i) {
                                if (i.kind != Inline::Kind::reference) return;
                                const auto to = reference_article(i.target, article, held.ids);
                                if (!to.empty() && !targets_.articles.count(std::string(to))) waits = true;
                            }, {}});
    return waits ? Readiness::waits : Readiness::rerender;
}

bool DocBookWriter::write_held(const Article& article, Held& held, Readiness state) {
    if (state != Readiness::as_rendered) {
        Findings findings;
        held.rendered = render(article, held.ids, &targets_, findings);
        report(article, findings, false, ctx_->diagnostics);
    }
    return write_out(held.rendered);
}

bool DocBookWriter::flush_held(bool finish) {
    while (!held_.empty()) {
        Held& front = held_.front();
        const auto state = readiness(front.article, front);
        if (state == Readiness::waits && !finish) return true;
        if (!write_held(front.article, front, state)) return false;
        held_.pop_front();
    }
    return true;
}

Status DocBookWriter::write_article(const Article& article) {
    if (!settings_) return Status::failed;
    auto rendered = render_article(article, ctx_->diagnostics);
    return write_rendered(article, std::move(*rendered));
}

Status DocBookWriter::end_book() {
    if (!settings_) return Status::failed;
    if (!flush_held(true)) return Status::failed;
    if (!media_.empty()) {
        if (!media_folder_) {
            ctx_->diagnostics.warning("", 0, 0, std::to_string(media_.size()) +
                                                    " image(s) are referred to by name but not written: give "
                                                    "--extract-media DIR to write them");
        } else if (!export_media(media_, *ctx_->resources, *media_folder_, ctx_->diagnostics)) {
            return Status::failed;
        }
    }
    if (!settings_->split && !write_out("</book>\n")) return Status::failed;
    ctx_->output.stream().flush();
    return output_ok() ? Status::ok : Status::failed;
}

std::string DocBookWriter::render(const Article& article, const ArticleIds& ids, const BookTargets* book,
                                  Findings& findings) const {
    std::string out;
    XmlStream xml(out, settings_->split ? 0 : 1);  // inside <book> unless split
    if (settings_->split) xml.declaration();
    DivisionRenderer renderer(*settings_, ids, book, xml);
    if (settings_->page_anchors) renderer.page_anchors = page_anchor_numbers(article);
    renderer.division(article);
    findings.replacements = xml.replacements() + renderer.inner_replacements;
    findings.formulas_as_text = renderer.formulas_as_text;
    findings.unresolved = renderer.unresolved;
    findings.first_unresolved = renderer.first_unresolved;
    findings.unusable_links = renderer.unusable_links;
    findings.first_unusable_link = renderer.first_unusable_link;
    return out;
}

bool DocBookWriter::write_out(const std::string& xml) {
    std::ostream& out = ctx_->output.stream();
    out.write(xml.data(), static_cast<std::streamsize>(xml.size()));
    return output_ok();
}

bool DocBookWriter::output_ok() {
    if (ctx_->output.stream()) return true;
    ctx_->diagnostics.error("", 0, 0, "cannot write the DocBook output");
    return false;
}

}  // namespace fascicle::docbook
