// Spine documents left out of the book: the cover and the title page, as the package declares
// them (the navigation's landmarks, the EPUB 2 guide) or the document itself (epub:type or role
// on its body or the sections around its content, as Fascicle's writer and pandoc mark them).
// Nothing else is guessed: a document that looks like a table of contents is read.
#pragma once

#include "navigation_reader.hpp"
#include "xhtml_content.hpp"

#include <optional>
#include <string>
#include <vector>

namespace fascicle::epub::reader {

// What the document at entry `path` is ("the title page" ...) when it is left out.
std::optional<std::string> non_article_kind(const std::string& path, const std::vector<std::string>& kinds,
                                            const Navigation& navigation);

}  // namespace fascicle::epub::reader
