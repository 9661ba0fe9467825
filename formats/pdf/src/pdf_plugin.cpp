// The pdf plugin: the "pdf" format, a print-ready book. The docbook format's writer (reached through
// the SDK's make_loaded_writer) writes the book as DocBook; xsltproc with print.xsl, embedded here,
// makes it XSL-FO and Apache FOP typesets it.
#include "pdf_writer.hpp"

#include <fascicle/plugin.hpp>
#include <fascicle_asset/print_xsl.hpp>

namespace {

fascicle::PluginDescriptor describe_pdf_plugin() {
    using namespace fascicle;
    PluginDescriptor plugin;
    plugin.name = "pdf";
    plugin.version = "1.0.0";
    plugin.description = "PDF for print, through the docbook format, the DocBook XSL stylesheets and Apache FOP";

    FormatInfo pdf;
    pdf.name = "pdf";
    pdf.description = "PDF for print: DocBook typeset by xsltproc and Apache FOP (both must be on PATH)";
    pdf.extensions = {".pdf"};
    pdf.binary = true;
    pdf.make_writer = [] { return std::make_unique<pdf::PdfWriter>(fascicle_asset::print_xsl); };
    pdf.options = {
        {pdf::paper_option, pdf::paper_values,
         "PDF: the trim size: a4 (the default), letter, a5, b5, royal (156x234mm) or WIDTHxHEIGHT with a unit, "
         "e.g. 6x9in, 5.5x8.5in, 5x8in, 156x234mm, 432x648pt"},
        {pdf::margin_inner_option, "LENGTH",
         "PDF: the margin on the binding side, e.g. 20mm or 0.75in (default by trim size: 19mm for trims "
         "under 160mm wide, 22mm under 200mm, else 25mm)"},
        {pdf::margin_outer_option, "LENGTH", "PDF: the outer margin (default 13mm, 16mm or 20mm by trim size)"},
        {pdf::margin_top_option, "LENGTH", "PDF: the top margin, above the running head (default 13mm or 15mm)"},
        {pdf::margin_bottom_option, "LENGTH",
         "PDF: the bottom margin, below the page number (default 13mm or 15mm)"},
        {pdf::font_size_option, "POINTS",
         "PDF: the body text size (default 10 for trims under 160mm wide, 10.5 under 200mm, else 11)"},
        {pdf::bleed_option, "LENGTH",
         "PDF: bleed beyond the trim on every side, e.g. 3mm or 0.125in (sets the PDF's BleedBox; default none)"},
        {pdf::crop_marks_option, "", "PDF: draw crop marks outside the bleed (the MediaBox grows by 13mm)"},
        {pdf::print_work_dir_option, "DIR",
         "PDF: keep the intermediate DocBook, XSL-FO and tool logs in DIR"},
        {pdf::write_page_map_option, "FILE",
         "PDF: write where each body page begins to FILE, for an EPUB's page-list (EPUB: --page-map FILE)"},
        {pdf::division_option, "chapter|article",
         "PDF: what each article becomes in the book: a chapter (the default) or an article"},
        {pdf::allow_missing_glyphs_option, "",
         "PDF: a character no font has a glyph for prints as '#' with a warning (an error by default)"},
        {pdf::pdf_a_option, "1a|1b|2a|2b|2u|3a|3b|3u", "PDF: write PDF/A of that part and level (FOP's checks)"},
        {pdf::pdf_ua_option, "", "PDF: write PDF/UA-1 (FOP's checks; not verified by a PDF/UA validator)"},
        {pdf::pdf_x_option, "3|4", "PDF: write PDF/X-3:2003 or PDF/X-4 for print shops, with a CMYK output intent"},
        {pdf::pdf_output_profile_option, "FILE",
         "PDF: the output intent's ICC profile (default: Ghostscript's CMYK SWOP profile, libgs-common)"},
    };
    plugin.formats.push_back(std::move(pdf));
    return plugin;
}

}  // namespace

FASCICLE_PLUGIN(describe_pdf_plugin)
