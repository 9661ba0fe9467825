#include "epub_writer.hpp"

#include "chapter_renderer.hpp"
#include "front_matter.hpp"
#include "identifier.hpp"
#include "language_tag.hpp"
#include "navigation_document.hpp"
#include "ncx_document.hpp"
#include "package_document.hpp"
#include "package_layout.hpp"
#include "timestamps.hpp"
#include "zip_archive_writer.hpp"

#include <cstdlib>
#include <fstream>

namespace quire::epub {

namespace {

constexpr std::string_view container_xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
    "  <rootfiles>\n"
    "    <rootfile full-path=\"EPUB/package.opf\" media-type=\"application/oebps-package+xml\"/>\n"
    "  </rootfiles>\n"
    "</container>\n";

constexpr std::string_view default_language = "en";
constexpr std::string_view default_conclusion_title = "Conclusion";
constexpr std::string_view fallback_title = "Untitled";

// Without SOURCE_DATE_EPOCH or a date, dcterms:modified is 2000-01-01 plus up to 17 years taken
// from the content's fingerprint: never the clock, and a different value for different content,
// so that the release identifier (identifier + modified) tells editions apart.
constexpr std::int64_t derived_modified_base = 946684800;  // 2000-01-01T00:00:00Z
constexpr std::uint32_t derived_modified_span = 1u << 29;  // seconds, about 17 years

std::string in_package(std::string_view href) { return std::string(layout::package_folder) + std::string(href); }

// A chapter's file in the spool: its file name in the package ("text/chapter-0001.xhtml").
std::string spool_name(const std::string& href) { return href.substr(href.rfind('/') + 1); }

bool copy_file_to(const std::filesystem::path& from, std::ostream& to) {
    std::ifstream in(from, std::ios::binary);
    to << in.rdbuf();
    return in && to.good();
}

}  // namespace

EpubWriter::EpubWriter(std::string_view stylesheet) : stylesheet_(stylesheet) {}

Status EpubWriter::fail(const std::string& file, const std::string& message) {
    state_ = State::failed;
    if (diagnostics_) diagnostics_->error(file, 0, 0, message);
    return Status::failed;
}

void EpubWriter::warn(const std::string& message) { diagnostics_->warning({}, 0, 0, message); }

Status EpubWriter::begin_book(const Metadata& book, WriteContext& ctx) {
    diagnostics_ = &ctx.diagnostics;
    output_ = &ctx.output;
    split_ = ctx.split;
    book_ = book;
    state_ = State::writing;

    if (is_well_formed_language_tag(book.language)) {
        language_ = book.language;
    } else {
        language_ = default_language;
        warn(book.language.empty()
                 ? "no language given (--metadata language=...); the EPUB says \"en\""
                 : "language \"" + book.language + "\" is not a BCP 47 tag; the EPUB says \"en\"");
    }
    conclusion_title_ = book.get("conclusion-title");
    if (conclusion_title_.empty()) conclusion_title_ = default_conclusion_title;
    if (!book.date.empty() && !is_w3c_datetime(book.date))
        warn("date \"" + book.date + "\" is not a W3C date (YYYY, YYYY-MM or YYYY-MM-DD); left out of dc:date");

    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
        source_date_epoch_ = parse_epoch_seconds(epoch);
        if (!source_date_epoch_)
            return fail({}, std::string("SOURCE_DATE_EPOCH is not a number of seconds: \"") + epoch + "\"");
    }

    if (auto option = ctx.options.find("cover"); option != ctx.options.end() && !split_) {
        std::string error;
        cover_ = inspect_cover_image(option->second, error);
        if (!cover_) return fail(option->second, error);
    }

    std::string error;
    spool_ = ChapterSpool::create(error);
    if (!spool_) return fail({}, error);
    fingerprint_.emplace(book.title);
    return Status::ok;
}

Status EpubWriter::write_article(const Article& article) {
    if (state_ != State::writing) return Status::failed;

    const std::string href = layout::chapter(chapters_.size() + 1);
    const std::filesystem::path file = spool_->file(spool_name(href));
    std::ofstream out(file, std::ios::binary);
    TocEntry entry = ChapterRenderer(language_, conclusion_title_).render(article, href, out);
    out.close();
    if (!out) return fail(file.string(), "cannot write the chapter of article " + article.id);

    chapters_.push_back(std::move(entry));
    fingerprint_->add(article);
    return Status::ok;
}

std::string EpubWriter::book_title() {
    if (split_ && chapters_.size() == 1) return chapters_.front().title;
    if (!book_.title.empty()) return book_.title;
    if (chapters_.size() == 1) return chapters_.front().title;
    warn("no title given (--metadata title=...); the EPUB is titled \"Untitled\"");
    return std::string(fallback_title);
}

