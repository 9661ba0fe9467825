// Reads DocBook 5 (a book, or a chapter or article on its own) into articles: the book's info
// becomes the book's metadata, each chapter or article one article. See README.md, "Reading
// DocBook", for the mapping and what DocBook cannot carry back.
#pragma once

#include <fascicle/plugin.hpp>

namespace fascicle::docbook {

class DocBookReader final : public Reader {
public:
    // Checks and parses the whole input first: on any error no article is handed over.
    Status read(const Input& input, ReadContext& ctx, ArticleSink& sink) override;
};

}  // namespace fascicle::docbook
