// The intermediate representation (API 2.0): a book's metadata, its articles and its resources.
// Readers produce it, writers consume it; every format plugin speaks only this.
//
// Blocks and inlines are tagged structs in the manner of cmark's nodes: a `kind` and the fields
// that kind uses (each field's comment names them); fields a kind does not use stay empty.
// New kinds of content that need no new field are expressed as a division (block) or a span
// (inline) with a class and attributes: a writer that does not know the class renders the
// children, so such content is never lost. See plugins/README.md, "The document model".
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <istream>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fascicle {

// A person or body responsible for the book, with a MARC relator code as role ("aut" author,
// "edt" editor, "trl" translator, "ill" illustrator, "ctb" contributor, ...).
struct Creator {
    std::string name;
    std::string role = "aut";
    std::string file_as;  // sort form, "Lovelace, Ada"; empty when not known

    bool operator==(const Creator&) const = default;
};

// Book metadata, and the metadata an article may carry of its own.
// `extra` holds every key that has no field of its own (e.g. "conclusion-title").
struct Metadata {
    std::string title;
    std::string subtitle;
    std::vector<Creator> creators;
    std::string language;           // BCP 47 tag, e.g. "en"
    std::string identifier;         // e.g. "urn:uuid:...", "978-0-000-00000-0"
    std::string identifier_scheme;  // "ISBN", "DOI", "UUID", "URI"...; empty when not known
    std::string date;               // ISO 8601
    std::string publisher;
    std::string description;
    std::string rights;
    std::vector<std::string> subjects;  // subjects and keywords
    std::string series;                 // the series or collection the book belongs to
    std::string series_position;        // its number in the series, "3" or "2.5"
    std::string cover;                  // the name of the cover image among the book's resources
    std::map<std::string, std::string> extra;

    // Sets a field by its INI/CLI key; unknown keys go to `extra`. Keys: title, subtitle,
    // author/editor/translator/illustrator/contributor (each appends a creator of that role),
    // authors ("; "-separated, replaces the authors), language, identifier, identifier-scheme,
    // date, publisher, description, rights, subject (appends; "; "-separated), series,
    // series-position, cover.
    void set(const std::string& key, const std::string& value);
    // Value of a key (field or extra); empty when absent. Lists are joined with "; ".
    std::string get(const std::string& key) const;
    // Every key/value with a value, fields first, in a stable order.
    std::vector<std::pair<std::string, std::string>> entries() const;
    // Copies every non-empty value of `other` over this one.
    void merge_from(const Metadata& other);
    // Copies the values of `other` that this one lacks (the first source that tells wins).
    void fill_missing_from(const Metadata& other);
    // The names of the creators whose role is `role`, in order.
    std::vector<std::string> names(std::string_view role = "aut") const;
    std::vector<std::string> authors() const { return names("aut"); }
    // Replaces the authors (the creators of role "aut"), keeping the other creators.
    void set_authors(const std::vector<std::string>& names);

    bool operator==(const Metadata&) const = default;
};

// Identity, classes, language and free key/value pairs of a block, an inline or a section.
struct Attributes {
    std::string id;  // unique in its article; another article refers to it as "article-id#id"
    std::vector<std::string> classes;
    std::string language;  // BCP 47; empty: the enclosing one
    std::vector<std::pair<std::string, std::string>> pairs;

    bool has_class(std::string_view name) const;
    // The value of a pair; empty when absent.
    std::string get(std::string_view key) const;
    bool empty() const { return id.empty() && classes.empty() && language.empty() && pairs.empty(); }
    bool operator==(const Attributes&) const = default;
};

// A formula as the source had it: TeX, MathML (a whole <math> element), or both.
struct Math {
    std::string tex;
    std::string mathml;

    bool operator==(const Math&) const = default;
};

struct Block;

struct Inline {
    enum class Kind {
        text,           // text
        emphasis,       // children
        strong,         // children
        code,           // text
        link,           // target (a URI), title, children
        line_break,     //
        strikethrough,  // children
        superscript,    // children
        subscript,      // children
        small_caps,     // children
        image,          // target (a resource name or a URI), text (the alt text, plain), title;
                        // attributes pairs "width", "height" (CSS lengths) when the source gave them
        note,           // blocks: a footnote's content, anchored here; attributes.id its id
        math,           // math (inline)
        span,           // children with attributes: the extension point
        reference,      // target: an internal id, "article-id" or "article-id#local-id" (a section,
                        // figure, table, note or any element with an id); children: its text,
                        // empty when the writer is to make one (the target's title)
        raw,            // format (e.g. "html", "docbook"), text: written only by that format
    };
    Kind kind = Kind::text;
    std::string text;
    std::string target;
    std::vector<Inline> children;
    std::string title;
    std::string format;
    Attributes attributes;
    Math math;
    std::vector<Block> blocks;

    static Inline plain(std::string text);
    static Inline wrap(Kind kind, std::vector<Inline> children);  // emphasis(children) and the like
    static Inline code_span(std::string text);
    static Inline link_to(std::string target, std::vector<Inline> children);
    bool operator==(const Inline&) const = default;
};

enum class Alignment { unspecified, left, center, right };
// "left", "center" or "right" (the word HTML, CSS and DocBook use); empty when unspecified.
std::string_view alignment_name(Alignment a);

struct TableCell {
    std::vector<Block> blocks;
    int row_span = 1;
    int column_span = 1;
    bool header = false;  // a header cell (th) in any part of the table
    Alignment alignment = Alignment::unspecified;  // unspecified: the column's

    bool operator==(const TableCell&) const = default;
};

struct TableRow {
    std::vector<TableCell> cells;
    bool operator==(const TableRow&) const = default;
};

struct TableColumn {
    Alignment alignment = Alignment::unspecified;
    double width = 0;  // share of the table's width, 0..1; 0 when the source gave none
    bool operator==(const TableColumn&) const = default;
};

struct Table {
    std::vector<TableColumn> columns;  // one per grid column
    std::vector<TableRow> head;
    std::vector<TableRow> body;
    std::vector<TableRow> foot;
    bool operator==(const Table&) const = default;
};

// A term of a definition list and its definitions.
struct Definition {
    std::vector<Inline> term;
    std::vector<std::vector<Block>> definitions;
    bool operator==(const Definition&) const = default;
};

// The numbering of an ordered list.
enum class ListStyle { decimal, lower_alpha, upper_alpha, lower_roman, upper_roman };
// A task list item's box.
enum class Task { none, unchecked, checked };

// The classes of the divisions that are admonitions.
inline constexpr std::string_view admonition_classes[] = {"note", "tip", "warning", "caution", "important"};

struct Block {
    enum class Kind {
        paragraph,        // inlines
        list,             // items; ordered, start, style, tight, tasks
        block_quote,      // children; attribution
        code_block,       // text; format (the programming language, e.g. "python"; may be empty)
        division,         // children with attributes: the extension point; admonitions are
                          // divisions with one of admonition_classes
        definition_list,  // definitions
        line_block,       // lines: poetry, addresses (each line's leading spaces are kept)
        table,            // table; caption; attributes.id
        figure,           // children (the content, often an image); caption; attributes.id
        thematic_break,   //
        display_math,     // math
        raw,              // format (e.g. "html"), text: written only by that format; children: what
                          // it shows as content (may be empty), for the writers of other formats
    };
    Kind kind = Kind::paragraph;
    std::vector<Inline> inlines;
    std::string text;
    std::string format;
    bool ordered = false;
    int start = 1;                    // ordered list: the first number
    ListStyle style = ListStyle::decimal;
    bool tight = true;                // list: no blank lines between items
    std::vector<std::vector<Block>> items;
    std::vector<Task> tasks;          // list: one per item when any item has a box, else empty
    std::vector<Block> children;
    std::vector<Inline> attribution;  // block quote
    std::vector<Inline> caption;      // table, figure
    std::vector<Definition> definitions;
    std::vector<std::vector<Inline>> lines;
    Table table;
    Math math;
    Attributes attributes;

    static Block paragraph(std::string text) {
        Block b;
        b.inlines.push_back(Inline::plain(std::move(text)));
        return b;
    }
    static Block paragraph(std::vector<Inline> inlines) {
        Block b;
        b.inlines = std::move(inlines);
        return b;
    }
    // The admonition class of a division ("note", "tip"...), or empty.
    std::string_view admonition() const;
    bool operator==(const Block&) const = default;
};

inline Inline Inline::plain(std::string text) {
    Inline i;
    i.text = std::move(text);
    return i;
}
inline Inline Inline::wrap(Kind kind, std::vector<Inline> children) {
    Inline i;
    i.kind = kind;
    i.children = std::move(children);
    return i;
}
inline Inline Inline::code_span(std::string text) {
    Inline i;
    i.kind = Kind::code;
    i.text = std::move(text);
    return i;
}
inline Inline Inline::link_to(std::string target, std::vector<Inline> children) {
    Inline i = wrap(Kind::link, std::move(children));
    i.target = std::move(target);
    return i;
}

struct Section {
    std::string id;  // unique within its article, stable across runs (derived from the title)
    std::vector<Inline> title;
    std::vector<Block> blocks;
    std::vector<Section> subsections;
    Attributes attributes = {};  // classes, language and pairs; the id is `id`
    int heading_level = 0;       // its heading's level in the source (1-6), 0 when the source has none

    std::string title_text() const;  // the title without markup, for navigation
    bool operator==(const Section&) const = default;
};

struct Article {
    std::string id;  // from the file name, without extension
    std::vector<Inline> title;  // empty: an untitled article (a document without headings)
    std::filesystem::path source;
    Metadata metadata;
    std::vector<Block> summary;  // the abstract
    std::vector<Block> introduction;
    std::vector<Section> sections;
    std::vector<Block> conclusion;  // empty when the article has none
    int heading_level = 0;          // its heading's level in the source (1-6), 0 when the source has none

    std::string title_text() const;  // the title without markup, for navigation
    bool operator==(const Article&) const = default;
};

// The grid column each cell of `rows` starts at, the cells that rows above span taken into account.
std::vector<std::vector<std::size_t>> cell_columns(const std::vector<TableRow>& rows);

// A title of plain text, as most readers find it.
std::vector<Inline> title_inlines(std::string text);

// ---------------------------------------------------------------------------------------------
// Resources: images and other binary files that travel with the book. They are not held in
// memory: a resource says how to open its bytes, and writers stream them when they need them.

struct Resource {
    std::string name;        // unique in the book: a relative path ("images/cover.png"), no ".."
    std::string media_type;  // "image/png"
    std::uint64_t size = 0;  // bytes
    std::string source;      // for diagnostics: where the bytes come from (a path, "book.epub:OEBPS/a.png")
    // Opens the bytes; may be called several times, from any thread. nullptr: can no longer be read.
    std::function<std::unique_ptr<std::istream>()> open;
};

// A resource read from a file when it is needed.
Resource file_resource(std::string name, std::string media_type, const std::filesystem::path& file);
// A resource whose bytes are held (small ones, or those made in memory).
Resource memory_resource(std::string name, std::string media_type, std::string bytes);
// The media type of a file name by its extension ("image/png"); empty when not known.
std::string media_type_for(std::string_view file_name);

// The book's resources by name. Thread-safe: readers on several threads may add at once.
class Resources {
public:
    // Adds a resource; false when the name is already taken (the first one is kept).
    bool add(Resource resource);
    // nullptr when there is none of that name. The pointer stays valid while this object lives.
    const Resource* find(std::string_view name) const;
    // Every resource, in the order they were added.
    std::vector<const Resource*> all() const;
    std::size_t size() const;

private:
    mutable std::mutex mutex_;
    std::vector<std::unique_ptr<Resource>> list_;
    std::map<std::string, const Resource*, std::less<>> by_name_;
};

// A whole book in memory: for tests and for the writers that must buffer.
struct Book {
    Metadata metadata;
    std::vector<Article> articles;

    bool operator==(const Book&) const = default;
};

// Ids in whole-book documents (XHTML, DocBook): an article's element carries article_xml_id,
// its parts "<article xml id>.<local id>" (section ids hold no '.', so the split is unambiguous).
std::string article_xml_id(const std::string& article_id);
std::string part_xml_id(const std::string& article_id, const std::string& local_id);

// The two halves of a reference's target: {"a", ""} for "a", {"a", "fig-1"} for "a#fig-1".
std::pair<std::string_view, std::string_view> split_reference(std::string_view target);

// Concatenated text of inlines, without markup (an image gives its alt text, math its TeX,
// a note nothing).
std::string plain_text(const std::vector<Inline>& inlines);
// Text of a block and its children, paragraphs separated by "\n".
std::string plain_text(const Block& block);

// Readable, indented dumps for test failure messages and golden files.
std::string dump(const Metadata& metadata);
std::string dump(const Article& article);
std::string dump(const Book& book);
std::string dump(const Block& block);
std::string dump(const std::vector<Inline>& inlines);

}  // namespace fascicle
