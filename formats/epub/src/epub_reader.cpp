#include "epub_reader.hpp"

#include "archive_images.hpp"
#include "archive_paths.hpp"
#include "article_assembler.hpp"
#include "book_links.hpp"
#include "chapter_metadata.hpp"
#include "container_document.hpp"
#include "epub_diagnostics.hpp"
#include "html_whitespace.hpp"
#include "navigation_reader.hpp"
#include "non_article_document.hpp"
#include "package_reader.hpp"
#include "xhtml_content.hpp"
#include "xml_names.hpp"

#include <fascicle/input_limits.hpp>
#include <fascicle/loss_report.hpp>
#include <fascicle/text.hpp>

#include <array>
#include <filesystem>
#include <istream>
#include <set>
#include <sstream>

namespace fascicle::epub {

using namespace reader;

namespace {

constexpr std::string_view epub_media_type = "application/epub+zip";
constexpr std::string_view xhtml_media_type = "application/xhtml+xml";

// The article's own metadata its chapter's head names (chapter_metadata.hpp): <meta name="author"
// content="..."/>, as Fascicle's writer and HTML put a page's author.
Metadata chapter_metadata(const XmlEntry& document) {
    Metadata out;
    for (pugi::xml_node head : document.root().children()) {
        if (head.type() != pugi::node_element || local_name(head.name()) != "head") continue;
        for (pugi::xml_node meta : head.children()) {
            const std::string_view name = meta.attribute("name").value();
            const std::string content = collapse_whitespace(meta.attribute("content").value());
            if (meta.type() == pugi::node_element && local_name(meta.name()) == "meta" && !content.empty() &&
                is_chapter_metadata_key(name))
                out.set(std::string(name), content);
        }
    }
    return out;
}

std::optional<std::string> read_stream(std::istream& in, std::uint64_t limit, std::string& error) {
    std::string bytes;
    std::array<char, 64 * 1024> chunk;
    while (in.read(chunk.data(), chunk.size()) || in.gcount() > 0) {
        if (bytes.size() + std::uint64_t(in.gcount()) > limit) {
            error = "the input is larger than the limit of " + describe_size(limit) + " for an EPUB: refused";
            return std::nullopt;
        }
        bytes.append(chunk.data(), std::size_t(in.gcount()));
    }
    if (in.bad()) {
        error = "cannot read the input";
        return std::nullopt;
    }
    return bytes;
}

// A document left out that holds more words than this is a warning.
constexpr std::size_t left_out_words = 20;

// The images a document shows (<img>, SVG's <image>) but for the book's cover image: a title
// page with a frontispiece holds content the book would otherwise lose.
std::size_t images_beside_the_cover(const XmlEntry& entry, const std::string& path, const Package& package) {
    const PackageItem* cover = package.cover_image();
    const std::optional<std::string> cover_path = cover ? cover->path : std::nullopt;
    std::size_t n = 0;
    for (const auto& found : entry.root().select_nodes("//*[local-name() = 'img' or local-name() = 'image']")) {
        const pugi::xml_node image = found.node();
        std::string src = image.attribute("src").value();
        if (src.empty()) src = image.attribute("xlink:href").value();
        if (src.empty()) src = image.attribute("href").value();
        if (const auto target = resolve_href(path, src); !target || target != cover_path) ++n;
    }
    return n;
}

// The words of `text` (white-space separated) that the metadata does not hold.
std::size_t words_beyond(const std::string& text, const Metadata& metadata) {
    std::set<std::string> known;
    auto add = [&](const std::string& s) {
        std::istringstream in(s);
        for (std::string w; in >> w;) known.insert(w);
    };
    for (const auto& [key, value] : metadata.entries()) add(value);
    std::istringstream in(text);
    std::size_t count = 0;
    for (std::string w; in >> w;)
        if (!known.count(w)) ++count;
    return count;
}

// One content document read: its article (not yet handed over), what links need to know of it,
// its notes, and what it held that the IR cannot.
struct ReadDocument {
    std::string entry;
    Article article;
    DocumentIds ids;
    std::vector<ContentNote> notes;
    std::unique_ptr<LossReport> losses;
    bool notes_only = false;  // a document of notes and nothing else: no article of its own
};

// A spine item checked against the manifest and the archive.
struct SpineDocument {
    const PackageItem* item;
    std::string path;  // the entry
    bool linear;
};

// One EPUB read from start to end.
class EpubReading {
public:
    EpubReading(const Input& input, ReadContext& ctx, ArticleSink& sink, const ArchiveLimits& limits,
                std::size_t max_depth)
        : input_(input), ctx_(ctx), sink_(sink), limits_(limits), max_depth_(max_depth),
          diagnostics_(ctx.diagnostics, input.name) {}

