// HtmlWriter: a book as one self-contained HTML5 file — title page, table of contents, every
// article — with its stylesheet embedded, to read offline, mail or print as it is.
// The markup is polyglot: it parses as HTML and as XML alike.
#pragma once

#include "html_content.hpp"

#include <fascicle/plugin.hpp>
#include <fascicle/xml_stream.hpp>

#include <cstddef>
#include <set>
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
    void section(const fascicle::Article& article, ArticleContent& content, const fascicle::Section& section,
                 int level, std::vector<TocEntry>& toc);
    void unlink_dangling_references();
    fascicle::Status export_images();
    void head(fascicle::XmlStream& xml, std::string& document) const;
    void title_page(fascicle::XmlStream& xml) const;
    void table_of_contents(fascicle::XmlStream& xml) const;

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
    fascicle::XmlStream body_xml_{body_, 3};  // inside html, body and main
    std::size_t contents_at_ = 0;  // with --split: where in body_ the contents list goes
    std::set<std::string> reference_targets_;  // ids internal references point to
    std::set<std::string> images_;             // resources the images show
};

}  // namespace fascicle_html
