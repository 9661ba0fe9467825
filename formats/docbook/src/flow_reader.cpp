#include "flow_reader.hpp"

#include "text_whitespace.hpp"
#include "writer_ids.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <set>

namespace fascicle::docbook {

namespace {

// DocBook has one element for quotations and no way to say which marks; these are English's.
constexpr std::string_view outer_quote_open = "\u201C", outer_quote_close = "\u201D";
constexpr std::string_view inner_quote_open = "\u2018", inner_quote_close = "\u2019";
constexpr std::string_view mathml_namespace = "http://www.w3.org/1998/Math/MathML";

bool is_whitespace_text(pugi::xml_node node) {
    if (node.type() != pugi::node_pcdata) return false;
    const std::string_view value = node.value();
    return value.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

template <std::size_t N>
bool listed(const std::string_view (&names)[N], std::string_view name) {
    return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// Block containers that become a division of their name's class (a title, when they have one,
// its first paragraph, of class "title").
constexpr std::string_view container_elements[] = {
    "sidebar", "example", "informalexample", "qandaset", "qandadiv", "qandaentry", "question", "answer",
    "bibliography", "bibliodiv", "biblioentry", "bibliomixed", "bibliolist", "glossary", "glossdiv", "abstract",
    "partintro", "refnamediv", "refsynopsisdiv", "refsection", "refsect1", "refsect2", "refsect3", "highlights",
    "task", "taskprerequisites", "tasksummary", "taskrelated", "section", "simplesect", "sect1", "sect2", "sect3",
    "sect4", "sect5", "colophon", "dedication", "acknowledgements", "legalnotice", "msgset", "formalpara",
    "caption", "index", "setindex", "indexdiv", "toc", "article", "chapter", "appendix", "preface", "refentry",
    "reference", "part", "blockinfo", "revhistory", "revision", "screenshot", "procedure", "stepalternatives",
    "bridgehead", "para", "annotation", "itermset", "result", "tocdiv", "lot"};

constexpr std::string_view code_inline_elements[] = {
    "literal", "code", "command", "filename", "option", "varname", "function", "parameter", "classname",
    "methodname", "envar", "systemitem", "userinput", "computeroutput", "prompt", "constant", "property", "type",
    "markup", "tag", "sgmltag", "returnvalue", "symbol", "token", "structname", "structfield", "literallayout",
    "keycode", "interfacename", "exceptionname", "ooclass", "oointerface", "ooexception", "uri", "varargs",
    "void", "modifier", "initializer", "package", "macroname", "errorcode", "errorname", "errortype"};

// Inline elements that only say what their text is: a span of that class.
constexpr std::string_view span_elements[] = {
    "acronym", "abbrev", "productname", "productnumber", "trademark", "application", "glossterm", "wordasword",
    "personname", "firstname", "surname", "othername", "honorific", "lineage", "givenname", "orgname",
    "citation", "lineannotation", "hardware", "database", "guilabel", "guimenu", "guimenuitem", "guisubmenu",
    "guibutton", "guiicon", "menuchoice", "shortcut", "keycap", "keycombo", "keysym", "mousebutton", "accel",
    "remark", "phrase", "author", "editor", "othercredit", "orgdiv", "jobtitle", "address", "street", "city",
    "state", "postcode", "country", "phone", "fax", "otheraddr", "pob", "affiliation", "shortaffil", "contrib",
    "date", "releaseinfo", "edition", "volumenum", "issuenum", "pagenums", "subjectset", "biblioid",
    "bibliosource", "bibliorelation", "bibliocoverage", "bibliomisc", "pubdate", "publishername", "publisher",
    "copyright", "year", "holder", "authorinitials", "revnumber", "revremark", "collab", "corpauthor",
    "corpname", "title", "subtitle", "titleabbrev", "label", "refname", "refpurpose", "refdescriptor",
    "refclass", "refmiscinfo", "manvolnum", "refentrytitle", "citerefentry", "citebiblioid", "arg", "group",
    "sbr", "replaceable", "optional", "cmdsynopsis", "funcsynopsis", "funcsynopsisinfo", "funcprototype",
    "funcdef", "paramdef", "classsynopsis", "fieldsynopsis", "methodsynopsis", "methodparam", "synopfragment",
    "synopfragmentref", "alt", "termdef", "mathphrase", "tertiary", "org", "package", "person", "msgtext",
    "msgexplan", "msg", "msgmain", "msgsub", "msgrel", "msginfo", "msglevel", "msgorig", "msgaud",
    "seg", "segtitle", "seglistitem", "member", "firstterm", "foreignphrase", "citetitle", "emphasis", "email",
    "nonterminal", "lhs", "rhs", "production", "constraint", "coref", "keywordset", "keyword", "subject",
    "subjectterm", "inlinegraphic", "textobject", "textdata", "mediaobjectco", "imageobjectco", "areaspec",
    "area", "areaset", "programlistingco", "screenco", "co", "anchor", "trademark", "superscript", "subscript"};

// An inline's plain text with its white space tidied (for alt texts and terms).
std::string tidy(const std::vector<Inline>& inlines) { return tidy_whitespace(plain_text(inlines)); }

void escape_xml(std::string& out, std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else if (c == '&') out += "&amp;";
        else if (c == '"') out += "&quot;";
        else if (c < 0x80) out += char(c);
        else {
            // Non-ASCII as character references, as MathML sources most often write them.
            const std::size_t length = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            char32_t cp = length == 2 ? c & 0x1F : length == 3 ? c & 0x0F : c & 0x07;
            for (std::size_t k = 1; k < length && i + k < text.size(); ++k)
                cp = cp << 6 | (static_cast<unsigned char>(text[i + k]) & 0x3F);
            i += length - 1;
            char buffer[16];
            std::snprintf(buffer, sizeof buffer, "&#x%X;", static_cast<unsigned>(cp));
            out += buffer;
        }
    }
}

}  // namespace

void BlockCollector::add_block(Block block) {
    close_paragraph();
    out_->push_back(std::move(block));
}

void BlockCollector::close_paragraph() {
    tidy_whitespace(paragraph_);
    if (has_content(paragraph_)) {
        Block block;
        block.inlines = std::move(paragraph_);
        block.attributes = std::move(attributes_);
        out_->push_back(std::move(block));
    }
    paragraph_.clear();
    attributes_ = {};
}

bool FlowReader::is_block(pugi::xml_node element) const {
    const auto name = document_.name(element);
    return one_of(name, {"para", "simpara", "itemizedlist", "orderedlist", "blockquote", "programlisting", "screen",
                         "synopsis", "literallayout", "address", "variablelist", "glosslist", "simplelist",
                         "figure", "informalfigure", "mediaobject", "table", "informaltable", "equation",
                         "informalequation", "note", "tip", "warning", "caution", "important", "epigraph",
                         "calloutlist", "segmentedlist", "glossentry"}) ||
           listed(container_elements, name);
}

Attributes FlowReader::attributes_of(pugi::xml_node element) const {
    Attributes a;
    if (!document_.source().attribute(element, "xml:id").empty() || !document_.source().attribute(element, "id").empty())
        a.id = local_id(element);
    a.language = document_.source().attribute(element, "xml:lang");
    if (a.language.empty()) a.language = document_.source().attribute(element, "lang");
    return a;
}

std::string FlowReader::local_id(pugi::xml_node element) const {
    auto id = document_.source().attribute(element, "xml:id");
    if (id.empty()) id = document_.source().attribute(element, "id");
    if (targets_)
        if (const auto it = targets_->find(id); it != targets_->end()) return it->second.local;
    return id;
}

std::vector<Block> FlowReader::blocks_of(pugi::xml_node container) {
    std::vector<Block> blocks;
    BlockCollector into(blocks);
    for (auto child : container.children()) read(child, into);
    into.close_paragraph();
    return blocks;
}

std::string FlowReader::title_text(pugi::xml_node title) {
    std::vector<Inline> inlines;
    read_inline_children(title, inlines);
    return tidy_whitespace(plain_text(inlines));
}

std::vector<Inline> FlowReader::title_inlines_of(pugi::xml_node title) {
    std::vector<Inline> inlines;
    read_inline_children(title, inlines);
    tidy_whitespace(inlines);
    return inlines;
}

void FlowReader::read(pugi::xml_node node, BlockCollector& into) {
    switch (node.type()) {
        case pugi::node_pcdata:
        case pugi::node_cdata: append_text(into.paragraph(), document_.source().text(node)); return;
        case pugi::node_pi: read_inline(node, into.paragraph()); return;
        case pugi::node_element: break;
        default: return;
    }
    const auto name = document_.name(node);
    if (name == "para" || name == "simpara") read_para(node, into);
    else if (name == "itemizedlist" || name == "orderedlist" || name == "simplelist" || name == "calloutlist")
        read_list(node, into);
    else if (name == "variablelist") read_variablelist(node, into);
    else if (name == "glosslist" || name == "glossentry") read_glosslist(node, into);
    else if (name == "blockquote" || name == "epigraph") into.add_block(read_blockquote(node));
    else if (name == "programlisting" || name == "screen" || name == "synopsis") into.add_block(read_code(node));
    else if (name == "literallayout" || name == "address") into.add_block(read_line_block(node));
    else if (name == "figure" || name == "informalfigure") into.add_block(read_figure(node));
    else if (name == "mediaobject") {
        Block b = Block::paragraph(std::vector<Inline>{read_image(node)});
        b.attributes = attributes_of(node);
        into.add_block(std::move(b));
    } else if (name == "table" || name == "informaltable") into.add_block(read_table(node));
    else if (name == "equation" || name == "informalequation") into.add_block(read_equation(node));
    else if (one_of(name, {"note", "tip", "warning", "caution", "important"})) into.add_block(read_container(node, name));
    else if (name == "procedure" || name == "substeps" || name == "stepalternatives") read_list(node, into);
    else if (one_of(name, {"footnote", "indexterm", "inlinemediaobject", "inlineequation", "footnoteref", "xref"}))
        read_inline(node, into.paragraph());
    else if (listed(container_elements, name) && holds_blocks(node))
        into.add_block(read_container(node, name));
    else if (!name.empty() && (document_.name(node) == "anchor" || !holds_blocks(node)))
        read_inline(node, into.paragraph());
    else read_unmapped(node, into);
}

void FlowReader::read_para(pugi::xml_node para, BlockCollector& into) {
    into.close_paragraph();
    const auto attributes = attributes_of(para);
    const auto role = document_.source().attribute(para, "role");
    if (role == "thematic-break") {  // what the DocBook writer makes of one
        Block b;
        b.kind = Block::Kind::thematic_break;
        b.attributes = attributes;
        into.add_block(std::move(b));
        return;
    }
    into.paragraph_attributes() = attributes;
    // A para the writer wrapped around blocks to carry an id or language is a division.
    if (holds_blocks(para) && !attributes.empty()) {
        Block division;
        division.kind = Block::Kind::division;
        division.attributes = attributes;
        if (!role.empty()) division.attributes.classes.push_back(role);
        division.children = blocks_of(para);
        into.paragraph_attributes() = {};
        into.add_block(std::move(division));
        return;
    }
    for (auto child : para.children()) read(child, into);
    into.close_paragraph();
}

void FlowReader::read_list(pugi::xml_node list, BlockCollector& into) {
    const auto name = document_.name(list);
    Block block;
    block.kind = Block::Kind::list;
    block.attributes = attributes_of(list);
    block.ordered = name == "orderedlist" || name == "procedure" || name == "substeps" || name == "calloutlist";
    block.tight = document_.source().attribute(list, "spacing") == "compact" || name == "simplelist";
    if (name == "calloutlist" || name == "procedure") block.attributes.classes.push_back(std::string(name));
    const auto numeration = document_.source().attribute(list, "numeration");
    if (numeration == "loweralpha") block.style = ListStyle::lower_alpha;
    else if (numeration == "upperalpha") block.style = ListStyle::upper_alpha;
    else if (numeration == "lowerroman") block.style = ListStyle::lower_roman;
    else if (numeration == "upperroman") block.style = ListStyle::upper_roman;
    if (const auto start = document_.source().attribute(list, "startingnumber"); block.ordered && !start.empty()) {
        int value = 0;
        const auto [end, ec] = std::from_chars(start.data(), start.data() + start.size(), value);
        if (ec == std::errc() && end == start.data() + start.size()) block.start = value;
        else document_.warning(list, "startingnumber=\"" + start + "\" is not a number: the list starts at 1");
    } else if (block.ordered && document_.source().attribute(list, "continuation") == "continues") {
        block.start = last_list_items_ + 1;
    }
    // A list may open with blocks (a title, a para...) before its items; they go before it.
    std::vector<Block> before;
    BlockCollector before_items(before);
    bool any_task = false;
    for (auto child : list.children()) {
        const auto child_name = document_.name(child);
        if (one_of(child_name, {"listitem", "step", "callout", "member"})) {
            if (child_name == "member") {
                std::vector<Inline> inlines;
                read_inline_children(child, inlines);
                block.items.push_back({Block::paragraph(std::move(inlines))});
                block.tasks.push_back(Task::none);
                continue;
            }
            auto item = blocks_of(child);
            // The writer's task box: a first para of role "task-box" in an item of role "task(-done)".
            const auto role = document_.source().attribute(child, "role");
            Task task = Task::none;
            if ((role == "task" || role == "task-done") && !item.empty() && item.front().kind == Block::Kind::paragraph) {
                const auto box = child.find_child([&](pugi::xml_node n) { return document_.name(n) == "para"; });
                if (box && document_.source().attribute(box, "role") == "task-box") {
                    item.erase(item.begin());
                    task = role == "task-done" ? Task::checked : Task::unchecked;
                    any_task = true;
                }
            }
            block.items.push_back(std::move(item));
            block.tasks.push_back(task);
        } else if (child_name == "title" || child_name == "info") {
            std::vector<Inline> title;
            const auto title_node = child_name == "title" ? child
                                    : child.find_child([&](pugi::xml_node n) { return document_.name(n) == "title"; });
            if (title_node) read_inline_children(title_node, title);
            tidy_whitespace(title);
            Block heading = Block::paragraph({Inline::wrap(Inline::Kind::strong, std::move(title))});
            heading.attributes.classes = {"title"};
            before_items.add_block(std::move(heading));
        } else if (!is_whitespace_text(child)) {
            read(child, before_items);
        }
    }
    if (!any_task) block.tasks.clear();
    before_items.close_paragraph();
    if (block.ordered) last_list_items_ = block.start - 1 + static_cast<int>(block.items.size());
    for (auto& b : before) into.add_block(std::move(b));
    into.add_block(std::move(block));
}

void FlowReader::read_variablelist(pugi::xml_node list, BlockCollector& into) {
    Block block;
    block.kind = Block::Kind::definition_list;
    block.attributes = attributes_of(list);
    std::vector<Block> before;
    BlockCollector before_entries(before);
    for (auto child : list.children()) {
        if (document_.name(child) != "varlistentry") {
            if (!is_whitespace_text(child)) read(child, before_entries);
            continue;
        }
        Definition d;
        for (auto part : child.children()) {
            const auto part_name = document_.name(part);
            if (part_name == "term") {
                if (!d.term.empty()) d.term.push_back(Inline::plain(", "));  // several terms share the item
                read_inline_children(part, d.term);
            } else if (part_name == "listitem") {
                // The DocBook writer parts several definitions with <?definition?>.
                d.definitions.emplace_back();
                BlockCollector definition(d.definitions.back());
                for (auto item_child : part.children()) {
                    if (item_child.type() == pugi::node_pi && std::string_view(item_child.name()) == "definition") {
                        definition.close_paragraph();
                        d.definitions.emplace_back();
                        definition = BlockCollector(d.definitions.back());
                        continue;
                    }
                    read(item_child, definition);
                }
                definition.close_paragraph();
            }
        }
        tidy_whitespace(d.term);
        block.definitions.push_back(std::move(d));
    }
    before_entries.close_paragraph();
    for (auto& b : before) into.add_block(std::move(b));
    into.add_block(std::move(block));
}

void FlowReader::read_glosslist(pugi::xml_node list, BlockCollector& into) {
    Block block;
    block.kind = Block::Kind::definition_list;
    block.attributes = attributes_of(list);
    block.attributes.classes = {"glossary"};
    auto read_entry = [&](pugi::xml_node entry) {
        Definition d;
        for (auto part : entry.children()) {
            const auto part_name = document_.name(part);
            if (part_name == "glossterm") read_inline_children(part, d.term);
            else if (part_name == "glossdef") d.definitions.push_back(blocks_of(part));
            else if (part_name == "glosssee" || part_name == "glossseealso" || part_name == "acronym" ||
                     part_name == "abbrev") {
                std::vector<Inline> text;
                read_inline_children(part, text);
                if (part_name == "acronym" || part_name == "abbrev") {
                    d.term.push_back(Inline::plain(" ("));
                    d.term.insert(d.term.end(), text.begin(), text.end());
                    d.term.push_back(Inline::plain(")"));
                    continue;
                }
                std::vector<Inline> see{Inline::plain(part_name == "glosssee" ? "See " : "See also ")};
                const auto target = document_.source().attribute(part, "otherterm");
                if (!target.empty() && text.empty()) see.push_back(reference_to(part, target, {}));
                else see.insert(see.end(), text.begin(), text.end());
                d.definitions.push_back({Block::paragraph(std::move(see))});
            }
        }
        tidy_whitespace(d.term);
        block.definitions.push_back(std::move(d));
    };
    if (document_.name(list) == "glossentry") read_entry(list);
    else
        for (auto child : list.children())
            if (document_.name(child) == "glossentry") read_entry(child);
            else if (!is_whitespace_text(child)) read(child, into);
    into.add_block(std::move(block));
}

Block FlowReader::read_blockquote(pugi::xml_node quote) {
    Block block;
    block.kind = Block::Kind::block_quote;
    block.attributes = attributes_of(quote);
    if (document_.name(quote) == "epigraph") block.attributes.classes.push_back("epigraph");
    BlockCollector into(block.children);
    for (auto child : quote.children()) {
        const auto name = document_.name(child);
        if (name == "attribution") {
            read_inline_children(child, block.attribution);
            tidy_whitespace(block.attribution);
        } else if (name == "title" || name == "info") {
            std::vector<Inline> title;
            const auto t = name == "title" ? child : child.find_child([&](pugi::xml_node n) { return document_.name(n) == "title"; });
            if (t) read_inline_children(t, title);
            tidy_whitespace(title);
            Block heading = Block::paragraph({Inline::wrap(Inline::Kind::strong, std::move(title))});
            heading.attributes.classes = {"title"};
            into.add_block(std::move(heading));
        } else {
            read(child, into);
        }
    }
    into.close_paragraph();
    return block;
}

Block FlowReader::read_code(pugi::xml_node listing) {
    Block block;
    block.kind = Block::Kind::code_block;
    block.attributes = attributes_of(listing);
    block.text = verbatim_text(listing);
    block.format = document_.source().attribute(listing, "language");
    return block;
}

Block FlowReader::read_line_block(pugi::xml_node layout) {
    Block block;
    block.kind = Block::Kind::line_block;
    block.attributes = attributes_of(layout);
    std::vector<Inline> inlines;
    read_inline_children(layout, inlines);
    // Lines end at the newlines of its text; inline markup stays on its line.
    block.lines.emplace_back();
    for (auto& i : inlines) {
        if (i.kind != Inline::Kind::text) {
            block.lines.back().push_back(std::move(i));
            continue;
        }
        std::string_view text = i.text;
        while (true) {
            const auto newline = text.find('\n');
            if (newline > 0 && !text.empty()) append_text(block.lines.back(), text.substr(0, newline));
            if (newline == std::string_view::npos) break;
            block.lines.emplace_back();
            text.remove_prefix(newline + 1);
        }
    }
    // A newline right after the start tag or before the end tag is layout, not a line.
    if (!block.lines.empty() && block.lines.front().empty()) block.lines.erase(block.lines.begin());
    if (!block.lines.empty() && block.lines.back().empty()) block.lines.pop_back();
    return block;
}

Block FlowReader::read_figure(pugi::xml_node figure) {
    Block block;
    block.kind = Block::Kind::figure;
    block.attributes = attributes_of(figure);
    BlockCollector into(block.children);
    for (auto child : figure.children()) {
        const auto name = document_.name(child);
        if (name == "title" || name == "caption") {
            block.caption = title_inlines_of(child);
        } else if (name == "info") {
            for (auto part : child.children())
                if (document_.name(part) == "title") block.caption = title_inlines_of(part);
        } else {
            read(child, into);
        }
    }
    into.close_paragraph();
    return block;
}

Inline FlowReader::read_image(pugi::xml_node media) {
    Inline image;
    image.kind = Inline::Kind::image;
    // The first image object (DocBook lists alternatives, best first), and a text one for the alt text.
    for (auto child : media.children()) {
        const auto name = document_.name(child);
        if ((name == "imageobject" || name == "imageobjectco") && image.target.empty()) {
            const auto data = child.find_node([&](pugi::xml_node n) { return document_.name(n) == "imagedata"; });
            if (!data) continue;
            auto fileref = document_.source().attribute(data, "fileref");
            if (fileref.empty()) fileref = document_.source().attribute(data, "entityref");
            image.target = document_.image(data, fileref);
            if (auto w = document_.source().attribute(data, "contentwidth"); !w.empty())
                image.attributes.pairs.emplace_back("width", w);
            else if (auto w2 = document_.source().attribute(data, "width"); !w2.empty())
                image.attributes.pairs.emplace_back("width", w2);
            if (auto h = document_.source().attribute(data, "contentdepth"); !h.empty())
                image.attributes.pairs.emplace_back("height", h);
            else if (auto h2 = document_.source().attribute(data, "depth"); !h2.empty())
                image.attributes.pairs.emplace_back("height", h2);
        } else if (name == "textobject" && image.text.empty()) {
            std::vector<Inline> text;
            for (auto part : child.children()) {
                if (document_.name(part) == "phrase" || document_.name(part) == "para") read_inline_children(part, text);
            }
            image.text = tidy(text);
        } else if (name == "alt") {
            std::vector<Inline> text;
            read_inline_children(child, text);
            image.title = tidy(text);
        } else if (name == "videoobject" || name == "audioobject" || name == "caption") {
            document_.unmapped(child, name == "caption" ? "kept as the image's alt text" : "left out");
            if (name == "caption" && image.text.empty()) image.text = tidy_whitespace(verbatim_text(child));
        }
    }
    // An alt without a text object is the alt text; beside one, the title (as the writer writes it).
    if (image.text.empty()) std::swap(image.text, image.title);
    return image;
}

Math FlowReader::read_math(pugi::xml_node holder) {
    auto all = read_maths(holder);
    for (std::size_t n = 1; n < all.size(); ++n) document_.lost(holder, "second formula in an inline equation", "left out");
    return all.empty() ? Math{} : all.front();
}

std::vector<Math> FlowReader::read_maths(pugi::xml_node holder) {
    std::vector<Math> maths;
    Math math;
    auto next = [&] {
        if (!math.mathml.empty() || !math.tex.empty()) maths.push_back(std::move(math));
        math = {};
    };
    for (auto child : holder.children()) {
        if (child.type() != pugi::node_element) continue;
        const auto name = document_.name(child);
        if (XmlSource::local_name(child) == "math" && document_.source().namespace_of(child) == mathml_namespace) {
            // The element written out whole, namespaced without a prefix.
            std::string out;
            std::function<void(pugi::xml_node, bool)> write = [&](pugi::xml_node n, bool top) {
                if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
                    escape_xml(out, document_.source().text(n));
                    return;
                }
                if (n.type() != pugi::node_element) return;
                out += "<" + std::string(XmlSource::local_name(n));
                if (top) out += " xmlns=\"" + std::string(mathml_namespace) + "\"";
                for (auto a : n.attributes()) {
                    const std::string_view attribute = a.name();
                    if (attribute == "xmlns" || attribute.starts_with("xmlns:")) continue;
                    out += " " + std::string(attribute) + "=\"";
                    escape_xml(out, document_.source().attribute(n, attribute));
                    out += "\"";
                }
                if (!n.first_child()) {
                    out += "/>";
                    return;
                }
                out += ">";
                for (auto c : n.children()) write(c, false);
                out += "</" + std::string(XmlSource::local_name(n)) + ">";
            };
            write(child, true);
            if (!math.mathml.empty()) next();  // an equation may hold several formulas
            math.mathml = out;
        } else if (name == "mathphrase" || name == "alt") {
            if (!math.tex.empty() && name == "mathphrase") next();
            math.tex = verbatim_text(child);
        } else if (name == "mediaobject" || name == "inlinemediaobject" || name == "graphic") {
            document_.unmapped(child, "left out (the equation keeps its other forms)");
        }
    }
    next();
    return maths;
}

Block FlowReader::read_equation(pugi::xml_node equation) {
    Block math;
    math.kind = Block::Kind::display_math;
    auto maths = read_maths(equation);
    if (!maths.empty()) math.math = maths.front();
    if (maths.size() > 1) {
        // Several formulas: a division of class "equation" holding each.
        Block division;
        division.kind = Block::Kind::division;
        division.attributes = attributes_of(equation);
        division.attributes.classes = {"equation"};
        for (auto& m : maths) {
            Block one;
            one.kind = Block::Kind::display_math;
            one.math = std::move(m);
            division.children.push_back(std::move(one));
        }
        return division;
    }
    const auto title = equation.find_child([&](pugi::xml_node n) { return document_.name(n) == "title"; });
    if (!title) {
        math.attributes = attributes_of(equation);
        return math;
    }
    // A numbered, titled equation: a figure of class "equation" holding it.
    Block figure;
    figure.kind = Block::Kind::figure;
    figure.attributes = attributes_of(equation);
    figure.attributes.classes = {"equation"};
    figure.caption = title_inlines_of(title);
    figure.children.push_back(std::move(math));
    return figure;
}

Block FlowReader::read_table(pugi::xml_node element) {
    Block block;
    block.kind = Block::Kind::table;
    block.attributes = attributes_of(element);
    std::vector<Block> notes;  // what a table holds besides rows (a textobject, a mediaobject)
    bool direct_rows = false;
    for (auto child : element.children()) {
        const auto name = document_.name(child);
        if (name == "title" || name == "caption") block.caption = title_inlines_of(child);
        else if (name == "info") {
            for (auto part : child.children())
                if (document_.name(part) == "title") block.caption = title_inlines_of(part);
        } else if (name == "tgroup") read_cals_group(child, block.table);
        else if (name == "colgroup" || name == "col") {
            auto read_col = [&](pugi::xml_node col) {
                TableColumn c;
                const auto align = document_.source().attribute(col, "align");
                c.alignment = align == "left" ? Alignment::left : align == "right" ? Alignment::right
                              : align == "center" ? Alignment::center : Alignment::unspecified;
                const auto width = document_.source().attribute(col, "width");
                if (width.ends_with("%")) c.width = std::atof(width.c_str()) / 100.0;
                int span = std::max(1, std::atoi(document_.source().attribute(col, "span").c_str()));
                for (int n = 0; n < span && block.table.columns.size() < 1000; ++n) block.table.columns.push_back(c);
            };
            if (name == "col") read_col(child);
            else
                for (auto col : child.children())
                    if (document_.name(col) == "col") read_col(col);
        } else if (name == "thead") read_html_rows(child, block.table.head);
        else if (name == "tfoot") read_html_rows(child, block.table.foot);
        else if (name == "tbody") read_html_rows(child, block.table.body);
        else if (name == "tr") {
            if (!direct_rows) read_html_rows(element, block.table.body);  // once, for all of them
            direct_rows = true;
        }
        else if (child.type() == pugi::node_element && name != "tr") {
            BlockCollector into(notes);
            read(child, into);
            into.close_paragraph();
        }
    }
    // A cell aligned as its column says nothing of its own (the writer spells it out on every cell).
    for (auto* rows : {&block.table.head, &block.table.body, &block.table.foot}) {
        const auto starts = cell_columns(*rows);
        for (std::size_t r = 0; r < rows->size(); ++r)
            for (std::size_t c = 0; c < (*rows)[r].cells.size(); ++c) {
                auto& cell = (*rows)[r].cells[c];
                const auto column = starts[r][c];
                if (column < block.table.columns.size() && cell.alignment == block.table.columns[column].alignment)
                    cell.alignment = Alignment::unspecified;
            }
    }
    if (!notes.empty()) {
        Block figure;
        figure.kind = Block::Kind::figure;
        figure.children = std::move(notes);
        figure.children.insert(figure.children.begin(), std::move(block));
        return figure;
    }
    return block;
}

void FlowReader::read_html_rows(pugi::xml_node parent, std::vector<TableRow>& into) {
    for (auto tr : parent.children()) {
        if (document_.name(tr) != "tr") continue;
        TableRow row;
        for (auto cell : tr.children()) {
            const auto name = document_.name(cell);
            if (name != "td" && name != "th") continue;
            TableCell c;
            c.header = name == "th";
            c.row_span = std::clamp(std::atoi(document_.source().attribute(cell, "rowspan").c_str()), 1, 1000);
            c.column_span = std::clamp(std::atoi(document_.source().attribute(cell, "colspan").c_str()), 1, 1000);
            const auto align = document_.source().attribute(cell, "align");
            c.alignment = align == "left" ? Alignment::left : align == "right" ? Alignment::right
                          : align == "center" ? Alignment::center : Alignment::unspecified;
            c.blocks = blocks_of(cell);
            row.cells.push_back(std::move(c));
        }
        into.push_back(std::move(row));
    }
}

void FlowReader::read_cals_group(pugi::xml_node tgroup, Table& table) {
    // Columns by name and number; spans by name.
    std::vector<std::string> names;
    std::vector<TableColumn> columns;
    std::map<std::string, std::pair<std::size_t, std::size_t>> spans;
    auto alignment = [](const std::string& a) {
        return a == "left" || a == "justify" ? Alignment::left : a == "right" ? Alignment::right
               : a == "center" ? Alignment::center : Alignment::unspecified;
    };
    const int declared = std::clamp(std::atoi(document_.source().attribute(tgroup, "cols").c_str()), 0, 1000);
    const auto group_align = alignment(document_.source().attribute(tgroup, "align"));
    std::vector<double> star_widths;
    for (auto child : tgroup.children()) {
        if (document_.name(child) == "colspec") {
            const auto colnum = std::atoi(document_.source().attribute(child, "colnum").c_str());
            while (colnum > 0 && static_cast<int>(columns.size()) < std::min(colnum - 1, 1000)) {
                columns.push_back({group_align, 0});
                names.emplace_back();
                star_widths.push_back(0);
            }
            auto a = alignment(document_.source().attribute(child, "align"));
            columns.push_back({a == Alignment::unspecified ? group_align : a, 0});
            names.push_back(document_.source().attribute(child, "colname"));
            const auto width = document_.source().attribute(child, "colwidth");
            star_widths.push_back(width.ends_with("*") ? std::atof(width.c_str()) : 0);
        } else if (document_.name(child) == "spanspec") {
            spans[document_.source().attribute(child, "spanname")] = {0, 0};
        }
    }
    while (static_cast<int>(columns.size()) < declared) {
        columns.push_back({group_align, 0});
        names.emplace_back();
        star_widths.push_back(0);
    }
    double total = 0;
    bool all_star = !star_widths.empty();
    for (double w : star_widths) {
        total += w;
        all_star = all_star && w > 0;
    }
    if (all_star && total > 0)
        for (std::size_t n = 0; n < columns.size(); ++n) columns[n].width = star_widths[n] / total;
    std::map<std::string, std::size_t> column_by_name;  // the first column of a name
    for (std::size_t n = 0; n < names.size(); ++n)
        if (!names[n].empty()) column_by_name.emplace(names[n], n);
    auto column_of = [&](const std::string& name) -> std::optional<std::size_t> {
        const auto it = column_by_name.find(name);
        if (it == column_by_name.end()) return std::nullopt;
        return it->second;
    };
    for (auto child : tgroup.children())
        if (document_.name(child) == "spanspec") {
            const auto start = column_of(document_.source().attribute(child, "namest"));
            const auto end = column_of(document_.source().attribute(child, "nameend"));
            if (start && end && *end >= *start) spans[document_.source().attribute(child, "spanname")] = {*start, *end};
        }
    if (table.columns.empty()) table.columns = columns;

    auto read_part = [&](pugi::xml_node part, std::vector<TableRow>& rows, bool header) {
        // The grid columns taken by row spans from rows above.
        std::vector<int> taken(columns.size(), 0);
        auto read_row = [&](pugi::xml_node row_node) {
            TableRow row;
            std::size_t next = 0;
            for (auto entry : row_node.children()) {
                const auto entry_name = document_.name(entry);
                if (entry_name != "entry" && entry_name != "entrytbl" && entry_name != "td" && entry_name != "th") continue;
                while (next < taken.size() && taken[next] > 0) ++next;
                TableCell cell;
                cell.header = header || entry_name == "th";
                std::size_t start = next, end = next;
                if (auto c = column_of(document_.source().attribute(entry, "colname"))) start = end = *c;
                if (auto c = column_of(document_.source().attribute(entry, "namest"))) {
                    start = *c;
                    end = std::max(start, column_of(document_.source().attribute(entry, "nameend")).value_or(start));
                }
                if (const auto span = spans.find(document_.source().attribute(entry, "spanname")); span != spans.end() &&
                    span->second.second >= span->second.first) {
                    start = span->second.first;
                    end = span->second.second;
                }
                if (const int colspan = std::atoi(document_.source().attribute(entry, "colspan").c_str()); colspan > 1)
                    end = start + static_cast<std::size_t>(std::min(colspan, 1000)) - 1;
                cell.column_span = static_cast<int>(end - start + 1);
                cell.row_span = 1 + std::clamp(std::atoi(document_.source().attribute(entry, "morerows").c_str()), 0, 1000);
                if (const int rowspan = std::atoi(document_.source().attribute(entry, "rowspan").c_str()); rowspan > 1)
                    cell.row_span = std::min(rowspan, 1000);
                cell.alignment = alignment(document_.source().attribute(entry, "align"));
                if (entry_name == "entrytbl") {
                    document_.unmapped(entry, "kept as a table in the cell");
                    Block inner;
                    inner.kind = Block::Kind::table;
                    read_cals_group(entry, inner.table);
                    cell.blocks.push_back(std::move(inner));
                } else {
                    cell.blocks = blocks_of(entry);
                }
                for (std::size_t c = start; c <= end && c < taken.size(); ++c) taken[c] = std::max(taken[c], cell.row_span);
                next = end + 1;
                row.cells.push_back(std::move(cell));
            }
            for (auto& t : taken)
                if (t > 0) --t;
            rows.push_back(std::move(row));
        };
        // Rows and entries; HTML's tr, th and td, which real documents mix in, the same; entries
        // straight in the part (no row around them) as one row.
        bool loose_entries = false;
        for (auto row_node : part.children()) {
            const auto row_name = document_.name(row_node);
            if (row_name == "row" || row_name == "tr") read_row(row_node);
            else if (row_name == "entry" || row_name == "td" || row_name == "th") loose_entries = true;
        }
        if (loose_entries) read_row(part);
    };
    for (auto child : tgroup.children()) {
        const auto name = document_.name(child);
        if (name == "thead") read_part(child, table.head, true);
        else if (name == "tbody") read_part(child, table.body, false);
        else if (name == "tfoot") read_part(child, table.foot, false);
    }
}

Block FlowReader::read_container(pugi::xml_node element, std::string_view kind) {
    Block block;
    block.kind = Block::Kind::division;
    block.attributes = attributes_of(element);
    block.attributes.classes = {std::string(kind)};
    BlockCollector into(block.children);
    for (auto child : element.children()) {
        const auto name = document_.name(child);
        pugi::xml_node title;
        if (name == "title") title = child;
        else if (name == "info") title = child.find_child([&](pugi::xml_node n) { return document_.name(n) == "title"; });
        if (name == "title" || name == "info") {
            if (title) {
                Block heading = Block::paragraph({Inline::wrap(Inline::Kind::strong, title_inlines_of(title))});
                heading.attributes.classes = {"title"};
                into.add_block(std::move(heading));
            }
            if (name == "info")
                for (auto part : child.children())
                    if (part != title && part.type() == pugi::node_element) read(part, into);
            continue;
        }
        if (name == "titleabbrev") {
            document_.unmapped(child, "left out (the title is kept)");
            continue;
        }
        read(child, into);
    }
    into.close_paragraph();
    return block;
}

void FlowReader::read_unmapped(pugi::xml_node element, BlockCollector& into) {
    if (!holds_blocks(element)) {
        document_.unmapped(element, "kept as text");
        read_inline_children(element, into.paragraph());
        return;
    }
    document_.unmapped(element, "kept as paragraphs");
    into.close_paragraph();
    for (auto child : element.children()) read(child, into);
    into.close_paragraph();
}

bool FlowReader::holds_blocks(pugi::xml_node element) const {
    for (auto child : element.children()) {
        if (child.type() != pugi::node_element) continue;
        // Inline elements whose content is blocks stand in the text all the same.
        const auto name = document_.name(child);
        if (name == "footnote" || name == "inlinemediaobject" || name == "inlineequation") continue;
        if (is_block(child) || holds_blocks(child)) return true;
    }
    return false;
}

void FlowReader::read_inline_children(pugi::xml_node element, std::vector<Inline>& into) {
    for (auto child : element.children()) read_inline(child, into);
}

Inline FlowReader::reference_to(pugi::xml_node at, const std::string& xml_id, std::vector<Inline> children) {
    Inline r = Inline::wrap(Inline::Kind::reference, std::move(children));
    auto it = targets_ ? targets_->find(xml_id) : decltype(targets_->end()){};
    // pandoc's DocBook of an EPUB names a place "chapter.xhtml#id", and leaves out some of the
    // elements so named (an <a id>, an <aside>): such a link still leads into its chapter.
    if (const auto hash = xml_id.find('#'); targets_ && it == targets_->end() && hash != std::string::npos && hash > 0) {
        if (const auto whole = targets_->find(xml_id.substr(0, hash)); whole != targets_->end()) {
            it = whole;
            document_.lost(at, "dangling linkend",
                           "led to the element named by the part before '#' (\"ch.xhtml\" of \"ch.xhtml#n1\", as "
                           "pandoc names places in an EPUB's chapters)");
        }
    }
    if (!targets_ || it == targets_->end()) {
        r.target = xml_id;
    } else if (it->second.local.empty()) {
        r.target = it->second.article;
    } else if (it->second.article == current_article_ && it->second.local.find('#') == std::string::npos) {
        r.target = it->second.local;  // a local id holding '#' must name its article: see split_reference
    } else {
        r.target = it->second.article + "#" + it->second.local;
    }
    return r;
}

void FlowReader::read_inline(pugi::xml_node node, std::vector<Inline>& into) {
    switch (node.type()) {
        case pugi::node_pcdata:
        case pugi::node_cdata: append_text(into, document_.source().text(node)); return;
        case pugi::node_pi:
            // The DocBook writer's hard line break; other processing instructions are for other tools.
            if (std::string_view(node.name()) == "linebreak") into.push_back(Inline::wrap(Inline::Kind::line_break, {}));
            else document_.lost(node, "processing instruction <?" + std::string(node.name()) + "?>", "left out");
            return;
        case pugi::node_element: break;
        default: return;
    }
    const auto name = document_.name(node);
    const auto& source = document_.source();
    const bool has_id = !source.attribute(node, "xml:id").empty() || !source.attribute(node, "id").empty();
    // An id on an element whose inline holds none (a link, an emphasis, pandoc's <link id>): an
    // anchor before it, so that what links to the element still leads there.
    if (has_id && !name.empty() && name != "anchor" && name != "footnote" && name != "phrase" &&
        !listed(span_elements, name) && !listed(container_elements, name)) {
        Inline anchor = Inline::wrap(Inline::Kind::span, {});
        anchor.attributes.id = local_id(node);
        into.push_back(std::move(anchor));
    }
    if (name == "emphasis") {
        const auto role = source.attribute(node, "role");
        Inline i;
        i.kind = role == "strong" || role == "bold"                 ? Inline::Kind::strong
                 : role == "strikethrough" || role == "line-through" ? Inline::Kind::strikethrough
                 : role == "smallcaps"                               ? Inline::Kind::small_caps
                                                                     : Inline::Kind::emphasis;
        i.attributes.language = source.attribute(node, "xml:lang");
        read_inline_children(node, i.children);
        into.push_back(std::move(i));
    } else if (name == "superscript" || name == "subscript") {
        Inline i = Inline::wrap(name == "superscript" ? Inline::Kind::superscript : Inline::Kind::subscript, {});
        i.attributes.language = source.attribute(node, "xml:lang");
        read_inline_children(node, i.children);
        into.push_back(std::move(i));
    } else if (listed(code_inline_elements, name) &&
               name != "uri") {
        into.push_back(Inline::code_span(verbatim_text(node)));
    } else if (name == "link" || name == "ulink" || name == "olink" || name == "uri" || name == "email") {
        read_link(node, into);
    } else if (name == "xref" || name == "footnoteref") {
        auto linkend = source.attribute(node, "linkend");
        into.push_back(reference_to(node, linkend, {}));
    } else if (name == "quote") {
        read_quote(node, into);
    } else if (name == "footnote") {
        Inline note;
        note.kind = Inline::Kind::note;
        if (!source.attribute(node, "xml:id").empty() || !source.attribute(node, "id").empty()) note.attributes.id = local_id(node);
        note.blocks = blocks_of(node);
        into.push_back(std::move(note));
    } else if (name == "inlinemediaobject") {
        into.push_back(read_image(node));
    } else if (name == "inlineequation") {
        Inline math;
        math.kind = Inline::Kind::math;
        math.math = read_math(node);
        into.push_back(std::move(math));
    } else if (name == "indexterm") {
        // Kept for an index to come: the terms as pairs of an empty span.
        Inline span = Inline::wrap(Inline::Kind::span, {});
        span.attributes.classes = {"indexterm"};
        for (auto part : node.children()) {
            const auto part_name = document_.name(part);
            if (part_name.empty()) continue;
            span.attributes.pairs.emplace_back(std::string(part_name), tidy_whitespace(verbatim_text(part)));
        }
        into.push_back(std::move(span));
    } else if (name == "anchor") {
        Inline span = Inline::wrap(Inline::Kind::span, {});
        span.attributes.id = local_id(node);
        into.push_back(std::move(span));
    } else if (name == "phrase" && source.attribute(node, "role").empty() && source.attribute(node, "xml:lang").empty() &&
               !has_id) {
        read_inline_children(node, into);
    } else if (!name.empty() &&
               (listed(span_elements, name) ||
                listed(container_elements, name))) {
        Inline span = Inline::wrap(Inline::Kind::span, {});
        const auto role = source.attribute(node, "role");
        // A phrase is the generic span: only its role is a class (the writer's span with an id).
        if (name != "phrase") span.attributes.classes = {std::string(name)};
        else if (!role.empty()) span.attributes.classes = {role};
        span.attributes.language = source.attribute(node, "xml:lang");
        if (has_id) span.attributes.id = local_id(node);
        if (one_of(name, {"firstterm", "foreignphrase", "citetitle", "replaceable", "glossterm"})) {
            // Set in italics by every DocBook stylesheet: emphasis, of its class.
            span.kind = Inline::Kind::emphasis;
        }
        // A manual page's section reads "nix.conf(5)", as the DocBook stylesheets show it.
        const bool in_parentheses = name == "manvolnum" && document_.name(node.parent()) == "citerefentry";
        if (in_parentheses) append_text(span.children, "(");
        read_inline_children(node, span.children);
        if (in_parentheses) append_text(span.children, ")");
        into.push_back(std::move(span));
    } else {
        document_.unmapped(node, "kept as text");
        read_inline_children(node, into);
    }
}

void FlowReader::read_link(pugi::xml_node link, std::vector<Inline>& into) {
    const auto& source = document_.source();
    const auto name = document_.name(link);
    auto target = source.attribute(link, xlink_namespace, "href");
    if (target.empty() && name == "ulink") target = source.attribute(link, "url");
    if (target.empty() && (name == "uri" || name == "email")) {
        target = tidy_whitespace(verbatim_text(link));
        if (name == "email" && !target.empty()) target = "mailto:" + target;
    }
    std::vector<Inline> children;
    read_inline_children(link, children);
    if (target.empty()) {
        auto linkend = source.attribute(link, "linkend");
        if (linkend.empty() && name == "olink") linkend = source.attribute(link, "targetptr");
        if (!linkend.empty()) {
            into.push_back(reference_to(link, linkend, std::move(children)));
            return;
        }
        if (name == "olink") document_.unmapped(link, "kept as text");
        into.insert(into.end(), children.begin(), children.end());
        return;
    }
    Inline i = Inline::link_to(std::move(target), std::move(children));
    i.title = source.attribute(link, xlink_namespace, "title");
    if (name == "uri" || name == "email") i.children = {Inline::plain(tidy_whitespace(verbatim_text(link)))};
    into.push_back(std::move(i));
}

void FlowReader::read_quote(pugi::xml_node quote, std::vector<Inline>& into) {
    const bool inner = quote_depth_ % 2 == 1;
    append_text(into, inner ? inner_quote_open : outer_quote_open);
    ++quote_depth_;
    read_inline_children(quote, into);
    --quote_depth_;
    append_text(into, inner ? inner_quote_close : outer_quote_close);
}

std::string FlowReader::verbatim_text(pugi::xml_node element) const {
    std::string text;
    for (auto child : element.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) text += document_.source().text(child);
        else if (child.type() == pugi::node_element && document_.name(child) != "indexterm" &&
                 XmlSource::local_name(child) != "include")
            text += verbatim_text(child);
    }
    return text;
}

}  // namespace fascicle::docbook
