// HtmlWriter: a book as one self-contained HTML5 file — title page, table of contents, every
// article — with its stylesheet embedded, to read offline, mail or print as it is.
// The markup is polyglot: it parses as HTML and as XML alike.
#pragma once

#include <fascicle/plugin.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace fascicle_html {

class HtmlWriter final : public fascicle::Writer {
public:
    // `generator` names the plugin and its version in the document's head.
    explicit HtmlWriter(std::string generator);

    fascicle::Status begin_book(const fascicle::Metadata& book, fascicle::WriteContext& ctx) override;
    fascicle::Status write_article(const fascicle::Article& article) override;
    fascicle::Status end_book() override;

private:
    struct TocEntry {
        std::string id;
        std::string title;
        std::vector<TocEntry> children;
    };

    fascicle::Status load_stylesheet();
    void append_section(const fascicle::Article& article, const fascicle::Section& section, int level,
                        std::vector<TocEntry>& toc);
    std::string head() const;
    std::string title_page() const;
    std::string table_of_contents() const;

    std::string generator_;
    fascicle::WriteContext* ctx_ = nullptr;  // valid from begin_book to end_book
    fascicle::Metadata book_;
    std::string stylesheet_;
    std::string document_title_;
    std::string document_language_;
    fascicle::UniqueIds ids_;
    std::vector<TocEntry> toc_;
    // The articles, kept until end_book because the table of contents comes first.
    std::string body_;
    std::size_t contents_at_ = 0;  // with --split: where in body_ the contents list goes
};

}  // namespace fascicle_html
