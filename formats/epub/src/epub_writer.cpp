#include "epub_writer.hpp"

#include "chapter_renderer.hpp"
#include "front_matter.hpp"
#include "identifier.hpp"
#include "language_tag.hpp"
#include "navigation_document.hpp"
#include "ncx_document.hpp"
#include "package_document.hpp"
#include "package_layout.hpp"
#include "zip_archive_writer.hpp"

#include <fascicle/dates.hpp>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>

namespace fascicle::epub {

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

std::string in_package(std::string_view href) { return std::string(layout::package_folder) + std::string(href); }

// Writes a file with `write(stream)`; false when it could not be written.
template <class Write>
bool write_file(const std::filesystem::path& file, Write&& write) {
    std::ofstream out(file, std::ios::binary);
    write(out);
    out.close();
    return static_cast<bool>(out);
}

bool copy_file_to(const std::filesystem::path& from, std::ostream& to) {
    std::ifstream in(from, std::ios::binary);
    to << in.rdbuf();
    return in && to.good();
}

// Strings in the writer's own records (packed chapters, anchors in the spool): a size in the
// machine's byte order, then the bytes. Read back only by this process.
void append_sized(std::string& out, std::string_view s) {
    const std::uint64_t size = s.size();
    out.append(reinterpret_cast<const char*>(&size), sizeof size);
    out += s;
}

bool take_sized(std::string_view& in, std::string& s) {
    std::uint64_t size = 0;
    if (in.size() < sizeof size) return false;
    std::memcpy(&size, in.data(), sizeof size);
    in.remove_prefix(sizeof size);
    if (in.size() < size) return false;
    s.assign(in.substr(0, size));
    in.remove_prefix(size);
    return true;
}

// What render_article hands to write_rendered through the host, as one string: what the writer
// needs to know of a chapter (its table of contents entry, ids, references, images, formulas)
// and its XHTML, compressed unless it has references to fill in; or why it could not be made.
// Read back only by the same writer in the same process, so numbers keep the machine's byte order.
class PackedChapter {
public:
    static std::string pack(const RenderedChapter& chapter, const ContentFingerprint::Digest& digest,
                            const CompressedContent& content) {
        std::string out;
        out.reserve(content.data.size() + 256);
        number(out, 1);
        number(out, content.deflated);
        number(out, content.crc);
        number(out, content.size);
        out.append(reinterpret_cast<const char*>(digest.data()), digest.size());
        entry(out, chapter.toc);
        number(out, chapter.references.size());
        for (const auto& r : chapter.references) {
            number(out, r.offset);
            text(out, r.article);
            text(out, r.local);
            number(out, r.needs_text);
        }
        number(out, chapter.anchors.size());
        for (const auto& a : chapter.anchors) {
            text(out, a.local);
            text(out, a.id);
            text(out, a.label);
        }
        number(out, chapter.media.size());
        for (const auto& name : chapter.media) text(out, name);
        for (auto n : {chapter.images, chapter.images_without_alt, chapter.formulas, chapter.formulas_without_alttext})
            number(out, n);
        number(out, chapter.page_markers.size());
        for (const auto& m : chapter.page_markers) {
            text(out, m.label);
            text(out, m.id);
        }
        out += content.data;  // the rest
        return out;
    }
    static std::string pack_error(const std::string& message) {
        std::string out;
        number(out, 0);
        text(out, message);
        return out;
    }

    // Reads a packed chapter; false when `packed` is not one (or `error` holds the packed error).
    bool unpack(std::string_view packed) {
        in_ = packed;
        std::uint64_t ok = 0, deflated = 0, crc = 0;
        if (!number(ok)) return false;
        if (!ok) {
            text(error);
            return false;
        }
        if (!number(deflated) || !number(crc) || !number(content.size) || !bytes(digest) || !entry(chapter.toc))
            return false;
        std::uint64_t count = 0;
        if (!number(count) || count > in_.size()) return false;
        chapter.references.resize(count);
        for (auto& r : chapter.references)
            if (!number(r.offset) || !text(r.article) || !text(r.local) || !number(r.needs_text)) return false;
        if (!number(count) || count > in_.size()) return false;
        chapter.anchors.resize(count);
        for (auto& a : chapter.anchors)
            if (!text(a.local) || !text(a.id) || !text(a.label)) return false;
        if (!number(count) || count > in_.size()) return false;
        chapter.media.resize(count);
        for (auto& name : chapter.media)
            if (!text(name)) return false;
        for (auto* n : {&chapter.images, &chapter.images_without_alt, &chapter.formulas, &chapter.formulas_without_alttext})
            if (!number(*n)) return false;
        if (!number(count) || count > in_.size()) return false;
        chapter.page_markers.resize(count);
        for (auto& m : chapter.page_markers)
            if (!text(m.label) || !text(m.id)) return false;
        content.deflated = deflated != 0;
        content.crc = static_cast<std::uint32_t>(crc);
        data = in_;
        return true;
    }

