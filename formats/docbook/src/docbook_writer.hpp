// Writes a book as DocBook 5: a <book> of chapters (or articles), one written as each arrives.
#pragma once

#include "xml_stream.hpp"

#include <quire/plugin.hpp>

#include <optional>
#include <string>

namespace quire::docbook {

// What each article becomes inside the book.
enum class Division { chapter, article };

inline constexpr const char* division_option = "docbook-division";

// The division the options ask for, or nullopt (reported) when the value is not one we know.
// Default: chapter in a book; article for a standalone document (--split), the usual root of one.
std::optional<Division> division_from(const Options& options, bool split, DiagnosticSink& diagnostics);

class DocBookWriter final : public Writer {
public:
    Status begin_book(const Metadata& book, WriteContext& ctx) override;
    Status write_article(const Article& article) override;
    Status end_book() override;

private:
    void write_book_info();
    void write_division(const Article& article);
    void write_article_info(const Article& article);
    void write_section(const Article& article, const Section& section);
    void write_blocks(const std::vector<Block>& blocks);
    void write_block(const Block& block);
    void write_inlines(const std::vector<Inline>& inlines);
    void write_inline(const Inline& inline_);
    void write_paragraphs(std::string_view element, std::string_view text);
    // Stream state and replaced characters after writing `what`; false when the output failed.
    bool check_output(const std::string& file, const std::string& what);

    WriteContext* ctx_ = nullptr;
    Metadata book_;
    std::string language_;
    Division division_ = Division::chapter;
    std::optional<XmlStream> xml_;
    UniqueIds ids_;
    std::size_t reported_replacements_ = 0;
    std::size_t articles_written_ = 0;
};

}  // namespace quire::docbook