std::string EpubWriter::modified_timestamp() const {
    if (source_date_epoch_) return format_utc(*source_date_epoch_);
    if (auto day = start_of_day(book_.date)) return format_utc(*day);
    return format_utc(derived_modified_base + fingerprint_->first_word() % derived_modified_span);
}

Status EpubWriter::end_book() {
    if (state_ != State::writing) return Status::failed;
    if (chapters_.empty()) return fail({}, "the book has no articles: an EPUB needs at least one");

    // Standard output (no file): the archive is built in the spool, then copied.
    const std::optional<std::filesystem::path> file = output_->file();
    const std::filesystem::path archive = file ? *file : spool_->file("book.epub");
    if (write_archive(archive) != Status::ok) return Status::failed;
    if (!file && !copy_file_to(archive, output_->stream())) return fail({}, "cannot write the EPUB to the output");

    spool_.reset();
    state_ = State::finished;
    return Status::ok;
}

Status EpubWriter::write_archive(const std::filesystem::path& path) {
    const std::string title = book_title();
    const std::string identifier = book_.identifier.empty()
                                       ? "urn:uuid:" + fingerprint_->uuid()
                                       : publication_identifier(book_.identifier);
    const bool front_matter = !split_;
    const std::string cover_image_href =
        cover_ ? "images/cover" + cover_->extension : std::string();

    PackageInput package;
    package.identifier = identifier;
    package.title = title;
    package.language = language_;
    package.authors = book_.authors;
    if (is_w3c_datetime(book_.date)) package.date = book_.date;
    package.publisher = book_.publisher;
    package.description = book_.description;
    package.rights = book_.rights;
    package.modified = modified_timestamp();
    package.has_cover_image = cover_.has_value();

    const char* xhtml = "application/xhtml+xml";
    if (cover_) package.items.push_back({"cover", std::string(layout::cover_page), xhtml, "", true});
    if (front_matter) package.items.push_back({"title-page", std::string(layout::title_page), xhtml, "", true});
    package.items.push_back({"nav", std::string(layout::navigation), xhtml, "nav", true});
    for (std::size_t i = 0; i < chapters_.size(); ++i)
        package.items.push_back({"chapter-" + std::to_string(i + 1), chapters_[i].href, xhtml, "", true});
    package.items.push_back({ncx_item_id, std::string(layout::ncx), "application/x-dtbncx+xml", "", false});
    package.items.push_back({"css", std::string(layout::stylesheet), "text/css", "", false});
    if (cover_)
        package.items.push_back({cover_image_item_id, cover_image_href, cover_->media_type, "cover-image", false});

    NavigationInput navigation{language_, chapters_, std::nullopt, std::nullopt};
    if (cover_) navigation.cover_page = std::string(layout::cover_page);
    if (front_matter) navigation.title_page = std::string(layout::title_page);

    const NcxInput ncx{identifier, title, book_.authors, language_, chapters_};

    std::string error;
    auto zip = ZipArchiveWriter::create(path, error);
    if (!zip) return fail(path.string(), error);
    using Compression = ZipArchiveWriter::Compression;
    // The mimetype first and stored: how a reading system recognizes an EPUB.
    bool ok = zip->add_bytes("mimetype", "application/epub+zip", Compression::store) &&
              zip->add_bytes("META-INF/container.xml", container_xml, Compression::deflate) &&
              zip->add_bytes(in_package(layout::package_document), package_document(package), Compression::deflate) &&
              zip->add_bytes(in_package(layout::navigation), navigation_document(navigation), Compression::deflate) &&
              zip->add_bytes(in_package(layout::ncx), ncx_document(ncx), Compression::deflate) &&
              zip->add_bytes(in_package(layout::stylesheet), stylesheet_, Compression::deflate);
    if (ok && cover_) {
        // Images are compressed already.
        ok = zip->add_file(in_package(cover_image_href), cover_->path, Compression::store) &&
             zip->add_bytes(in_package(layout::cover_page),
                            cover_page(title, language_, std::string(layout::from_text_folder) + cover_image_href),
                            Compression::deflate);
    }
    if (ok && front_matter)
        ok = zip->add_bytes(in_package(layout::title_page), title_page(book_, title, language_), Compression::deflate);
    for (std::size_t i = 0; ok && i < chapters_.size(); ++i) {
        const std::string& href = chapters_[i].href;
        ok = zip->add_file(in_package(href), spool_->file(spool_name(href)), Compression::deflate);
    }
    if (!ok || !zip->close()) return fail(path.string(), zip->error());
    return Status::ok;
}

}  // namespace quire::epub
