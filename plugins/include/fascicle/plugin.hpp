// The Fascicle plugin SDK: the one header a format plugin includes.
//
// A plugin is a shared library that exports two entry points through Boost.DLL aliases:
//   fascicle_plugin_api_version  - uint32_t(), the API version it was built against (checked first,
//                               before anything whose layout could change is touched);
//   fascicle_plugin              - const PluginDescriptor&(), what it provides.
// FASCICLE_PLUGIN(descriptor_function) defines both. See plugins/README.md for the full contract.
#pragma once

#include <fascicle/content_census.hpp>
#include <fascicle/diagnostics.hpp>
#include <fascicle/media_export.hpp>
#include <fascicle/ir.hpp>
#include <fascicle/text.hpp>

#include <boost/dll/alias.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The API version, checked when a plugin is loaded.
//
// Major: bumped by any change that breaks a plugin built against the previous header, because
// the plugin and the host share these types' layout: a field or enumerator added to, removed
// from or reordered in any struct of ir.hpp or of this header (Inline, Block, Metadata, Resource,
// ReadContext, WriteContext, FormatInfo...); a virtual function added, removed or changed in
// Reader, Writer, Output, ArticleSink or DiagnosticSink; a changed meaning of an existing field.
// A host refuses plugins of any other major.
// Minor: bumped by additions that leave every existing layout as it was: new free functions or
// classes, new helpers in the SDK, new option names, new classes and attribute keys given a
// meaning on divisions and spans (the way new kinds of content are added without a new major).
// A host refuses plugins built against a newer minor than its own.
//
// 3.2: text.hpp's append_utf8; page_map.hpp's page_anchor_xml_id (the id of a page anchor, which
// a typesetter's layout reports); article_blocks.hpp (a text writer's article as runs of lines,
// rendered for -j or streamed). Layouts unchanged.
// 3.1: make_loaded_writer, a writer of another loaded format for a format built on it (a print
// format typesetting what another writes); uri.hpp's uri_scheme and is_scheme; page_map.hpp (where
// each printed page begins, shared by the PDF and EPUB writers). Layouts unchanged.
// 3.0: Article::heading_level and Section::heading_level (the heading's level in the source,
// which a Markdown writer gives back); a raw block's children are what it shows, for the writers
// of other formats (a Markdown HTML block kept verbatim carries its table, figure, list...);
// an empty Article::title is an untitled article; uri.hpp's has_parsable_host. Plugins live in
// lib/fascicle/plugins-3.
// 2.2: the SDK's parsed_xml.hpp (ParsedXml: safe XML with positions and HTML's named
// entities), xml_names.hpp, html_entities.hpp, html_whitespace.hpp and html_content.hpp (HTML
// mapped to the document model, shared by the EPUB and Markdown readers); Fascicle::core links
// pugixml publicly. Layouts unchanged.
// 2.1: the SDK's loss_report.hpp (LossReport, --fail-on-loss) and uri.hpp (percent_encoded,
// normalized_uri); XmlStream::markup, level and in_inline_element. Layouts unchanged.
// 2.0: the document model of ir.hpp (tables, figures, notes, math, definition lists, line
// blocks, attributes, titles as inlines, resources); ReadContext::resources and
// WriteContext::resources. 1.1: Status::bad_options/unavailable, render_article.
#define FASCICLE_API_VERSION_MAJOR 3
#define FASCICLE_API_VERSION_MINOR 2

namespace fascicle {

struct ApiVersion {
    std::uint16_t major = 0;
    std::uint16_t minor = 0;

