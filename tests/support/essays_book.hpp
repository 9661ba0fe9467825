// Books built in code that exercise what an XML writer must handle (first made for the DocBook writer;
// the PDF tests print the same book).
#pragma once

#include <fascicle/ir.hpp>

namespace fascicle::test {

// Three articles using every block and inline kind, text that needs escaping, a section titled
// "Conclusion", empty sections, lists and quotes, an article with nothing but a title, and full
// book metadata (conclusion-title included).
Book essays_book();

// One plain article shaped like the sample corpus: summary, introduction, three sections, conclusion.
Article corpus_like_article(const std::string& id, const std::string& title);

}  // namespace fascicle::test
