// The EPUB 3 writer: articles become chapters as they arrive, the book becomes one archive at
// the end.
#pragma once

#include "chapter_renderer.hpp"
#include "chapter_spool.hpp"
#include "content_fingerprint.hpp"
#include "cover_image.hpp"
#include "entry_compressor.hpp"
#include "navigation_document.hpp"
#include "toc_entry.hpp"
#include "zip_archive_writer.hpp"

#include <fascicle/plugin.hpp>

#include <cstdint>
#include <fstream>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fascicle::epub {

// --page-map FILE: the printed book's page map (the PDF writer's --write-page-map), marked in the
// chapters and listed in the navigation's page-list; --print-edition NAME: the edition it is of.
inline constexpr const char* page_map_option = "page-map";
inline constexpr const char* print_edition_option = "print-edition";

class EpubWriter : public Writer {
public:
    // `stylesheet` is the CSS every document links; it must outlive the writer.
    explicit EpubWriter(std::string_view stylesheet);

    Status begin_book(const Metadata& book, WriteContext& ctx) override;
    Status write_article(const Article& article) override;
    Status end_book() override;

    // The costly part of an article, its XHTML and its compression, is done here and may run on
    // several threads at once (-j); write_rendered only spools the compressed chapter.
    std::optional<std::string> render_article(const Article& article, DiagnosticSink& diagnostics) const override;
    Status write_rendered(const Article& article, std::string&& rendered) override;

private:
    enum class State { not_started, writing, failed, finished };

    Status fail(const std::string& file, const std::string& message);
    void warn(const std::string& message);
    std::string book_title();
    std::string modified_timestamp() const;
    Status write_archive(const std::filesystem::path& path);
    Status link_chapters();
    struct AnchorTarget {
        std::string id;     // the XML id
        std::string label;  // what a reference without text shows
    };
    using Anchors = std::unordered_map<std::string, AnchorTarget>;  // by the article's own id
    const Anchors* anchors_of(std::size_t number, std::ifstream& spooled,
                              std::unordered_map<std::size_t, Anchors>& loaded) const;
    bool read_anchors(std::size_t number, std::ifstream& spooled, Anchors& into) const;

    std::string_view stylesheet_;
    State state_ = State::not_started;
    DiagnosticSink* diagnostics_ = nullptr;
    Output* output_ = nullptr;
    bool split_ = false;

    Metadata book_;
    std::string language_;
    std::string conclusion_title_;
    std::optional<CoverImage> cover_;
    std::optional<std::int64_t> source_date_epoch_;

    std::optional<ChapterRenderer> renderer_;  // set once begin_book succeeded, then never changed
    const Resources* resources_ = nullptr;      // the book's, when the host gives them
    std::set<std::string> media_;               // the images the chapters show, by resource name
    std::size_t images_ = 0;                    // images the chapters show
    std::size_t images_without_alt_ = 0;
    std::size_t formulas_ = 0;                  // as MathML
    std::size_t formulas_without_alttext_ = 0;
    std::vector<bool> mathml_chapters_;         // by chapter: does it hold MathML
    // For the references of the chapters that have some: each article's chapter number, and
    // where in the spool each chapter's anchors are (offset, length; 0, 0 for none).
    std::unordered_map<std::string, std::size_t> chapter_of_;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> anchor_blocks_;
    struct PendingLinks {
        std::size_t number;  // of the chapter, from 1
        std::string source;  // the article's file, for warnings
        std::string article;
        std::vector<PendingReference> references;
    };
    std::vector<PendingLinks> pending_links_;
    std::optional<std::int64_t> newest_source_;  // the newest article file's modification time
    std::unique_ptr<ChapterSpool> spool_;
    EntryCompressor compressor_;  // used by render_article, on any thread
    std::optional<ContentFingerprint> fingerprint_;
    std::vector<TocEntry> chapters_;          // what the navigation needs of each article written
    std::vector<CompressedRange> spooled_;    // where each chapter's compressed XHTML is in the spool
    std::unordered_map<std::string, std::vector<PageStart>> page_starts_;  // the page map, by article
    std::size_t page_map_pages_ = 0;
    std::string print_edition_;
    std::vector<PageListEntry> page_list_;    // the pages marked, in order
    std::set<std::string> pages_marked_;      // the articles whose pages are in page_list_
};

}  // namespace fascicle::epub
