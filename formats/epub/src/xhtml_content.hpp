// A content document's body as a sequence of headings and blocks, in reading order, each
// marked with the part of the article it belongs to (the summary, the conclusion, or the rest).
// The article's shape is made from it afterwards (article_assembler); links between documents
// and notes are resolved once the whole book is known (book_links).
#pragma once

#include "xml_entry.hpp"

#include <fascicle/ir.hpp>
#include <fascicle/loss_report.hpp>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace fascicle::epub::reader {

// Where a heading or block sits: marked by epub:type / role (doc-abstract, doc-conclusion).
enum class Part { body, abstract, conclusion };

struct ContentHeading {
    int level = 1;            // 1 for h1 ... 6 for h6
    std::string text;         // white space collapsed, markup left out
    std::vector<Inline> inlines;  // the same with its markup
    std::string id;           // the heading's own id
    std::string section_id;   // the id of the element it heads (a <section> or <div> it opens)
    Part part = Part::body;
};

struct ContentBlock {
    Block block;
    Part part = Part::body;
};

using ContentItem = std::variant<ContentHeading, ContentBlock>;

// A note's content, taken out of the text (an aside epub:type="footnote", an item of a notes
// section ...): it goes where a link first points at it.
struct ContentNote {
    std::string id;
    std::vector<Block> blocks;
};

struct XhtmlContent {
    std::string language;    // the root's xml:lang, else lang
    std::string head_title;  // <title>
    // epub:type and role tokens of the body and the elements around its content: what declares
    // a cover or a title page ("titlepage", "doc-cover" ...).
    std::vector<std::string> kinds;
    // The producer marks the document's structure (epub:type / role chapter or conclusion, as
    // Fascicle's writer does): its conclusion, if any, is marked too.
    bool marks_structure = false;
    std::vector<ContentItem> items;
    std::vector<ContentNote> notes;  // in document order
};

// What the walker asks of the reader around it.
struct ContentContext {
    std::string entry;  // the document's entry name: hrefs are relative to it
    // The resource name for an image's src (resolved by the reader, which reports what it
    // refuses); empty: the image is left out (its alt text stays).
    std::function<std::string(const std::string& src, XmlPosition at)> image;
    LossReport* losses = nullptr;  // what the document holds that the IR cannot
};

// A link inside the archive is read as a reference whose target is "<entry>#<fragment>" (or
// "<entry>"): the reader turns it into an article id, or a note, when the book is known.

// The epub:type and role tokens of a document's body and of the elements around its content
// (XhtmlContent::kinds), known before its content is read.
std::vector<std::string> document_kinds(const XmlEntry& document);

// Reads the body of an XHTML content document; nullopt and `error` when it has no <html> root
// or no <body>.
std::optional<XhtmlContent> read_xhtml_content(const XmlEntry& document, const ContentContext& context,
                                               std::string& error);

}  // namespace fascicle::epub::reader