    RenderedChapter chapter;  // all but the XHTML
    ContentFingerprint::Digest digest{};  // of the article
    CompressedRange content;  // without the offset and length: where it will be spooled
    std::string_view data;    // the XHTML (compressed unless it has references), inside the packed string
    std::string error;

private:
    static void number(std::string& out, std::uint64_t n) { out.append(reinterpret_cast<const char*>(&n), sizeof n); }
    static void text(std::string& out, std::string_view s) { append_sized(out, s); }
    static void entry(std::string& out, const TocEntry& e) {
        text(out, e.title);
        text(out, e.href);
        text(out, e.language);
        number(out, e.children.size());
        for (const auto& child : e.children) entry(out, child);
    }

    template <class Number>
    bool number(Number& n) {
        std::uint64_t value = 0;
        if (in_.size() < sizeof value) return false;
        std::memcpy(&value, in_.data(), sizeof value);
        in_.remove_prefix(sizeof value);
        n = static_cast<Number>(value);
        return true;
    }
    bool bytes(ContentFingerprint::Digest& d) {
        if (in_.size() < d.size()) return false;
        std::memcpy(d.data(), in_.data(), d.size());
        in_.remove_prefix(d.size());
        return true;
    }
    bool text(std::string& s) { return take_sized(in_, s); }
    bool entry(TocEntry& e) {
        std::uint64_t children = 0;
        if (!text(e.title) || !text(e.href) || !text(e.language) || !number(children) || children > in_.size())
            return false;
        e.children.resize(children);
        for (auto& child : e.children)
            if (!entry(child)) return false;
        return true;
    }

    std::string_view in_;
};

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
    renderer_.reset();
    chapters_.clear();
    spooled_.clear();

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

    page_starts_.clear();
    page_list_.clear();
    pages_marked_.clear();
    page_map_pages_ = 0;
    print_edition_.clear();
    if (auto option = ctx.options.find(page_map_option); option != ctx.options.end()) {
        std::string error;
        const auto map = read_page_map(option->second, error);
        if (!map) return fail({}, "--" + std::string(page_map_option) + " " + error);
        for (const auto& page : map->pages) page_starts_[page.article_id].push_back(page);
        page_map_pages_ = map->pages.size();
        // The print edition the pages are of: as the user names it, else the book's own
        // print-edition metadata, else the book by its title (the PDF made from the same source).
        if (auto edition = ctx.options.find(print_edition_option); edition != ctx.options.end())
            print_edition_ = edition->second;
        else if (print_edition_ = book.get("print-edition"); print_edition_.empty())
            print_edition_ = (book.title.empty() ? std::string(fallback_title) : book.title) + " (print edition, PDF)";
    } else if (ctx.options.count(print_edition_option)) {
        return fail({}, "--" + std::string(print_edition_option) + " names the print edition of a page map: give --" +
                            page_map_option + " FILE too");
    }

    std::string error;
    spool_ = ChapterSpool::create(error);
    if (!spool_) return fail({}, error);
    fingerprint_.emplace(book.title);
    renderer_.emplace(language_, conclusion_title_, ctx.resources);
    resources_ = ctx.resources;
    media_.clear();
    images_ = 0;
    images_without_alt_ = 0;
    formulas_ = 0;
    formulas_without_alttext_ = 0;
    mathml_chapters_.clear();
    chapter_of_.clear();
    anchor_blocks_.clear();
    pending_links_.clear();
    newest_source_.reset();
    return Status::ok;
}

