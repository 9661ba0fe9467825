// Writes a book as PDF: DocBook (the docbook format's writer, loaded through the SDK) → XSL-FO
// (xsltproc with print.xsl) → PDF (Apache FOP).
#pragma once

#include "print_geometry.hpp"
#include "print_page_map.hpp"
#include "print_fonts.hpp"
#include "print_missing_glyphs.hpp"
#include "print_pdf_standards.hpp"

#include <fascicle/plugin.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace fascicle::pdf {

inline constexpr const char* print_work_dir_option = "print-work-dir";
// The docbook format's options the PDF writer sets or checks (formats/docbook's docbook_writer.hpp):
// what each article becomes, where the images go, formulas as TeX, the page anchors' phrases.
inline constexpr const char* division_option = "docbook-division";
inline constexpr const char* extract_media_option = "extract-media";
inline constexpr const char* math_as_text_option = "docbook-math-as-text";
inline constexpr const char* page_anchors_option = "docbook-page-anchors";
// --write-page-map FILE: where each body page begins, for the EPUB's page-list (page_map.hpp).
inline constexpr const char* write_page_map_option = "write-page-map";

// Where Debian installs Java libraries, JEuclid's among them (libjeuclid-fop-java).
inline constexpr const char* debian_java_folder = "/usr/share/java";

// How FOP is to typeset MathML: through the JEuclid plugin, or not at all (formulas as their TeX).
struct MathTypesetting {
    std::string class_path;  // JEuclid's jars, for FOP's class path; empty: no MathML
    std::string why_not;     // when class_path is empty: why ("... jeuclid-core.jar is not there ...")
};

// JEuclid's jars in `java_folder` (jeuclid-core.jar and jeuclid-fop.jar) handed to `fop` through
// JAVA_CLASSPATH, the variable Debian's java-wrappers scripts (as /usr/bin/fop is) start the class
// path with; a `fop` of another kind would not read it.
MathTypesetting find_math_typesetting(const std::filesystem::path& fop, const std::filesystem::path& java_folder);

// The folder holding the intermediate files: a fresh temporary one removed at the end, or one
// the user named (--print-work-dir) and keeps.
class PrintWorkFolder {
public:
    PrintWorkFolder() = default;
    PrintWorkFolder(const PrintWorkFolder&) = delete;
    PrintWorkFolder& operator=(const PrintWorkFolder&) = delete;
    ~PrintWorkFolder();

    // Creates the folder; false (with `error` set) when it cannot be.
    bool create(const std::optional<std::filesystem::path>& kept, std::string& error);
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const char* name) const { return path_ / name; }

private:
    std::filesystem::path path_;
    bool remove_ = false;
};

class PdfWriter final : public Writer {
public:
    // `print_stylesheet`: the text of print.xsl, written beside the intermediate files;
    // `java_folder`: where to look for JEuclid's jars.
    explicit PdfWriter(std::string_view print_stylesheet, std::filesystem::path java_folder = debian_java_folder);
    ~PdfWriter() override;

    Status begin_book(const Metadata& book, WriteContext& ctx) override;
    Status write_article(const Article& article) override;
    Status end_book() override;
    // The DocBook is rendered as the docbook format's writer renders it: on several threads at once (-j).
    std::optional<std::string> render_article(const Article& article, DiagnosticSink& diagnostics) const override;
    Status write_rendered(const Article& article, std::string&& rendered) override;

private:
    class DocBookFile;

    bool find_tools();
    Status render();
    bool write_work_file(const char* name, std::string_view content);
    // `fo` with the runs of characters the text font lacks set in their fallback font (print_font_runs.hpp).
    bool set_fallback_runs(const std::filesystem::path& fo, const std::filesystem::path& result,
                           const std::filesystem::path& text_font, const FallbackChain& chain,
                           const std::string& fallback_list);
    // Runs one tool; reports and returns false when it could not run or failed.
    bool run(const std::filesystem::path& tool, const std::vector<std::string>& arguments, const char* log_name,
             const std::vector<std::string>& environment);
    // Reports FOP's errors and warnings from its log; false when it logged errors.
    bool report_fop_log(const std::filesystem::path& log);
    bool copy_to_output_stream(const std::filesystem::path& pdf);
    // FOP lays out `fo` once into its intermediate format, which gives the page map, then renders the PDF.
    bool typeset_with_page_map(const std::vector<std::string>& configuration, const std::filesystem::path& fo,
                               const std::filesystem::path& pdf, const std::vector<std::string>& environment);

    std::string_view print_stylesheet_;
    std::filesystem::path java_folder_;
    MathTypesetting math_;
    WriteContext* ctx_ = nullptr;
    std::optional<PageGeometry> page_;
    PdfStandards standards_;
    bool allow_missing_glyphs_ = false;
    CharacterSources characters_;  // to trace a glyph FOP did not find to its article
    std::string text_fonts_;       // the font families FOP tries, for messages
    std::vector<std::string> fonts_not_installed_;
    std::int64_t print_epoch_ = 0;  // the PDF's dates
    std::filesystem::path xsltproc_;
    std::filesystem::path fop_;
    PrintWorkFolder work_;
    std::unique_ptr<DocBookFile> docbook_file_;
    Options docbook_options_;  // the user's, with the images written into the work folder
    std::optional<WriteContext> docbook_ctx_;
    std::shared_ptr<Writer> docbook_;
    std::optional<std::filesystem::path> page_map_file_;  // --write-page-map
    PrintAnchors anchors_;
};

}  // namespace fascicle::pdf
