// Writes a book as DocBook 5: a <book> of chapters (or articles), one written as each arrives.
#pragma once

#include <fascicle/plugin.hpp>
#include <fascicle/xml_stream.hpp>

#include <cstdint>
#include <deque>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace fascicle::docbook {

// What each article becomes inside the book.
enum class Division { chapter, article };

inline constexpr const char* division_option = "docbook-division";

// The division the options ask for, or nullopt (reported) when the value is not one we know.
// Default: chapter in a book; article for a standalone document (--split), the usual root of one.
std::optional<Division> division_from(const Options& options, bool split, DiagnosticSink& diagnostics);

// What an article's DocBook depends on besides the article and its ids: fixed by begin_book.
struct DivisionSettings {
    Division division = Division::chapter;
    bool split = false;              // a standalone document: its own declaration and namespaces
    std::string language;            // the book's
    std::string conclusion_title;    // the book's conclusion-title, empty when it has none
    const Resources* resources = nullptr;
    std::string media_prefix;        // before an image resource's name in a fileref ("" or "DIR/")
    bool mathml = true;              // formulas as MathML when the source has it; else their TeX
    bool page_anchors = false;       // each page anchor's text in a phrase of page_anchor_xml_id
};

// --extract-media DIR: the folder the images are written to (default: beside the output).
inline constexpr const char* extract_media_option = "extract-media";
// Set by the pdf format (formats/pdf; not a user option): formulas as their TeX, for a FOP without a
// MathML plugin.
inline constexpr const char* math_as_text_option = "docbook-math-as-text";
// Set by the pdf format when it makes a page map: the text of each of page_anchors() in a
// <phrase xml:id="page_anchor_xml_id(...)">, which FOP's layout tells the page of.
inline constexpr const char* page_anchors_option = "docbook-page-anchors";

// The xml:ids taken in a book, handed out as UniqueIds does ("-2", "-3"... after a taken one).
// A book of 10,000 articles has some 50,000 ids: kept as 64-bit hashes in one flat table rather
// than as a tree of strings, they take a tenth of the memory. Two ids with the same hash (odds
// near 1e-10 for such a book) would only make the second one "-2" needlessly: still unique, and
// the same on every run.
class BookIds {
public:
    std::string take(const std::string& base);

private:
    bool insert(std::uint64_t hash);  // false when it is there already
    std::vector<std::uint64_t> slots_;  // open addressing, 0 for a free slot
    std::size_t count_ = 0;
};

// The xml:ids of one article: the division's, each section's depth first and the conclusion's
// (in the order they are written), and every local id its content names (sections' and
// elements') with the xml:id it is written with. A local id named twice is written once, on the
// first element that names it.
struct ArticleIds {
    std::vector<std::string> structure;
    std::map<std::string, std::string> local;

    bool operator==(const ArticleIds&) const = default;
};

// What the articles written so far tell about the book's ids, for references to resolve against.
struct BookTargets {
    std::unordered_set<std::string> written;             // every xml:id written in the book
    std::unordered_set<std::string> articles;            // the ids of the articles that arrived
    std::unordered_map<std::string, std::string> moved;  // "article" or "article#local" whose xml:id is
                                                         // not the one article_xml_id/part_xml_id give
};

class DocBookWriter final : public Writer {
public:
    Status begin_book(const Metadata& book, WriteContext& ctx) override;
    Status write_article(const Article& article) override;
    Status end_book() override;

    // Rendering runs apart from writing (-j): an article's DocBook depends only on the settings
    // and its xml:ids, which must be unique in the whole book. render_article gives the article
    // the ids it would have alone; write_rendered takes them book-wide and re-renders the rare
    // article whose ids an earlier one took (article "a.b" after article "a" with section "b").
    std::optional<std::string> render_article(const Article& article, DiagnosticSink& diagnostics) const override;
    Status write_rendered(const Article& article, std::string&& rendered) override;

private:
    // What a rendering reports: characters replaced, formulas flattened, links without a URI,
    // references to nothing.
    struct Findings {
        std::size_t replacements = 0;
        std::size_t formulas_as_text = 0;
        std::size_t unresolved = 0;
        std::string first_unresolved;
        std::size_t unusable_links = 0;
        std::string first_unusable_link;
    };
    // `book`: resolve references against the book as written so far (a reference to nothing
    // becomes its text); nullptr: alone, every reference assumed to lead where its id says.
    std::string render(const Article& article, const ArticleIds& ids, const BookTargets* book, Findings& findings) const;
    void report(const Article& article, const Findings& findings, bool alone, DiagnosticSink& diagnostics) const;
    struct Held {
        Article article;
        ArticleIds ids;
        std::string rendered;
    };
    // as_rendered: every linkend it writes names an xml:id written; rerender: some do not, and
    // the articles they lead into have all arrived; waits: one of those has not arrived yet.
    enum class Readiness { as_rendered, rerender, waits };
    Readiness readiness(const Article& article, const Held& held) const;
    bool write_held(const Article& article, Held& held, Readiness state);
    // Writes the held articles whose references can be told now (all when `finish`).
    bool flush_held(bool finish);
    // Writes `xml` to the output; false (reported) when the output failed.
    bool write_out(const std::string& xml);
    bool output_ok();

    WriteContext* ctx_ = nullptr;
    std::optional<DivisionSettings> settings_;  // set once begin_book succeeded
    BookIds ids_;                               // the xml:ids taken in the book so far
    BookTargets targets_;                       // the xml:ids written (or held) so far
    // Articles that refer to one that has not arrived yet, and those after them: held (with
    // their ids and rendering) until it arrives or the book ends, so that references are checked.
    std::deque<Held> held_;
    std::size_t articles_written_ = 0;
    std::set<std::string> media_;                       // the image resources the articles show
    std::optional<std::filesystem::path> media_folder_;  // where they are written
};

}  // namespace fascicle::docbook