namespace {

// Every kind is carried; raw HTML is not (it need not be XML), and is reported.
const KindSupport epub_support{[](Inline::Kind) { return true; }, [](Block::Kind) { return true; },
                               [](std::string_view) -> std::string { return "left out"; }, {}};

std::string source_name(const Article& article) {
    return article.source.empty() ? article.id : article.source.string();
}

}  // namespace

std::optional<std::string> EpubWriter::render_article(const Article& article, DiagnosticSink& diagnostics) const {
    if (!renderer_) return std::nullopt;
    static const std::vector<PageStart> no_pages;
    const auto pages = page_starts_.find(article.id);
    RenderedChapter chapter = renderer_->render(article, pages == page_starts_.end() ? no_pages : pages->second);
    warn_uncarried(article, census(article), "the EPUB writer", epub_support, diagnostics);
    const std::string file = source_name(article);
    if (chapter.page_markers_at_end > 0)
        diagnostics.warning(file, 0, 0,
                            "article '" + article.id + "': " + std::to_string(chapter.page_markers_at_end) +
                                " page(s) of the page map begin at paragraphs this article does not have (was the "
                                "map made from other input?): marked at the end of its chapter");
    if (chapter.images_not_in_the_book > 0)
        diagnostics.warning(file, 0, 0,
                            "article '" + article.id + "': " + std::to_string(chapter.images_not_in_the_book) +
                                " images are not among the book's resources (an address outside the book, or a "
                                "name that would leave its folder): written as their alt text");
    if (chapter.links_without_address > 0)
        diagnostics.warning(file, 0, 0,
                            "article '" + article.id + "': " +
                                (chapter.links_without_address == 1 ? std::string("1 link has")
                                                                    : std::to_string(chapter.links_without_address) + " links have") +
                                " no address a reader can follow from inside the book (such as '" +
                                chapter.first_link_without_address +
                                "': a relative path, a script, an address no URL parser reads, or a scheme outside the "
                                "registered ones EPUB checkers accept): written as their text");
    if (chapter.formulas_as_tex > 0)
        diagnostics.warning(file, 0, 0,
                            "article '" + article.id + "': " + std::to_string(chapter.formulas_as_tex) +
                                " formulas have no well-formed MathML, which the EPUB writer cannot make from "
                                "TeX: written as their TeX source");
    std::optional<CompressedContent> content;
    if (chapter.references.empty()) {
        std::string error;
        content = compressor_.compress(chapter.xhtml, error);
        if (!content)
            return PackedChapter::pack_error("cannot compress the chapter of article " + article.id + ": " + error);
    } else {
        // Compressed once its references are filled in, when the whole book is known.
        content = CompressedContent{std::move(chapter.xhtml), false, 0, 0};
    }
    return PackedChapter::pack(chapter, ContentFingerprint::digest(article), *content);
}

Status EpubWriter::write_rendered(const Article& article, std::string&& rendered) {
    if (state_ != State::writing) return Status::failed;
    PackedChapter chapter;
    if (!chapter.unpack(rendered))
        return fail({}, chapter.error.empty() ? "the chapter of article " + article.id + " came back damaged"
                                              : chapter.error);

    const std::optional<std::uint64_t> offset = spool_->append_chapter(chapter.data);
    if (!offset) return fail(spool_->chapters_file().string(), "cannot write the chapter of article " + article.id);
    chapter.content.offset = *offset;
    chapter.content.length = chapter.data.size();
    spooled_.push_back(chapter.content);
    const std::size_t number = chapters_.size() + 1;
    if (!chapter.chapter.references.empty())
        pending_links_.push_back({number, source_name(article), article.id, std::move(chapter.chapter.references)});
    // The chapter's anchors wait in the spool, not in memory: only chapters that are referred to
    // are read back, at the end.
    chapter_of_.emplace(article.id, number);  // the first of two articles with one id
    anchor_blocks_.push_back({0, 0});
    if (!chapter.chapter.anchors.empty()) {
        std::string block;
        for (const auto& a : chapter.chapter.anchors) {
            append_sized(block, a.local);
            append_sized(block, a.id);
            append_sized(block, a.label);
        }
        const auto at = spool_->append_chapter(block);
        if (!at) return fail(spool_->chapters_file().string(), "cannot write the ids of article " + article.id);
        anchor_blocks_.back() = {*at, block.size()};
    }

    if (!article.source.empty()) {
        std::error_code ec;
        const auto written = std::filesystem::last_write_time(article.source, ec);
        if (!ec) {
            const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
                                     std::chrono::file_clock::to_sys(written).time_since_epoch())
                                     .count();
            newest_source_ = std::max(newest_source_.value_or(seconds), static_cast<std::int64_t>(seconds));
        }
    }
    media_.insert(chapter.chapter.media.begin(), chapter.chapter.media.end());
    images_ += chapter.chapter.images;
    images_without_alt_ += chapter.chapter.images_without_alt;
    formulas_ += chapter.chapter.formulas;
    formulas_without_alttext_ += chapter.chapter.formulas_without_alttext;
    mathml_chapters_.push_back(chapter.chapter.formulas > 0);
    if (!chapter.chapter.page_markers.empty() && pages_marked_.insert(article.id).second)
        for (const auto& m : chapter.chapter.page_markers)
            page_list_.push_back({m.label, layout::chapter(number) + "#" + m.id});
    link_from_package(chapter.chapter.toc, layout::chapter(number));
    chapters_.push_back(std::move(chapter.chapter.toc));
    fingerprint_->add(chapter.digest);
    return Status::ok;
}

