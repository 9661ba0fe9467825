// The IR's blocks and inlines as HTML elements, written through the SDK's XmlStream (which
// escapes, and replaces what neither XML nor HTML may hold): markup that parses as both.
#pragma once

#include <fascicle/ir.hpp>
#include <fascicle/text.hpp>
#include <fascicle/xml_stream.hpp>

#include <set>
#include <string>
#include <vector>

namespace fascicle_html {

class ArticleContent {
public:
    // `ids`: the document's, shared by all its articles. `resources`: the book's (may be null).
    ArticleContent(fascicle::XmlStream& xml, const fascicle::Article& article, fascicle::UniqueIds& ids,
                   const fascicle::Resources* resources)
        : xml_(xml), article_(article), ids_(ids), resources_(resources) {}

    void blocks(const std::vector<fascicle::Block>& blocks);
    void inlines(const std::vector<fascicle::Inline>& inlines);
    // The article's footnotes, numbered as their references are: after the article's content.
    void notes();

    // The ids the article's internal references point to ("#id" links in the document).
    const std::set<std::string>& reference_targets() const { return reference_targets_; }
    // The book's resources the article's images show (by name, relative to the document).
    const std::set<std::string>& images() const { return images_; }
    // Images that are not among the book's resources: written as their alt text.
    std::size_t images_not_in_the_book() const { return images_not_in_the_book_; }
    // Links whose target is no URI, or a script: written as their text.
    std::size_t links_without_address() const { return links_without_address_; }

private:
    struct Note {
        std::string id;
        std::string reference_id;
        const std::vector<fascicle::Block>* blocks;
    };

    void block(const fascicle::Block& block);
    void inline_element(const char* name, const fascicle::Inline& in);
    void list(const fascicle::Block& list);
    void table(const fascicle::Block& table);
    void rows(const char* part, const std::vector<fascicle::TableRow>& rows,
              const std::vector<fascicle::TableColumn>& columns, bool head);
    void math(const fascicle::Math& math, bool display);
    fascicle::XmlAttributes attributes(const fascicle::Attributes& a);

    fascicle::XmlStream& xml_;
    const fascicle::Article& article_;
    fascicle::UniqueIds& ids_;
    const fascicle::Resources* resources_;
    std::size_t images_not_in_the_book_ = 0;
    std::size_t links_without_address_ = 0;
    std::vector<Note> notes_;
    std::set<std::string> reference_targets_;
    std::set<std::string> images_;
};

}  // namespace fascicle_html
