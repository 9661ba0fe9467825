// HTML content mapped to the document model: an (X)HTML document's body, or a fragment, as a
// sequence of headings and blocks, in reading order, each marked with the part of the article it
// belongs to (the summary, the conclusion, or the rest), and the notes it holds. The EPUB reader
// reads its content documents with it, the Markdown reader its HTML blocks; each makes its
// article's shape and resolves its references afterwards.
#pragma once

#include <fascicle/parsed_xml.hpp>

#include <fascicle/ir.hpp>
#include <fascicle/loss_report.hpp>

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace fascicle::html {

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

struct HtmlContent {
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
    // The target of a reference for an href that points inside the book or document (the
    // reader resolves it once all is known); nullopt: the href is a link out.
    std::function<std::optional<std::string>(const std::string& href)> reference;
    // The resource name for an image's src (resolved by the reader, which reports what it
    // refuses); empty: the image is left out (its alt text stays).
    std::function<std::string(const std::string& src, xml::XmlPosition at)> image;
    LossReport* losses = nullptr;  // what the document holds that the IR cannot
    // Added to the lines of positions: a fragment's first line in its file, less one.
    std::size_t line_offset = 0;
};

// The epub:type and role tokens of a document's body and of the elements around its content
// (XhtmlContent::kinds), known before its content is read.
std::vector<std::string> document_kinds(const xml::ParsedXml& document);

// Reads the body of an (X)HTML document; nullopt and `error` when it has no <html> root
// or no <body>.
std::optional<HtmlContent> read_html_content(const xml::ParsedXml& document, const ContentContext& context,
                                            std::string& error);

// Reads the content of `container`, an element of `document` around an HTML fragment (a
// Markdown file's HTML block): its headings, blocks and notes, in the body's part.
HtmlContent read_html_fragment(const xml::ParsedXml& document, pugi::xml_node container,
                               const ContentContext& context);

}  // namespace fascicle::html