    Status run() {
        if (!open_archive()) return Status::failed;
        check_mimetype();
        const auto package_path = read_container();
        if (!package_path) return Status::failed;
        const auto package = read_package_document(*package_path);
        if (!package) return Status::failed;
        const auto spine = check_spine(*package);
        if (!spine) return Status::failed;

        // The book's metadata, before the first article.
        ctx_.found.merge_from(package->metadata);
        const Navigation navigation = read_navigation(*package);
        ArchiveImages images({input_.name, input_.article_id.empty() ? "epub" : input_.article_id,
                              archive_is_file_ ? input_.path : std::filesystem::path(), limits_},
                             *archive_, *package, ctx_.resources, diagnostics_);

        // The cover image, a resource of the book like the images the documents show.
        if (const PackageItem* cover = package->cover_image(); cover && ctx_.found.cover.empty()) {
            const std::string name = images.resource_for(package->path, cover->href, cover->position);
            if (!name.empty() && ctx_.resources.find(name)) ctx_.found.cover = name;
        }

        // The reading order, then the documents outside it (linear="no"): every document is read,
        // for its article, its notes and the ids links point at, before any article is handed
        // over (a link or a note may point to a later document).
        std::vector<const SpineDocument*> order;
        for (const auto& document : *spine)
            if (document.linear) order.push_back(&document);
        for (const auto& document : *spine)
            if (!document.linear) order.push_back(&document);

        std::vector<ReadDocument> read;
        BookLinks links;
        UniqueIds article_ids;
        for (const SpineDocument* document : order) {
            std::optional<ReadDocument> one = read_document(*document, *package, navigation, images);
            if (diagnostics_.failed()) return Status::failed;
            if (!one) continue;
            one->article.id = article_ids.take(one->article.id);
            links.add_document(one->entry, one->article, one->ids, std::move(one->notes));
            read.push_back(std::move(*one));
        }
        for (auto& document : read) links.resolve(document.article, document.entry);
        for (auto& document : read) {
            // Notes no link points at end their article, where the document had them last.
            std::vector<Block> notes = links.unreferenced_notes(document.entry);
            Article& a = document.article;
            std::vector<Block>& last = document.notes_only      ? a.introduction
                                       : !a.conclusion.empty() ? a.conclusion
                                       : !a.sections.empty()   ? last_blocks(a.sections.back())
                                                               : a.introduction;
            for (auto& n : notes) last.push_back(std::move(n));
        }
        bool lost = false;
        for (auto& document : read)
            if (!document.losses->report(ctx_.options, diagnostics_.sink())) lost = true;
        if (lost) return Status::failed;
        std::size_t articles = 0;
        for (auto& document : read) {
            Article& a = document.article;
            if (document.notes_only) {
                // Notes no link pointed at make the document an article after all.
                if (a.introduction.empty()) continue;
                a.title = title_inlines(a.id);
            }
            if (sink_.accept(std::move(a)) != Status::ok) return Status::failed;
            ++articles;
        }
        if (articles == 0)
            diagnostics_.warning("the EPUB holds no article: every document of its spine is a cover, a title page, "
                                 "the navigation document or empty");
        return Status::ok;
    }

private:
    bool open_archive() {
        std::string error;
        std::error_code ec;
        // A pipe or a device (fascicle <(...)) has no size to open it by: it is read as a stream.
        if (!input_.path.empty() && (std::filesystem::is_regular_file(input_.path, ec) || !input_.stream)) {
            archive_ = ZipArchiveReader::open_file(input_.path, limits_, error);
            archive_is_file_ = true;
        } else if (input_.stream) {
            if (auto bytes = read_stream(*input_.stream, limits_.total_bytes, error))
                archive_ = ZipArchiveReader::open_bytes(std::move(*bytes), limits_, error);
        } else {
            error = "no input to read";
        }
        if (!archive_) diagnostics_.error(error);
        return archive_ != nullptr;
    }

    void check_mimetype() {
        if (!archive_->contains("mimetype")) {
            diagnostics_.warning("the archive has no mimetype entry (\"" + std::string(epub_media_type) +
                                 "\"): it may not be an EPUB; reading it as one");
            return;
        }
        std::string error;
        const auto bytes = archive_->read("mimetype", error);
        if (bytes && *bytes != epub_media_type)
            diagnostics_.warning("the mimetype entry says \"" + bytes->substr(0, 80) + "\", not \"" +
                                 std::string(epub_media_type) + "\"; reading the archive as an EPUB");
    }

    // An entry's bytes; nullopt, with an error naming it, when it cannot be read.
    std::optional<std::string> read_entry(const std::string& name) {
        std::string error;
        auto bytes = archive_->read(name, error);
        if (!bytes) diagnostics_.error(error);
        return bytes;
    }

