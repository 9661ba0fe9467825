// The page map of a printed book, read from FOP's intermediate format (IF): each <page> there has
// its folio label ("name") and, in the order they are painted, the <id name="..."/> of the
// formatting objects drawn on it, the page anchors' phrases (page_anchors_option) among them.
#pragma once

#include <fascicle/page_map.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>

namespace fascicle::pdf {

// A page anchor of the book: its article, its number there, and its place in the whole book.
struct PrintAnchor {
    std::string article_id;
    std::size_t anchor = 0;
    std::size_t order = 0;
};

// The anchors of a book by the xml:id their phrase has, as the PDF writer collects them.
class PrintAnchors {
public:
    void add_article(const Article& article);
    const std::unordered_map<std::string, PrintAnchor>& by_id() const { return by_id_; }

private:
    std::unordered_map<std::string, PrintAnchor> by_id_;
    std::size_t count_ = 0;
};

// The body pages of the IF document `if_file` (those whose folio is a number: the front matter
// is numbered i, ii...), each at the first anchor that starts on it, or within the last one
// started before it when none does. nullopt with `error` when the file cannot be read as IF.
std::optional<PageMap> page_map_from_intermediate_format(const std::filesystem::path& if_file,
                                                         const PrintAnchors& anchors, std::string& error);

}  // namespace fascicle::pdf
