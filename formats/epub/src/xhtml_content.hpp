// A content document's body as a sequence of headings and blocks, in reading order, each
// marked with the part of the article it belongs to (the summary, the conclusion, or the rest).
// The article's shape is made from it afterwards (article_assembler).
#pragma once

#include "xml_entry.hpp"

#include <fascicle/ir.hpp>

#include <functional>
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
    std::string id;           // the heading's own id
    std::string section_id;   // the id of the element it heads (a <section> or <div> it opens)
    Part part = Part::body;
};

struct ContentBlock {
    Block block;
    Part part = Part::body;
};

using ContentItem = std::variant<ContentHeading, ContentBlock>;

struct XhtmlContent {
    std::string language;    // the root's xml:lang, else lang
    std::string head_title;  // <title>
    // epub:type, role and class tokens of the body and the elements around its content: what
    // tells a cover, a title page or a table of contents ("titlepage", "doc-toc" ...).
    std::vector<std::string> kinds;
    // The producer marks the document's structure (epub:type / role chapter or conclusion, as
    // Fascicle's writer does): its conclusion, if any, is marked too.
    bool marks_structure = false;
    std::vector<ContentItem> items;
};

// Called for what the reader maps approximately (a table), with where it is.
using ContentWarning = std::function<void(XmlPosition, const std::string&)>;

// Reads the body of an XHTML content document; nullopt and `error` when it has no <html> root
// or no <body>.
std::optional<XhtmlContent> read_xhtml_content(const XmlEntry& document, const ContentWarning& warn,
                                               std::string& error);

}  // namespace fascicle::epub::reader
