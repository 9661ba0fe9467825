// The intermediate representation: a book's metadata and its articles.
// Readers produce it, writers consume it; every format plugin speaks only this.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace fascicle {

// Book metadata, and the metadata an article may carry of its own.
// `extra` holds every key that has no field of its own (e.g. "conclusion-title").
struct Metadata {
    std::string title;
    std::vector<std::string> authors;
    std::string language;    // BCP 47 tag, e.g. "en"
    std::string identifier;  // e.g. "urn:uuid:..."
    std::string date;        // ISO 8601
    std::string publisher;
    std::string description;
    std::string rights;
    std::map<std::string, std::string> extra;

    // Sets a field by its INI/CLI key; unknown keys go to `extra`. "author" appends.
    void set(const std::string& key, const std::string& value);
    // Value of a key (field or extra); empty when absent. "author"/"authors" joins with "; ".
    std::string get(const std::string& key) const;
    // Every key/value with a value, fields first, in a stable order.
    std::vector<std::pair<std::string, std::string>> entries() const;
    // Copies every non-empty value of `other` over this one.
    void merge_from(const Metadata& other);

    bool operator==(const Metadata&) const = default;
};

struct Inline {
    enum class Kind { text, emphasis, strong, code, link, line_break };
    Kind kind = Kind::text;
    std::string text;              // text, code
    std::string target;            // link
    std::vector<Inline> children;  // emphasis, strong, link

    static Inline plain(std::string text) { return {Kind::text, std::move(text), {}, {}}; }
    bool operator==(const Inline&) const = default;
};

struct Block {
    enum class Kind { paragraph, list, block_quote, code_block };
    Kind kind = Kind::paragraph;
    std::vector<Inline> inlines;             // paragraph
    std::string text;                        // code_block
    bool ordered = false;                    // list
    int start = 1;                           // list, when ordered
    std::vector<std::vector<Block>> items;   // list
    std::vector<Block> children;             // block_quote

    static Block paragraph(std::string text) {
        Block b;
        b.inlines.push_back(Inline::plain(std::move(text)));
        return b;
    }
    bool operator==(const Block&) const = default;
};

struct Section {
    std::string id;  // unique within its article, stable across runs (derived from the title)
    std::string title;
    std::vector<Block> blocks;
    std::vector<Section> subsections;

    bool operator==(const Section&) const = default;
};

struct Article {
    std::string id;  // from the file name, without extension
    std::string title;
    std::filesystem::path source;
    Metadata metadata;
    std::vector<Block> summary;  // the abstract
    std::vector<Block> introduction;
    std::vector<Section> sections;
    std::vector<Block> conclusion;  // empty when the article has none

    bool operator==(const Article&) const = default;
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

// Concatenated text of inlines, without markup.
std::string plain_text(const std::vector<Inline>& inlines);
// Text of a block and its children, paragraphs separated by "\n".
std::string plain_text(const Block& block);

// Readable, indented dumps for test failure messages and golden files.
std::string dump(const Metadata& metadata);
std::string dump(const Article& article);
std::string dump(const Book& book);

}  // namespace fascicle
