// The PDF writer's FOP run when it makes a page map (--write-page-map): one layout, kept in FOP's
// intermediate format (IF), which says on which page each page anchor is; the PDF is then
// rendered from that IF, so the map and the PDF have the same pages.
#include "pdf_writer.hpp"

#include <fascicle/page_map.hpp>

#include <fstream>
#include <system_error>

namespace fascicle::pdf {

bool PdfWriter::typeset_with_page_map(const std::vector<std::string>& configuration, const std::filesystem::path& fo,
                                      const std::filesystem::path& pdf, const std::vector<std::string>& environment) {
    const auto layout = work_ / "book.if.xml";
    auto to_layout = configuration;
    to_layout.insert(to_layout.end(), {"-fo", fo.string(), "-if", "application/pdf", layout.string()});
    if (!run(fop_, to_layout, "fop.log", environment) || !report_fop_log(work_ / "fop.log")) return false;

    std::string error;
    const auto map = page_map_from_intermediate_format(layout, anchors_, error);
    const auto text = map ? page_map_text(*map, error) : std::nullopt;
    if (!text) {
        ctx_->diagnostics.error("", 0, 0, "cannot make the page map: " + error);
        return false;
    }
    auto to_pdf = configuration;
    to_pdf.insert(to_pdf.end(), {"-ifin", layout.string(), "-pdf", pdf.string()});
    if (!run(fop_, to_pdf, "fop-pdf.log", environment) || !report_fop_log(work_ / "fop-pdf.log")) return false;

    // Written beside, then renamed: never a half-written map.
    const std::filesystem::path partial = page_map_file_->string() + ".partial";
    {
        std::ofstream out(partial, std::ios::binary);
        out << *text;
        if (!out.flush()) {
            ctx_->diagnostics.error("", 0, 0, "cannot write the page map " + partial.string());
            return false;
        }
    }
    std::error_code ec;
    std::filesystem::rename(partial, *page_map_file_, ec);
    if (ec) {
        ctx_->diagnostics.error("", 0, 0, "cannot write the page map " + page_map_file_->string() + ": " + ec.message());
        std::filesystem::remove(partial, ec);
        return false;
    }

    return true;
}

}  // namespace fascicle::pdf