    constexpr std::uint32_t packed() const { return std::uint32_t(major) << 16 | minor; }
    static constexpr ApiVersion unpack(std::uint32_t v) {
        return {std::uint16_t(v >> 16), std::uint16_t(v & 0xffff)};
    }
    std::string to_string() const { return std::to_string(major) + "." + std::to_string(minor); }
};

inline constexpr ApiVersion api_version{FASCICLE_API_VERSION_MAJOR, FASCICLE_API_VERSION_MINOR};

// What a plugin call ended in. The details are always reported to the diagnostics first;
// the status only tells the host which exit status the run ends with.
enum class Status {
    ok,
    failed,       // the input is invalid, or the output could not be written
    bad_options,  // an option's value is not one the plugin accepts: a usage error
    unavailable,  // something the plugin needs is missing, e.g. an external tool
};

// Values of the command-line options the plugins declared, by name, as the user gave them.
// Only options the user gave are present: a plugin applies its own defaults.
using Options = std::map<std::string, std::string>;

// A command-line option a format adds to `fascicle` (e.g. "columns" for --columns N).
struct OptionSpec {
    std::string name;        // long name without dashes
    std::string value_name;  // e.g. "N"; empty for a flag (its value is then "true")
    std::string help;
};

// ---------------------------------------------------------------------------------------------
// Reading

// One input: a file, or standard input. Readers read `stream`; those that need random access
// (zip archives) may read the whole stream or open `path` when it is set.
struct Input {
    std::string name;             // for diagnostics: the path as given, or "<stdin>"
    std::filesystem::path path;   // empty for standard input
    std::istream* stream = nullptr;
    std::string article_id;       // the file name without extension ("stdin" for standard input)
};

// Receives the articles a reader produces, one at a time.
class ArticleSink {
public:
    virtual ~ArticleSink() = default;
    virtual Status accept(Article&& article) = 0;
};

struct ReadContext {
    const Options& options;
    DiagnosticSink& diagnostics;
    // Book metadata the input itself carries (an EPUB's package, a Markdown metadata block).
    // Fill it before handing over the first article; what the user gave on the command line wins.
    Metadata& found;
    // (API 2.0) The book's resources: add each image or other file an article refers to before
    // handing over that article. Names must be unique in the book: prefix them when in doubt.
    Resources& resources;
};

// A reader is used from one thread at a time; the host may use other instances at once, so
// plugin code shares no unguarded mutable state between instances.
class Reader {
public:
    virtual ~Reader() = default;
    // Reads one input and hands each article to `sink` as soon as it is complete.
    // Problems are reported to ctx.diagnostics with file:line; returns failed on any error.
    virtual Status read(const Input& input, ReadContext& ctx, ArticleSink& sink) = 0;
};

// ---------------------------------------------------------------------------------------------
// Writing

// Where a writer puts its bytes. The host writes to a temporary file and renames it on success.
class Output {
public:
    virtual ~Output() = default;
    // The output as a byte stream.
    virtual std::ostream& stream() = 0;
    // A real file the writer may open itself instead of using stream() (never both);
    // nullopt when writing to standard output.
    virtual std::optional<std::filesystem::path> file() = 0;
};

struct WriteContext {
    const Options& options;
    DiagnosticSink& diagnostics;
    Output& output;
    // True when this writer gets one article per output (--split): leave out book-level matter.
    bool split = false;
    // (API 2.0) The book's resources, by the names the articles use. A resource an article
    // refers to is there before the article is written; more may come with later articles.
    const Resources* resources = nullptr;
};

// A writer is driven begin_book, write_article for each article in order, end_book.
// It should write each article as it comes; one that must see everything first buffers and
// says so in its FormatInfo (buffers_book).
// The WriteContext given to begin_book stays valid until end_book returns; an article only
// during its write_article call. Used from one thread at a time, like a Reader (but for
// render_article, below).
class Writer {
public:
    virtual ~Writer() = default;
    virtual Status begin_book(const Metadata& book, WriteContext& ctx) = 0;
    virtual Status write_article(const Article& article) = 0;
    virtual Status end_book() = 0;

    // Optional: rendering apart from writing, so that the host can render several
    // articles at once (-j). After begin_book, the host may call render_article from several
    // threads at the same time, then hand each result, in article order, to write_rendered.
    // The bytes must be those write_article would have written. render_article touches no
    // mutable state and reports to `diagnostics` only. Returning nullopt (the default) means
    // "not supported": the host then calls write_article.
    virtual std::optional<std::string> render_article(const Article& article, DiagnosticSink& diagnostics) const {
        (void)article;
        (void)diagnostics;
        return std::nullopt;
    }
    virtual Status write_rendered(const Article& article, std::string&& rendered) {
        (void)rendered;
        return write_article(article);
    }
};

// ---------------------------------------------------------------------------------------------
// Describing a plugin

struct FormatInfo {
    std::string name;                     // e.g. "epub"; unique among all loaded plugins
    std::string description;              // one line
    // How this format's files end, with the dot (".epub"); the first names --split output files.
    // An input file so named is read with this format; an output file so named is written with it
    // unless claims_output_extensions is false (article-text leaves ".txt" outputs to plain text).
    std::vector<std::string> extensions;
    bool claims_output_extensions = true;
    std::function<std::unique_ptr<Reader>()> make_reader;  // empty: not an input format
    std::function<std::unique_ptr<Writer>()> make_writer;  // empty: not an output format
    std::vector<OptionSpec> options;
    bool binary = false;          // output is not text (can't go to a terminal, can't be split)
    bool to_stdout = true;        // may be written to standard output (-o -)
    bool buffers_book = false;    // the writer keeps the whole book in memory
};

// (API 3.1) A writer of another format, from the plugins the host has loaded: for a format built
// on another one (the pdf plugin typesets what the docbook format writes) without including that
// plugin's sources. nullptr, with `why` saying so, when no loaded plugin writes `format`. The
// writer keeps its plugin loaded for as long as it lives.
std::shared_ptr<Writer> make_loaded_writer(std::string_view format, std::string& why);

struct PluginDescriptor {
    ApiVersion api;  // always FASCICLE_API_VERSION_*: set by FASCICLE_PLUGIN, do not change
    std::string name;
    std::string version;
    std::string description;
    std::vector<FormatInfo> formats;
};

}  // namespace fascicle

// Exports `descriptor_function` (a function `fascicle::PluginDescriptor name()`) as a Fascicle plugin.
// Use once per plugin, at namespace scope in one source file.
#define FASCICLE_PLUGIN(descriptor_function)                                                        \
    namespace fascicle_plugin_entry {                                                               \
    inline std::uint32_t api_version() { return ::fascicle::api_version.packed(); }                 \
    inline const ::fascicle::PluginDescriptor& descriptor() {                                       \
        static const ::fascicle::PluginDescriptor d = [] {                                          \
            ::fascicle::PluginDescriptor p = descriptor_function();                                 \
            p.api = ::fascicle::api_version;                                                        \
            return p;                                                                            \
        }();                                                                                     \
        return d;                                                                                \
    }                                                                                            \
    }                                                                                            \
    BOOST_DLL_ALIAS(fascicle_plugin_entry::api_version, fascicle_plugin_api_version)                   \
    BOOST_DLL_ALIAS(fascicle_plugin_entry::descriptor, fascicle_plugin)
