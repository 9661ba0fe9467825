// A name-based (version 5, SHA-1) UUID of a book's content, built article by article so that
// only the article being written is ever in memory.
#pragma once

#include <quire/ir.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace quire::epub {

class ContentFingerprint {
public:
    // Starts from the book's title.
    explicit ContentFingerprint(std::string_view book_title);

    // Folds in an article: its id, title and the text and structure of every block.
    void add(const Article& article);

    // The fingerprint so far as a lower-case UUID ("1b4e28ba-2fa1-55d2-883f-0016d3cca427").
    std::string uuid() const;
    // Its first 32 bits: a number that changes whenever the content does.
    std::uint32_t first_word() const;

private:
    std::array<unsigned char, 16> state_{};
};

}  // namespace quire::epub
