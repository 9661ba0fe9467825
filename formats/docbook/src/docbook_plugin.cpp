// The docbook plugin: the "docbook" format (DocBook 5 XML) and the "pdf" format (the same
// DocBook sent through xsltproc with print.xsl, embedded here, and Apache FOP).
#include "docbook_reader.hpp"
#include "docbook_writer.hpp"
#include "pdf_writer.hpp"
#include "xinclude_resolver.hpp"

#include <fascicle/loss_report.hpp>

#include <fascicle/input_limits.hpp>
#include <fascicle/plugin.hpp>
#include <fascicle_asset/print_xsl.hpp>

namespace {

fascicle::OptionSpec division_option_spec() {
    return {fascicle::docbook::division_option, "chapter|article",
            "DocBook, PDF: what each article becomes in the book: a chapter (the default) or an article"};
}

fascicle::PluginDescriptor describe_docbook_plugin() {
    using namespace fascicle;
    PluginDescriptor plugin;
    plugin.name = "docbook";
    plugin.version = "1.0.0";
    plugin.description = "DocBook 5 books, and PDF through the DocBook XSL stylesheets and Apache FOP";

    FormatInfo docbook;
    docbook.name = "docbook";
    docbook.description =
        "DocBook 5 XML: writes a book of chapters, valid against the DocBook 5.0 schema; reads DocBook 5 and 4 (any division, or a bare table or figure, as the root)";
    docbook.extensions = {".xml", ".dbk"};
    docbook.make_reader = [] { return std::make_unique<docbook::DocBookReader>(); };
    docbook.make_writer = [] { return std::make_unique<docbook::DocBookWriter>(); };
    docbook.options = {division_option_spec(),
                       {docbook::extract_media_option, "DIR",
                        "DocBook: write the book's images into DIR and refer to them there (default: beside the "
                        "output, by their names)"},
                       max_input_size_spec(), max_nesting_spec(), fail_on_loss_spec(),
                       {docbook::allow_outside_option, "",
                        "DocBook reader: XIncludes and images may name files outside the input's folder (refused "
                        "by default)"}};
    plugin.formats.push_back(std::move(docbook));

    FormatInfo pdf;
    pdf.name = "pdf";
    pdf.description = "PDF for print: DocBook typeset by xsltproc and Apache FOP (both must be on PATH)";
    pdf.extensions = {".pdf"};
    pdf.binary = true;
    pdf.make_writer = [] { return std::make_unique<docbook::PdfWriter>(fascicle_asset::print_xsl); };
    pdf.options = {
        {docbook::paper_option, docbook::paper_values,
         "PDF: the trim size: a4 (the default), letter, a5, b5, royal (156x234mm) or WIDTHxHEIGHT with a unit, "
         "e.g. 6x9in, 5.5x8.5in, 5x8in, 156x234mm, 432x648pt"},
        {docbook::margin_inner_option, "LENGTH",
         "PDF: the margin on the binding side, e.g. 20mm or 0.75in (default by trim size: 19mm for trims "
         "under 160mm wide, 22mm under 200mm, else 25mm)"},
        {docbook::margin_outer_option, "LENGTH", "PDF: the outer margin (default 13mm, 16mm or 20mm by trim size)"},
        {docbook::margin_top_option, "LENGTH", "PDF: the top margin, above the running head (default 13mm or 15mm)"},
        {docbook::margin_bottom_option, "LENGTH",
         "PDF: the bottom margin, below the page number (default 13mm or 15mm)"},
        {docbook::font_size_option, "POINTS",
         "PDF: the body text size (default 10 for trims under 160mm wide, 10.5 under 200mm, else 11)"},
        {docbook::bleed_option, "LENGTH",
         "PDF: bleed beyond the trim on every side, e.g. 3mm or 0.125in (sets the PDF's BleedBox; default none)"},
        {docbook::crop_marks_option, "", "PDF: draw crop marks outside the bleed (the MediaBox grows by 13mm)"},
        {docbook::print_work_dir_option, "DIR",
         "PDF: keep the intermediate DocBook, XSL-FO and tool logs in DIR"},
        {docbook::write_page_map_option, "FILE",
         "PDF: write where each body page begins to FILE, for an EPUB's page-list (EPUB: --page-map FILE)"},
        division_option_spec(),
        {docbook::allow_missing_glyphs_option, "",
         "PDF: a character no font has a glyph for prints as '#' with a warning (an error by default)"},
        {docbook::pdf_a_option, "1a|1b|2a|2b|2u|3a|3b|3u", "PDF: write PDF/A of that part and level (FOP's checks)"},
        {docbook::pdf_ua_option, "", "PDF: write PDF/UA-1 (FOP's checks; not verified by a PDF/UA validator)"},
        {docbook::pdf_x_option, "3|4", "PDF: write PDF/X-3:2003 or PDF/X-4 for print shops, with a CMYK output intent"},
        {docbook::pdf_output_profile_option, "FILE",
         "PDF: the output intent's ICC profile (default: Ghostscript's CMYK SWOP profile, libgs-common)"},
    };
    plugin.formats.push_back(std::move(pdf));
    return plugin;
}

}  // namespace

FASCICLE_PLUGIN(describe_docbook_plugin)