Status EpubWriter::write_article(const Article& article) {
    if (state_ != State::writing) return Status::failed;
    auto rendered = render_article(article, *diagnostics_);
    return write_rendered(article, std::move(*rendered));
}

// The anchors of chapter `number`, read back from the spool (once: `loaded` keeps them).
const EpubWriter::Anchors* EpubWriter::anchors_of(std::size_t number, std::ifstream& spooled,
                                                  std::unordered_map<std::size_t, Anchors>& loaded) const {
    if (auto found = loaded.find(number); found != loaded.end()) return &found->second;
    Anchors& anchors = loaded[number];
    return read_anchors(number, spooled, anchors) ? &anchors : nullptr;
}

bool EpubWriter::read_anchors(std::size_t number, std::ifstream& spooled, Anchors& anchors) const {
    const auto [offset, length] = anchor_blocks_[number - 1];
    std::string bytes(length, '\0');
    spooled.seekg(static_cast<std::streamoff>(offset));
    spooled.read(bytes.data(), static_cast<std::streamsize>(length));
    if (!spooled) return false;
    std::string_view in = bytes;
    while (!in.empty()) {
        std::string local, id, label;
        if (!take_sized(in, local) || !take_sized(in, id) || !take_sized(in, label)) return false;
        anchors.emplace(std::move(local), AnchorTarget{std::move(id), std::move(label)});  // the first of one id
    }
    return true;
}

