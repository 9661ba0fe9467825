// Spine documents that hold no article: the cover, the title page, a table of contents. Told by
// the navigation's landmarks or the guide, by the epub:type, role or class the document gives
// its body (Fascicle marks them "cover" and "titlepage", as pandoc does), or, for producers that
// mark nothing, by a file name such as title_page.xhtml.
#pragma once

#include "navigation_reader.hpp"
#include "xhtml_content.hpp"

#include <optional>
#include <string>

namespace fascicle::epub::reader {

// What the document at entry `path` is ("the title page" ...) when it is not an article.
std::optional<std::string> non_article_kind(const std::string& path, const XhtmlContent& content,
                                            const Navigation& navigation);

}  // namespace fascicle::epub::reader
