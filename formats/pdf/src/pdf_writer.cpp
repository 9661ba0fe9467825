#include "pdf_writer.hpp"

#include "external_tool.hpp"
#include "print_date.hpp"
#include "print_font_runs.hpp"
#include "print_fonts.hpp"
#include "print_image_resolution.hpp"

#include <fascicle/dates.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string_view>
#include <vector>
#include <unistd.h>

namespace fascicle::pdf {

namespace {

constexpr std::size_t max_warnings_shown = 10;
constexpr std::size_t max_errors_shown = 20;

// Apache FOP writes "[ERROR] ...", "[WARN] ..." (commons-logging SimpleLog, Debian's wrapper) or
// "SEVERE: ..." / "WARNING: ..." (java.util.logging); a Java crash starts with "Exception".
bool is_fop_error(std::string_view line) {
    for (std::string_view prefix : {"[ERROR]", "[FATAL]", "SEVERE", "ERROR", "Exception", "java.lang."})
        if (line.substr(0, prefix.size()) == prefix) return true;
    return false;
}

bool is_fop_warning(std::string_view line) {
    return line.substr(0, 6) == "[WARN]" || line.substr(0, 8) == "WARNING:";
}

// FOP reads a font's OpenType layout tables and says so, on every run, of some table formats it
// skips (in Noto's Arabic and Hebrew faces); it shapes those scripts all the same.
bool is_font_table_notice(std::string_view line) {
    return line.find("GlyphClassTable") != std::string_view::npos &&
           line.find("not yet supported") != std::string_view::npos;
}

// What FOP without a MathML plugin says of each MathML element it meets.
constexpr std::string_view unknown_mathml = "Unknown formatting object \"{http://www.w3.org/1998/Math/MathML}";

// Whether `script` is one of Debian's java-wrappers scripts (it sources java-wrappers.sh).
bool is_java_wrappers_script(const std::filesystem::path& script) {
    std::ifstream in(script, std::ios::binary);
    std::string head(16 * 1024, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head.find("/java-wrappers.sh") != std::string::npos;
}

// The formulas the DocBook writer printed as their TeX source, in an article it rendered.
std::size_t formulas_as_text(std::string_view docbook) {
    std::size_t count = 0;
    for (auto at = docbook.find("<mathphrase"); at != std::string_view::npos;
         at = docbook.find("<mathphrase", at + 1)) {
        const char after = at + 11 < docbook.size() ? docbook[at + 11] : '\0';
        if (after == '>' || after == ' ') ++count;
    }
    return count;
}

std::vector<std::string> lines_of(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) lines.push_back(line);
    return lines;
}

}  // namespace

MathTypesetting find_math_typesetting(const std::filesystem::path& fop, const std::filesystem::path& java_folder) {
    MathTypesetting found;
    std::string jars;
    for (const char* name : {"jeuclid-core.jar", "jeuclid-fop.jar"}) {
        const auto jar = java_folder / name;
        if (::access(jar.c_str(), R_OK) != 0) {
            found.why_not = "FOP typesets MathML only with the JEuclid plugin, and " + jar.string() +
                            " is not there (Debian: apt-get install libjeuclid-fop-java)";
            return found;
        }
        if (!jars.empty()) jars += ':';
        jars += jar.string();
    }
    if (!is_java_wrappers_script(fop)) {
        found.why_not = "the JEuclid plugin is installed, but " + fop.string() +
                        " is not Debian's fop script (java-wrappers), the one fascicle can hand it to";
        return found;
    }
    found.class_path = std::move(jars);
    return found;
}

// ---------------------------------------------------------------------------------------------

PrintWorkFolder::~PrintWorkFolder() {
    if (!remove_) return;
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

bool PrintWorkFolder::create(const std::optional<std::filesystem::path>& kept, std::string& error) {
    std::error_code ec;
    if (kept) {
        std::filesystem::create_directories(*kept, ec);
        if (ec) {
            error = "cannot create " + kept->string() + ": " + ec.message();
            return false;
        }
        path_ = *kept;
        return true;
    }
    auto pattern = (std::filesystem::temp_directory_path(ec) / "fascicle-pdf-XXXXXX").string();
    if (ec || !::mkdtemp(pattern.data())) {
        error = "cannot create a temporary folder: " + std::string(std::strerror(errno));
        return false;
    }
    path_ = pattern;
    remove_ = true;
    return true;
}

// ---------------------------------------------------------------------------------------------

// The intermediate DocBook file, as the Output the DocBook writer streams into.
class PdfWriter::DocBookFile final : public Output {
public:
    explicit DocBookFile(const std::filesystem::path& path) : stream_(path, std::ios::binary) {}
    std::ostream& stream() override { return stream_; }
    std::optional<std::filesystem::path> file() override { return std::nullopt; }
    bool close() {
        stream_.close();
        return !stream_.fail();
    }

private:
    std::ofstream stream_;
};

PdfWriter::PdfWriter(std::string_view print_stylesheet, std::filesystem::path java_folder)
    : print_stylesheet_(print_stylesheet), java_folder_(std::move(java_folder)) {}

PdfWriter::~PdfWriter() = default;

Status PdfWriter::begin_book(const Metadata& book, WriteContext& ctx) {
    ctx_ = &ctx;
    std::string why_not;
    docbook_ = make_loaded_writer("docbook", why_not);
    if (!docbook_) {
        ctx.diagnostics.error("", 0, 0, "PDF is typeset from the DocBook the docbook format writes, and " + why_not +
                                            " (is fascicle-docbook.so in the plugin folders?)");
        return Status::unavailable;
    }
    page_ = page_geometry_from(ctx.options, ctx.diagnostics);
    if (!page_) return Status::failed;
    if (auto division = ctx.options.find(division_option);
        division != ctx.options.end() && division->second != "chapter" && division->second != "article") {
        ctx.diagnostics.error("", 0, 0, "--" + std::string(division_option) + " must be 'chapter' or 'article', not '" +
                                            division->second + "'");
        return Status::failed;
    }
    auto standards = pdf_standards_from(ctx.options, ctx.diagnostics);
    if (!standards) return Status::failed;
    standards_ = std::move(*standards);
    if (!standards_.pdf_x.empty() && book.title.empty()) {
        ctx.diagnostics.error("", 0, 0, "--" + std::string(pdf_x_option) + ": " + standards_.pdf_x +
                                            " needs the book's title (-M title=...)");
        return Status::failed;
    }
    allow_missing_glyphs_ = ctx.options.count(allow_missing_glyphs_option) > 0;
    // Before any work: a missing tool should be the first and only thing the user hears about.
    if (!find_tools()) return Status::failed;
    math_ = find_math_typesetting(fop_, java_folder_);

    std::optional<std::filesystem::path> kept;
    if (auto dir = ctx.options.find(print_work_dir_option); dir != ctx.options.end()) kept = dir->second;
    std::string error;
    if (!work_.create(kept, error)) {
        ctx.diagnostics.error("", 0, 0, error);
        return Status::failed;
    }
    print_epoch_ = print_epoch(std::getenv("SOURCE_DATE_EPOCH"), book.date);

    docbook_file_ = std::make_unique<DocBookFile>(work_ / "book.xml");
    if (!docbook_file_->stream()) {
        ctx.diagnostics.error("", 0, 0, "cannot write " + (work_ / "book.xml").string());
        return Status::failed;
    }
    // The images go into the work folder, where FOP reads them.
    docbook_options_ = ctx.options;
    docbook_options_[extract_media_option] = std::filesystem::absolute(work_ / "media").string();
    // Debian's FOP typesets no MathML without the JEuclid plugin: then formulas print as their TeX.
    if (math_.class_path.empty()) docbook_options_[math_as_text_option] = "true";
    if (auto map = ctx.options.find(write_page_map_option); map != ctx.options.end()) {
        page_map_file_ = map->second;
        docbook_options_[page_anchors_option] = "true";
    }
    for (const auto& [key, value] : book.entries()) characters_.add({}, value);
    docbook_ctx_.emplace(WriteContext{docbook_options_, ctx.diagnostics, *docbook_file_, false, ctx.resources});
    return docbook_->begin_book(book, *docbook_ctx_);
}

Status PdfWriter::write_article(const Article& article) {
    auto rendered = render_article(article, ctx_->diagnostics);
    if (!rendered) return Status::failed;
    return write_rendered(article, std::move(*rendered));
}

std::optional<std::string> PdfWriter::render_article(const Article& article, DiagnosticSink& diagnostics) const {
    auto rendered = docbook_->render_article(article, diagnostics);
    if (rendered && page_) warn_low_resolution_images(article, ctx_->resources, page_->text_width(), diagnostics);
    // The formulas the DocBook has as mathphrase: all of them without JEuclid, else those the
    // source gave no MathML (or MathML that is not well-formed).
    if (const auto as_text = rendered ? formulas_as_text(*rendered) : 0; as_text > 0) {
        const bool one = as_text == 1;
        std::string message = "article '" + article.id + "': " +
                               (one ? std::string("1 formula is") : std::to_string(as_text) + " formulas are") +
                               " printed as TeX source: ";
        if (math_.class_path.empty()) message += math_.why_not;
        else message += one ? "it has no well-formed MathML" : "they have no well-formed MathML";
        diagnostics.warning(article.source.empty() ? article.id : article.source.string(), 0, 0, message);
    }
    return rendered;
}

Status PdfWriter::write_rendered(const Article& article, std::string&& rendered) {
    if (page_map_file_) anchors_.add_article(article);
    characters_.add({article.id, article.source}, rendered);
    return docbook_->write_rendered(article, std::move(rendered));
}

Status PdfWriter::end_book() {
    if (docbook_->end_book() != Status::ok) return Status::failed;
    if (!docbook_file_->close()) {
        ctx_->diagnostics.error("", 0, 0, "cannot write " + (work_ / "book.xml").string());
        return Status::failed;
    }
    return render();
}

bool PdfWriter::find_tools() {
    struct Tool {
        const char* name;
        const char* what;
        const char* debian_package;
        std::filesystem::path* found;
    };
    const Tool tools[] = {{"xsltproc", "the XSLT processor", "xsltproc", &xsltproc_},
                          {"fop", "Apache FOP", "fop", &fop_}};
    bool all_found = true;
    for (const auto& tool : tools) {
        if (auto path = find_on_path(tool.name)) {
            *tool.found = *path;
            continue;
        }
        ctx_->diagnostics.error("", 0, 0,
                                std::string("PDF output needs '") + tool.name + "' (" + tool.what +
                                    "), which is not on PATH; install it (Debian: apt-get install " +
                                    tool.debian_package + ") or write DocBook (-t docbook) and print it yourself");
        all_found = false;
    }
    return all_found;
}

bool PdfWriter::write_work_file(const char* name, std::string_view content) {
    std::ofstream file(work_ / name, std::ios::binary);
    file << content;
    if (file.flush()) return true;
    ctx_->diagnostics.error("", 0, 0, "cannot write " + (work_ / name).string());
    return false;
}

Status PdfWriter::render() {
    // Embedded fonts when they are installed; FOP's built-in (not embeddable) ones otherwise.
    const auto folders = standard_font_folders();
    const auto serif = find_font_family("Liberation Serif", "LiberationSerif", folders);
    const auto mono = find_font_family("Liberation Mono", "LiberationMono", folders);
    if (!serif || !mono) {
        ctx_->diagnostics.warning("", 0, 0,
                                  "the Liberation fonts are not installed (Debian: apt-get install fonts-liberation2):"
                                  " the PDF uses FOP's built-in Times and Courier, which are not embedded in it");
    }
    const auto sans = find_font_family("Liberation Sans", "LiberationSans", folders);
    std::vector<PrintFontFamily> embedded;
    for (const auto* family : {&serif, &mono, &sans})
        if (*family) embedded.push_back(**family);
    // Every character the text fonts lack is looked up, one by one, along the fallback chain.
    const auto chain = find_fallback_chain();
    fonts_not_installed_ = chain.missing_packages;
    const std::string text_fonts = font_family_list(serif ? serif->name : "serif", chain);
    text_fonts_ = text_fonts;
    if (!write_work_file("print.xsl", print_stylesheet_) ||
        !write_work_file("fop.xconf", fop_configuration(embedded, chain, renderer_settings(standards_))))
        return Status::failed;

    // docbook-xsl's symbol fonts (its fallback for rare characters) default to FOP's built-in
    // Symbol and ZapfDingbats, which cannot be embedded: PDF/X and PDF/A need every font embedded.
    FallbackChain symbols;
    for (const auto& font : chain.fonts)
        if (font.name.find("Symbol") != std::string::npos) symbols.fonts.push_back(font);
    const std::string symbol_fonts = font_family_list(serif ? serif->name : "serif", symbols);
    std::vector<std::string> xslt_arguments{
        "--nonet",  // the DocBook stylesheets come from the local XML catalog, never the network
        "--stringparam", "pdf.date", format_utc(print_epoch_),
        "--stringparam", "body.font.family", text_fonts,
        "--stringparam", "title.font.family", text_fonts,
        "--stringparam", "sans.font.family", font_family_list(sans ? sans->name : "sans-serif", chain),
        "--stringparam", "monospace.font.family", font_family_list(mono ? mono->name : "monospace", chain),
        "--stringparam", "symbol.font.family", symbol_fonts,
        "--stringparam", "dingbat.font.family", symbol_fonts,
        "--output", (work_ / "book.fo").string(),
        (work_ / "print.xsl").string(), (work_ / "book.xml").string()};
    for (const auto& [name, value] : stylesheet_parameters(*page_))
        xslt_arguments.insert(xslt_arguments.begin() + 1, {"--stringparam", name, value});
    if (!run(xsltproc_, xslt_arguments, "xsltproc.log", {})) return Status::failed;
    const char* fo = "book.fo";
    // PDF/X: no links at all; else PDF/UA: each link with its alt text.
    if (!standards_.pdf_x.empty() || !standards_.pdf_ua.empty()) {
        const bool unlink = !standards_.pdf_x.empty();
        const char* stylesheet = unlink ? "unlink.xsl" : "link-alt-text.xsl";
        fo = "book-links.fo";
        if (!write_work_file(stylesheet, unlink ? unlink_stylesheet : link_alt_text_stylesheet) ||
            !run(xsltproc_, {"--nonet", "--output", (work_ / fo).string(), (work_ / stylesheet).string(),
                             (work_ / "book.fo").string()},
                 "xsltproc-links.log", {}))
            return Status::failed;
    }

    if (serif) {
        const char* runs = fo == std::string_view("book.fo") ? "book-runs.fo" : "book-links-runs.fo";
        if (!set_fallback_runs(work_ / fo, work_ / runs, serif->regular, chain, text_fonts)) return Status::failed;
        fo = runs;
    }

    const auto output_file = ctx_->output.file();
    const auto pdf = output_file ? *output_file : work_ / "book.pdf";
    // FOP stamps the creation date from SOURCE_DATE_EPOCH, the rest of its metadata from print.xsl's
    // pdf.date: both the same instant, so the same book gives the same PDF.
    std::vector<std::string> fop_environment{"SOURCE_DATE_EPOCH=" + std::to_string(print_epoch_)};
    // JEuclid's jars at the head of FOP's class path: Debian's fop script adds its own to
    // JAVA_CLASSPATH (the user's, if set, is kept), and FOP finds the plugin's MathML element
    // mapping and image converters in their META-INF/services.
    if (!math_.class_path.empty()) {
        const char* user = std::getenv("JAVA_CLASSPATH");
        fop_environment.push_back("JAVA_CLASSPATH=" + (user && *user ? std::string(user) + ":" : std::string()) +
                                  math_.class_path);
    }
    const std::vector<std::string> configuration{"-c", (work_ / "fop.xconf").string()};
    if (page_map_file_) {
        if (!typeset_with_page_map(configuration, work_ / fo, pdf, fop_environment)) return Status::failed;
    } else {
        std::vector<std::string> fop_arguments = configuration;
        fop_arguments.insert(fop_arguments.end(), {"-fo", (work_ / fo).string(), "-pdf", pdf.string()});
        if (!run(fop_, fop_arguments, "fop.log", fop_environment)) return Status::failed;
        if (!report_fop_log(work_ / "fop.log")) return Status::failed;
    }
    if (!output_file && !copy_to_output_stream(pdf)) return Status::failed;
    return Status::ok;
}

bool PdfWriter::set_fallback_runs(const std::filesystem::path& fo, const std::filesystem::path& result,
                                  const std::filesystem::path& text_font, const FallbackChain& chain,
                                  const std::string& fallback_list) {
    const auto text_coverage = FontCoverage::read(text_font);
    if (!text_coverage) {
        ctx_->diagnostics.error("", 0, 0, "cannot read the character map of " + text_font.string());
        return false;
    }
    std::vector<RunFont> fonts;
    auto add = [&](const std::string& family, const std::filesystem::path& file) {
        if (auto coverage = FontCoverage::read(file)) fonts.push_back({family, std::move(*coverage)});
    };
    for (const auto& family : chain.families) add(family.name, family.regular);
    for (const auto& font : chain.fonts) add(font.name, font.file);
    std::ifstream in(fo, std::ios::binary);
    std::ofstream out(result, std::ios::binary);
    if (!in || !wrap_fallback_runs(in, out, *text_coverage, fonts, fallback_list) || !out.flush()) {
        ctx_->diagnostics.error("", 0, 0, "cannot write " + result.string());
        return false;
    }
    return true;
}

bool PdfWriter::run(const std::filesystem::path& tool, const std::vector<std::string>& arguments,
                    const char* log_name, const std::vector<std::string>& environment) {
    const auto log = work_ / log_name;
    std::error_code ec;
    std::filesystem::remove(log, ec);  // a kept work folder holds the previous run's log
    const ToolRun result = run_tool(tool, arguments, log, environment);
    if (!result.started) {
        ctx_->diagnostics.error("", 0, 0, "cannot run " + tool.string() + ": " + result.error);
        return false;
    }
    if (result.exit_code == 0) return true;

    std::string message = tool.filename().string() + " failed (" +
                          (result.exit_code < 0 ? std::string("killed") : "exit " + std::to_string(result.exit_code)) +
                          ")";
    // The log's last lines, Java's stack frames left out: the reason is above them.
    std::vector<std::string> lines;
    for (auto& line : lines_of(log)) {
        const auto text = line.find_first_not_of(" \t");
        if (text != std::string::npos && (line.compare(text, 3, "at ") == 0 || line.compare(text, 4, "... ") == 0))
            continue;
        lines.push_back(std::move(line));
    }
    const std::size_t first = lines.size() > 15 ? lines.size() - 15 : 0;
    for (std::size_t i = first; i < lines.size(); ++i) message += "\n  " + lines[i];
    for (const auto& line : lines) {
        if (line.find("docbook.xsl") != std::string::npos && line.find("failed to load") != std::string::npos) {
            message += "\nthe DocBook XSL stylesheets are missing from the XML catalog"
                       " (Debian: apt-get install docbook-xsl-ns)";
            break;
        }
    }
    ctx_->diagnostics.error("", 0, 0, message);
    return false;
}

bool PdfWriter::report_fop_log(const std::filesystem::path& log) {
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::size_t unknown_mathml_elements = 0;  // one warning each: summed up below
    std::vector<char32_t> missing_glyphs;     // reported with the articles that hold them
    for (const auto& line : lines_of(log)) {
        if (const auto glyph = missing_glyph_in(line)) {
            if (std::find(missing_glyphs.begin(), missing_glyphs.end(), *glyph) == missing_glyphs.end())
                missing_glyphs.push_back(*glyph);
        } else if (is_font_table_notice(line)) {
            continue;
        } else if (line.find(unknown_mathml) != std::string::npos) {
            ++unknown_mathml_elements;
        } else if (is_fop_error(line)) {
            if (++errors <= max_errors_shown) ctx_->diagnostics.error("", 0, 0, "fop: " + line);
        } else if (is_fop_warning(line)) {
            if (++warnings <= max_warnings_shown) ctx_->diagnostics.warning("", 0, 0, "fop: " + line);
        }
    }
    if (errors > max_errors_shown || warnings > max_warnings_shown) {
        ctx_->diagnostics.note("", 0, 0,
                               "fop logged " + std::to_string(errors) + " error(s) and " + std::to_string(warnings) +
                                   " warning(s) in all; --" + print_work_dir_option + " DIR keeps its log");
    }
    if (!report_missing_glyphs(missing_glyphs, characters_, text_fonts_, fonts_not_installed_, allow_missing_glyphs_,
                               ctx_->diagnostics))
        ++errors;
    if (unknown_mathml_elements == 0) return errors == 0;
    // The formulas are missing from the PDF: an error when fascicle wrote them as MathML for
    // JEuclid, which FOP then did not load; a warning for MathML the book's own DocBook held.
    const std::string message = "fop: " + std::to_string(unknown_mathml_elements) +
                                " MathML elements unknown to FOP, whose formulas are missing from the PDF: ";
    if (!math_.class_path.empty()) {
        ctx_->diagnostics.error("", 0, 0,
                                message + "FOP did not load the JEuclid plugin given to it in JAVA_CLASSPATH (" +
                                    math_.class_path + ")");
        return false;
    }
    ctx_->diagnostics.warning("", 0, 0, message + math_.why_not);
    return errors == 0;
}

bool PdfWriter::copy_to_output_stream(const std::filesystem::path& pdf) {
    std::ifstream in(pdf, std::ios::binary);
    auto& out = ctx_->output.stream();
    out << in.rdbuf();
    out.flush();
    if (!in || !out) {
        ctx_->diagnostics.error("", 0, 0, "cannot copy the PDF to the output");
        return false;
    }
    return true;
}

}  // namespace fascicle::pdf
