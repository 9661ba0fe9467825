#include "print_pdf_standards.hpp"

#include "print_fonts.hpp"

#include <fascicle/text.hpp>

#include <unistd.h>

namespace fascicle::pdf {

const char* const unlink_stylesheet = R"xsl(<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by fascicle's pdf format: a PDF/X has no links (annotations on the page). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <xsl:template match="@* | node()">
    <xsl:copy><xsl:apply-templates select="@* | node()"/></xsl:copy>
  </xsl:template>
  <xsl:template match="fo:basic-link">
    <fo:inline>
      <xsl:apply-templates select="@*[not(local-name() = 'internal-destination' or
                                          local-name() = 'external-destination' or
                                          local-name() = 'show-destination' or
                                          local-name() = 'indicate-destination' or
                                          local-name() = 'destination-placement-offset' or
                                          local-name() = 'target-presentation-context' or
                                          local-name() = 'target-processing-context' or
                                          local-name() = 'target-stylesheet')] | node()"/>
    </fo:inline>
  </xsl:template>
</xsl:stylesheet>
)xsl";

const char* const link_alt_text_stylesheet = R"xsl(<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by fascicle's pdf format: every link's text as its alt text (PDF/UA). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format"
                xmlns:fox="http://xmlgraphics.apache.org/fop/extensions">
  <xsl:template match="@* | node()">
    <xsl:copy><xsl:apply-templates select="@* | node()"/></xsl:copy>
  </xsl:template>
  <xsl:template match="fo:basic-link[not(@fox:alt-text)]">
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:attribute name="fox:alt-text">
        <xsl:choose>
          <xsl:when test="normalize-space(.) != ''"><xsl:value-of select="normalize-space(.)"/></xsl:when>
          <xsl:when test="@external-destination"><xsl:value-of select="@external-destination"/></xsl:when>
          <xsl:otherwise>link</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
)xsl";

std::optional<PdfStandards> pdf_standards_from(const Options& options, DiagnosticSink& diagnostics,
                                               const std::filesystem::path& profile) {
    PdfStandards standards;
    bool ok = true;
    if (auto a = options.find(pdf_a_option); a != options.end()) {
        static constexpr const char* parts[] = {"1a", "1b", "2a", "2b", "2u", "3a", "3b", "3u"};
        bool known = false;
        for (const char* part : parts) known = known || a->second == part;
        if (known) {
            standards.pdf_a = "PDF/A-" + a->second;
        } else {
            diagnostics.error("", 0, 0,
                              std::string("--") + pdf_a_option + " must be one of 1a, 1b, 2a, 2b, 2u, 3a, 3b, 3u, not '" +
                                  a->second + "'");
            ok = false;
        }
    }
    if (options.count(pdf_ua_option)) standards.pdf_ua = "PDF/UA-1";
    if (auto x = options.find(pdf_x_option); x != options.end()) {
        if (x->second == "3") {
            standards.pdf_x = "PDF/X-3:2003";
        } else if (x->second == "4") {
            standards.pdf_x = "PDF/X-4";
        } else {
            diagnostics.error("", 0, 0, std::string("--") + pdf_x_option + " must be 3 (PDF/X-3:2003) or 4 (PDF/X-4), not '" +
                                            x->second + "'");
            ok = false;
        }
    }
    if (auto p = options.find(pdf_output_profile_option); p != options.end()) {
        standards.output_profile = p->second;
    } else if (!standards.pdf_x.empty()) {
        standards.output_profile = profile;
    }
    if (!standards.output_profile.empty() && ::access(standards.output_profile.c_str(), R_OK) != 0) {
        std::string message = "the PDF's output intent, the ICC profile " + standards.output_profile.string() +
                              ", cannot be read";
        if (!options.count(pdf_output_profile_option))
            message += " (Debian: apt-get install libgs-common; or name a CMYK profile with --" +
                       std::string(pdf_output_profile_option) + " FILE)";
        diagnostics.error("", 0, 0, message);
        ok = false;
    }
    if (!ok) return std::nullopt;
    return standards;
}

std::string renderer_settings(const PdfStandards& standards) {
    std::string xml;
    if (!standards.pdf_a.empty()) xml += "      <pdf-a-mode>" + standards.pdf_a + "</pdf-a-mode>\n";
    if (!standards.pdf_ua.empty()) xml += "      <pdf-ua-mode>" + standards.pdf_ua + "</pdf-ua-mode>\n";
    if (!standards.pdf_x.empty()) xml += "      <pdf-x-mode>" + standards.pdf_x + "</pdf-x-mode>\n";
    if (!standards.output_profile.empty())
        xml += "      <output-profile>" + xml_escape(file_uri(standards.output_profile)) + "</output-profile>\n";
    return xml;
}

}  // namespace fascicle::pdf
