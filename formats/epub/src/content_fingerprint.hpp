// A name-based (version 5, SHA-1) UUID of a book's content, built article by article so that
// only the articles being written are ever in memory.
#pragma once

#include <fascicle/ir.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace fascicle::epub {

class ContentFingerprint {
public:
    // Starts from the book's title.
    explicit ContentFingerprint(std::string_view book_title);

    using Digest = std::array<unsigned char, 16>;

    // An article's own fingerprint: its id, title and the text and structure of every block.
    // Needs no state, so the articles of a book are hashed on several threads at once.
    static Digest digest(const Article& article);
    // Folds in the next article's digest: a hash chain over the articles, in book order.
    void add(const Digest& article_digest);

    // The fingerprint so far as a lower-case UUID ("1b4e28ba-2fa1-55d2-883f-0016d3cca427").
    std::string uuid() const;

private:
    Digest state_{};
};

}  // namespace fascicle::epub