    // An entry parsed as XML; nullptr, with an error at its position, when it is not usable.
    std::unique_ptr<XmlEntry> parse_entry(const std::string& name, const std::string& bytes, bool html,
                                          const std::string& what) {
        XmlEntry::Failure failure;
        auto entry = XmlEntry::parse(bytes, html, failure, max_depth_);
        if (!entry) diagnostics_.error(name, failure.position, "malformed " + what + ": " + failure.message);
        return entry;
    }

    std::optional<std::string> read_container() {
        if (!archive_->contains(container_entry)) {
            diagnostics_.error(std::string("not an EPUB: ") + container_entry + " is missing from the archive");
            return std::nullopt;
        }
        const auto bytes = read_entry(container_entry);
        if (!bytes) return std::nullopt;
        const auto container = parse_entry(container_entry, *bytes, false, "container");
        if (!container) return std::nullopt;
        auto path = package_document_path(*container, diagnostics_);
        if (path && !archive_->contains(*path)) {
            diagnostics_.error("the package document " + *path + ", which " + container_entry +
                               " names, is missing from the archive");
            return std::nullopt;
        }
        return path;
    }

    std::optional<Package> read_package_document(const std::string& path) {
        const auto bytes = read_entry(path);
        if (!bytes) return std::nullopt;
        const auto document = parse_entry(path, *bytes, false, "package document");
        if (!document) return std::nullopt;
        return read_package(*document, path, diagnostics_);
    }

    // Every spine item must be a manifest item inside the archive: checked, and all reported,
    // before any article is handed over.
    std::optional<std::vector<SpineDocument>> check_spine(const Package& package) {
        std::vector<SpineDocument> spine;
        bool ok = true;
        for (const auto& ref : package.spine) {
            const PackageItem* item = package.item(ref.idref);
            if (!item) {
                diagnostics_.error(package.path, ref.position,
                                   "the spine names \"" + ref.idref + "\", which is not an item of the manifest");
                ok = false;
                continue;
            }
            if (!item->path) {
                diagnostics_.error(package.path, item->position,
                                   "spine item \"" + item->id + "\" (" + item->href +
                                       ") is not an entry of the archive");
                ok = false;
                continue;
            }
            std::string path = *item->path;
            if (!archive_->contains(path)) {
                if (auto other = archive_->find_ignoring_case(path)) {
                    diagnostics_.warning(package.path, item->position,
                                         "spine item \"" + item->id + "\": the archive has no " + path +
                                             " but has " + *other + ", which differs only in letter case; reading it");
                    path = *other;
                } else {
                    diagnostics_.error(package.path, item->position,
                                       "spine item \"" + item->id + "\": " + path + " is missing from the archive");
                    ok = false;
                    continue;
                }
            }
            spine.push_back({item, path, ref.linear});
        }
        if (!ok) return std::nullopt;
        return spine;
    }

    // Titles and front matter from the navigation document and the NCX (either may be missing
    // or unreadable: the documents' own headings are the titles then).
    Navigation read_navigation(const Package& package) {
        Navigation navigation;
        auto read = [&](const PackageItem* item, const char* what, auto&& add) {
            if (!item || !item->path || !archive_->contains(*item->path)) return;
            std::string error;
            const auto bytes = archive_->read(*item->path, error);
            XmlEntry::Failure failure;
            const auto document = bytes ? XmlEntry::parse(*bytes, true, failure) : nullptr;
            if (!document) {
                diagnostics_.warning(*item->path, failure.position,
                                     std::string("cannot read the ") + what + " (" + (bytes ? failure.message : error) +
                                         "); the titles come from the documents' headings");
                return;
            }
            add(*document, *item->path, navigation);
        };
        read(package.navigation(), "navigation document", read_navigation_document);
        read(package.ncx(), "NCX", read_ncx);
        read_guide(package, navigation);
        return navigation;
    }

    static std::vector<Block>& last_blocks(Section& section) {
        return section.subsections.empty() ? section.blocks : last_blocks(section.subsections.back());
    }

    // A document left out (the cover, the title page, the navigation document): a warning when
    // it holds words the book keeps nowhere else (its metadata, for a title page).
    void left_out(const std::string& path, const std::string& kind, const XmlEntry* entry) {
        const std::size_t words =
            entry ? words_beyond(trimmed_text(entry->root().child("body")), ctx_.found) : 0;
        if (words > left_out_words) {
            diagnostics_.warning(path, {},
                                 "left out as " + kind + ", as the package declares it, though it holds " +
                                     std::to_string(words) + " words that are not in the book's metadata");
        } else {
            diagnostics_.note(path, "left out: " + kind);
        }
    }

