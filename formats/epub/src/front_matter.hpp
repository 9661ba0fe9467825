// The pages before the first article: the cover page and the title page.
#pragma once

#include <fascicle/ir.hpp>

#include <string>

namespace fascicle::epub {

// text/cover.xhtml: the cover image on a page of its own. `image_href` is relative to the page.
std::string cover_page(const std::string& book_title, const std::string& language,
                       const std::string& image_href);

// text/title-page.xhtml: the title, authors, publisher, date, description and rights that are set.
std::string title_page(const Metadata& book, const std::string& title, const std::string& language);

}  // namespace fascicle::epub