// The chapters with references, read back from the spool, their links filled in and compressed:
// "#id" in the same chapter, "chapter-0002.xhtml#id" in another, with what a reference without
// text shows (the chapter's, section's, table's or figure's title); a reference to an article or
// id that is not in the book keeps its text only.
Status EpubWriter::link_chapters() {
    if (pending_links_.empty()) return Status::ok;
    if (!spool_->flush_chapters()) return fail(spool_->chapters_file().string(), "cannot write to the temporary folder");
    std::ifstream spooled(spool_->chapters_file(), std::ios::binary);
    std::unordered_map<std::size_t, Anchors> loaded;
    bool damaged = false;
    // Where id `local` of chapter `to` is (nullopt when it has none such; `damaged` when its ids
    // cannot be read back).
    auto anchor_in = [&](std::size_t from, std::size_t to, const std::string& local) -> std::optional<ReferenceTarget> {
        const Anchors* anchors = anchors_of(to, spooled, loaded);
        if (!anchors) {
            damaged = true;
            return std::nullopt;
        }
        const auto id = anchors->find(local);
        if (id == anchors->end()) return std::nullopt;
        return ReferenceTarget{(to == from ? std::string() : layout::chapter_file(to)) + "#" + id->second.id,
                               id->second.label};
    };
    auto chapter_target = [&](std::size_t from, std::size_t to, const std::string& article) {
        return ReferenceTarget{to == from ? "#" + article_xml_id(article) : layout::chapter_file(to),
                               chapters_[to - 1].title};
    };
    // The chapter of each id of the book's chapters (the first that has it), made once and only
    // when a reference needs it.
    std::optional<std::unordered_map<std::string, std::size_t>> chapter_of_id;
    // An id with no article named: an id of the referring chapter, an article's id, or an id of
    // any chapter (a reader's "#id" in one document whose headings became several articles).
    auto anywhere = [&](std::size_t from, const std::string& id) -> std::optional<ReferenceTarget> {
        if (auto here = anchor_in(from, from, id)) return here;
        if (const auto article = chapter_of_.find(id); article != chapter_of_.end())
            return chapter_target(from, article->second, id);
        if (!chapter_of_id) {
            chapter_of_id.emplace();
            for (std::size_t n = 1; n <= chapters_.size() && !damaged; ++n) {
                Anchors anchors;
                if (!read_anchors(n, spooled, anchors)) damaged = true;
                for (const auto& a : anchors) chapter_of_id->emplace(a.first, n);
            }
        }
        const auto chapter = chapter_of_id->find(id);
        if (chapter == chapter_of_id->end()) return std::nullopt;
        return anchor_in(from, chapter->second, id);
    };
    auto target_of = [&](std::size_t from, const PendingReference& reference) -> std::optional<ReferenceTarget> {
        const auto article = chapter_of_.find(reference.article);
        if (article == chapter_of_.end())  // "id": the IR's bare internal id, not an article's
            return reference.local.empty() ? anywhere(from, reference.article) : std::nullopt;
        const std::size_t to = article->second;
        if (reference.local.empty()) return chapter_target(from, to, reference.article);  // at its title
        if (auto found = anchor_in(from, to, reference.local)) return found;
        // "#id" of the referring article that it does not hold: in the same source, maybe elsewhere.
        if (to == from && !damaged) return anywhere(from, reference.local);
        return std::nullopt;
    };
    for (const auto& chapter : pending_links_) {
        CompressedRange& range = spooled_[chapter.number - 1];
        std::string xhtml(range.length, '\0');
        spooled.seekg(static_cast<std::streamoff>(range.offset));
        spooled.read(xhtml.data(), static_cast<std::streamsize>(xhtml.size()));
        if (!spooled) return fail(spool_->chapters_file().string(), "cannot read back the chapter of " + chapter.article);

        std::size_t unresolved = 0;
        std::string example;
        resolve_references(xhtml, chapter.references, [&](const PendingReference& r) {
            auto target = target_of(chapter.number, r);
            if (!target && unresolved++ == 0) example = r.local.empty() ? r.article : r.article + "#" + r.local;
            return target;
        });
        if (damaged) return fail(spool_->chapters_file().string(), "cannot read back the ids of the book's chapters");
        if (unresolved > 0)
            warn(chapter.source + ": article '" + chapter.article + "': " + std::to_string(unresolved) +
                 " internal references lead to nothing in the book (such as '" + example + "'): written as their text");

        std::string error;
        const auto compressed = compressor_.compress(xhtml, error);
        if (!compressed) return fail({}, "cannot compress the chapter of article " + chapter.article + ": " + error);
        const auto offset = spool_->append_chapter(compressed->data);
        if (!offset) return fail(spool_->chapters_file().string(), "cannot write the chapter of article " + chapter.article);
        range = {*offset, compressed->data.size(), compressed->deflated, compressed->crc, compressed->size};
    }
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
    // A true date that the same inputs give again: the newest input's modification time; with
    // none (standard input) the time of writing, the only true date left.
    if (newest_source_) return format_utc(*newest_source_);
    return format_utc(std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count());
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
    if (link_chapters() != Status::ok) return Status::failed;
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
    package.authors = book_.authors();
    if (is_w3c_datetime(book_.date)) package.date = book_.date;
    package.publisher = book_.publisher;
    package.description = book_.description;
    package.rights = book_.rights;
    package.modified = modified_timestamp();
    package.has_cover_image = cover_.has_value();
    package.content_images = images_;
    package.content_images_without_alt = images_without_alt_;
    package.formulas = formulas_;
    package.formulas_without_alttext = formulas_without_alttext_;
    package.certified_by = book_.get("certified-by");

    const char* xhtml = "application/xhtml+xml";
    if (cover_) package.items.push_back({"cover", std::string(layout::cover_page), xhtml, "", true});
    if (front_matter) package.items.push_back({"title-page", std::string(layout::title_page), xhtml, "", true});
    package.items.push_back({"nav", std::string(layout::navigation), xhtml, "nav", true});
    for (std::size_t i = 0; i < chapters_.size(); ++i)
        package.items.push_back(
            {"chapter-" + std::to_string(i + 1), chapters_[i].href, xhtml, mathml_chapters_[i] ? "mathml" : "", true});
    package.items.push_back({ncx_item_id, std::string(layout::ncx), "application/x-dtbncx+xml", "", false});
    package.items.push_back({"css", std::string(layout::stylesheet), "text/css", "", false});
    if (cover_)
        package.items.push_back({cover_image_item_id, cover_image_href, cover_->media_type, "cover-image", false});
    // The images the chapters show, copied through the spool: never all held in memory at once.
    std::vector<std::pair<std::string, std::filesystem::path>> media_files;
    for (const auto& name : media_) {
        if (!is_contained_relative_path(name)) continue;  // written as alt text (reported)
        const Resource* resource = resources_->find(name);
        const auto spooled = spool_->file("media-" + std::to_string(media_files.size() + 1));
        auto in = resource->open ? resource->open() : nullptr;
        std::ofstream out(spooled, std::ios::binary | std::ios::trunc);
        if (in && out) out << in->rdbuf();
        out.close();
        if (!in || !out) return fail(resource->source, "cannot read the image '" + name + "' into the book");
        package.items.push_back({"media-" + std::to_string(media_files.size() + 1), layout::media(name),
                                 resource->media_type, "", false});
        media_files.emplace_back(layout::media(name), spooled);
    }

    if (page_list_.size() != page_map_pages_)
        warn("the page map has " + std::to_string(page_map_pages_) + " page(s), the book's articles mark " +
             std::to_string(page_list_.size()) + " (the others belong to articles not in the book): the page-list "
             "has " + std::to_string(page_list_.size()));
    package.print_edition = page_list_.empty() ? std::string() : print_edition_;

    NavigationInput navigation{language_, chapters_, std::nullopt, std::nullopt};
    navigation.page_list = &page_list_;
    if (cover_) navigation.cover_page = std::string(layout::cover_page);
    if (front_matter) navigation.title_page = std::string(layout::title_page);

    const NcxInput ncx{identifier, title, book_.authors(), language_, chapters_};

    // The two tables of contents grow with the book: written to the spool, not held in memory.
    const std::filesystem::path navigation_file = spool_->file("nav.xhtml");
    const std::filesystem::path ncx_file = spool_->file("toc.ncx");
    if (!write_file(navigation_file, [&](std::ostream& out) { write_navigation_document(navigation, out); }) ||
        !write_file(ncx_file, [&](std::ostream& out) { write_ncx_document(ncx, out); }) ||
        !spool_->flush_chapters())
        return fail(navigation_file.parent_path().string(), "cannot write to the temporary folder");

    std::string error;
    auto zip = ZipArchiveWriter::create(path, error);
    if (!zip) return fail(path.string(), error);
    using Compression = ZipArchiveWriter::Compression;
    // The mimetype first and stored: how a reading system recognizes an EPUB.
    bool ok = zip->add_bytes("mimetype", "application/epub+zip", Compression::store) &&
              zip->add_bytes("META-INF/container.xml", container_xml, Compression::deflate) &&
              zip->add_bytes(in_package(layout::package_document), package_document(package), Compression::deflate) &&
              zip->add_file(in_package(layout::navigation), navigation_file, Compression::deflate) &&
              zip->add_file(in_package(layout::ncx), ncx_file, Compression::deflate) &&
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
    for (std::size_t i = 0; ok && i < chapters_.size(); ++i)
        ok = zip->add_compressed(in_package(chapters_[i].href), spool_->chapters_file(), spooled_[i]);
    for (std::size_t i = 0; ok && i < media_files.size(); ++i)  // images are compressed already
        ok = zip->add_file(in_package(media_files[i].first), media_files[i].second, Compression::store);
    if (!ok || !zip->close()) return fail(path.string(), zip->error());
    return Status::ok;
}

}  // namespace fascicle::epub
