// One content document's headings and blocks made into an article: the top heading is its
// title, lower headings are sections by their level relative to it, the doc-abstract part is
// the summary and the doc-conclusion part the conclusion. Fascicle's own ids are inverted back to
// the article's and sections' ids (xml_id_inversion).
#pragma once

#include "xhtml_content.hpp"

#include <fascicle/ir.hpp>

#include <filesystem>
#include <map>
#include <vector>
#include <optional>
#include <string>

namespace fascicle::epub::reader {

// What is known of the document besides its content.
struct DocumentFacts {
    std::string file_stem;         // "ch001": the article id when the document has no id to give
    std::string navigation_title;  // the table of contents' title for it, if any
    std::string book_language;     // the package's dc:language
    std::filesystem::path source;  // the EPUB
};

// The default heading of a conclusion (Metadata "conclusion-title" overrides it).
inline constexpr const char* default_conclusion_title = "Conclusion";

// The ids of the document's elements as the article knows them: those that name the article
// itself (its title heading, the section it opens) and the section headings' ids.
struct DocumentIds {
    std::vector<std::string> article;
    std::map<std::string, std::string> sections;  // XML id -> section id
};

// The article the content makes; nullopt when it has neither a heading nor a block.
std::optional<Article> assemble_article(XhtmlContent&& content, const DocumentFacts& facts, DocumentIds& ids);

}  // namespace fascicle::epub::reader
