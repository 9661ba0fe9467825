// Books built in code that exercise everything the DocBook writer must handle.
#pragma once

#include <fascicle/ir.hpp>

namespace fascicle::docbook::test {

// Three articles using every block and inline kind, text that needs escaping, a section titled
// "Conclusion", empty sections, lists and quotes, an article with nothing but a title, and full
// book metadata (conclusion-title included).
Book feature_book();

// One plain article shaped like the sample corpus: summary, introduction, three sections, conclusion.
Article corpus_like_article(const std::string& id, const std::string& title);

}  // namespace fascicle::docbook::test