    std::optional<ReadDocument> read_document(const SpineDocument& document, const Package& package,
                                              const Navigation& navigation, ArchiveImages& images) {
        const std::string& path = document.path;
        if (document.item->media_type != xhtml_media_type) {
            diagnostics_.warning(path, {}, "skipped: a spine document of media type \"" + document.item->media_type +
                                               "\" (fascicle reads XHTML content documents)");
            return std::nullopt;
        }
        // The navigation document's words are the titles of the documents it lists.
        if (has_token(document.item->properties, "nav")) {
            diagnostics_.note(path, "left out: the navigation document");
            return std::nullopt;
        }

        const auto bytes = read_entry(path);
        if (!bytes) return std::nullopt;
        const auto entry = parse_entry(path, *bytes, true, "content document");
        if (!entry) return std::nullopt;
        for (const auto& unknown : entry->unknown_entities())
            diagnostics_.warning(path, unknown.position,
                                 "the entity &" + unknown.name +
                                     "; is defined neither by XML nor by XHTML: kept as text");

        ReadDocument out;
        out.entry = path;
        out.losses = std::make_unique<LossReport>(diagnostics_.file(path));
        ContentContext context;
        // A link inside the archive is a reference to "<entry>#<fragment>" (or "<entry>"): an
        // article id, or a note, once the book is known.
        context.reference = [&](const std::string& href) -> std::optional<std::string> {
            const auto entry = resolve_href(path, href);
            if (!entry || href.starts_with("/")) return std::nullopt;
            std::string target = *entry;
            if (const auto hash = href.find('#'); hash != std::string::npos && hash + 1 < href.size())
                target += "#" + percent_decoded(std::string_view(href).substr(hash + 1));
            return target;
        };
        context.losses = out.losses.get();
        context.image = [&](const std::string& src, XmlPosition at) { return images.resource_for(path, src, at); };

        if (auto kind = non_article_kind(path, document_kinds(*entry), navigation)) {
            const std::size_t images = *kind == "the cover" ? 0 : images_beside_the_cover(*entry, path, package);
            if (images == 0) {
                left_out(path, *kind, entry.get());
                return std::nullopt;
            }
            diagnostics_.note(path, "read as an article, though the package declares it " + *kind + ": it shows " +
                                        std::to_string(images) + (images == 1 ? " image" : " images") +
                                        " besides the cover");
        }
        std::string error;
        auto content = html::read_html_content(*entry, context, error);
        if (!content) {
            diagnostics_.error(path, {}, "malformed content document: " + error);
            return std::nullopt;
        }

        DocumentFacts facts;
        facts.file_stem = entry_stem(path);
        if (auto title = navigation.titles.find(path); title != navigation.titles.end())
            facts.navigation_title = title->second;
        facts.book_language = package.metadata.language;
        facts.source = input_.path;
        out.notes = std::move(content->notes);
        auto article = assemble_article(std::move(*content), facts, out.ids);
        if (!article) {
            diagnostics_.note(path, "skipped: the document holds no text");
            if (!out.notes.empty()) {
                // A document of notes only: they go where links point at them.
                Article holder;
                holder.id = facts.file_stem;
                return keep_notes_only(std::move(out), std::move(holder));
            }
            return std::nullopt;
        }
        article->metadata.merge_from(chapter_metadata(*entry));
        out.article = std::move(*article);
        return out;
    }

    static std::optional<ReadDocument> keep_notes_only(ReadDocument out, Article holder) {
        out.article = std::move(holder);
        out.notes_only = true;
        return out;
    }

    const Input& input_;
    ReadContext& ctx_;
    ArticleSink& sink_;
    const ArchiveLimits& limits_;
    std::size_t max_depth_;
    bool archive_is_file_ = false;
    EpubDiagnostics diagnostics_;
    std::unique_ptr<ZipArchiveReader> archive_;
};

}  // namespace

Status EpubReader::read(const Input& input, ReadContext& ctx, ArticleSink& sink) {
    // Nothing may be thrown across the plugin boundary.
    try {
        // --max-entry-size overrides the per-entry limit this reader was made with.
        std::string error;
        reader::ArchiveLimits limits = limits_;
        const auto entry_bytes = limit_option(ctx.options, max_entry_size_option, limits.entry_bytes, true, error);
        if (!entry_bytes) {
            ctx.diagnostics.error("", 0, 0, error);
            return Status::bad_options;
        }
        limits.entry_bytes = *entry_bytes;
        // --max-nesting: how deep elements may nest in a document (the walker recurses).
        const auto depth = limit_option(ctx.options, max_nesting_option, reader::XmlEntry::default_max_depth, false,
                                        error, reader::XmlEntry::max_nesting_most);
        if (!depth) {
            ctx.diagnostics.error("", 0, 0, error);
            return Status::bad_options;
        }
        return EpubReading(input, ctx, sink, limits, std::size_t(*depth)).run();
    } catch (const std::exception& e) {
        ctx.diagnostics.error(input.name, 0, 0, std::string("cannot read the EPUB: ") + e.what());
        return Status::failed;
    }
}

}  // namespace fascicle::epub
