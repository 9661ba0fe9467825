#include "package_document.hpp"

#include <fascicle/xml_stream.hpp>

namespace fascicle::epub {

namespace {

void meta(XmlStream& xml, const char* property, const std::string& value) {
    xml.text_element("meta", value, {{"property", property}});
}

void dc(XmlStream& xml, const char* name, const std::string& value) {
    if (!value.empty()) xml.text_element(name, value);
}

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// What EPUB Accessibility 1.1 asks a publication to say about itself, true of what we write:
// text throughout (a cover image has a text alternative), a navigation document, headings and
// sections for structure, a reading order that is the order of the spine, nothing that flashes,
// moves or plays sound; images and formulas said to be described only when every one is.
void accessibility(XmlStream& xml, const PackageInput& input) {
    const bool has_cover_image = input.has_cover_image;
    const bool visual = has_cover_image || input.content_images > 0;
    // Text alone suffices only when every image says in text what it shows.
    const bool every_image_described = input.content_images_without_alt == 0;
    const bool every_formula_described = input.formulas_without_alttext == 0;
    meta(xml, "schema:accessMode", "textual");
    if (visual) meta(xml, "schema:accessMode", "visual");
    if (every_image_described) meta(xml, "schema:accessModeSufficient", "textual");
    if (visual) meta(xml, "schema:accessModeSufficient", "textual,visual");
    if (visual && every_image_described) meta(xml, "schema:accessibilityFeature", "alternativeText");
    if (input.formulas > 0) {
        meta(xml, "schema:accessibilityFeature", "MathML");
        if (every_formula_described) meta(xml, "schema:accessibilityFeature", "describedMath");
    }
    meta(xml, "schema:accessibilityFeature", "structuralNavigation");
    meta(xml, "schema:accessibilityFeature", "tableOfContents");
    meta(xml, "schema:accessibilityFeature", "readingOrder");
    if (!input.print_edition.empty()) {
        meta(xml, "schema:accessibilityFeature", "printPageNumbers");
        meta(xml, "schema:accessibilityFeature", "pageNavigation");
    }
    meta(xml, "schema:accessibilityHazard", "none");
    std::string summary =
        "This publication is text with headings for every article and section, a table of "
        "contents, and a logical reading order. It has no hazards.";
    if (!input.print_edition.empty())
        summary += " Page markers and a page list give the pages of the print edition, " + input.print_edition + ".";
    if (has_cover_image) summary += " The cover image has a text alternative.";
    if (input.content_images > 0)
        summary += every_image_described ? " Every image has a text alternative."
                                         : " " + plural(input.content_images_without_alt, "image has", "images have") +
                                               " no text alternative.";
    if (input.formulas > 0)
        summary += every_formula_described
                       ? " Formulas are MathML, each with its TeX source as a text alternative."
                       : " Formulas are MathML; " + plural(input.formulas_without_alttext, "has", "have") +
                             " no text alternative.";
    meta(xml, "schema:accessibilitySummary", summary);
    if (every_image_described && every_formula_described)
        meta(xml, "dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA");
    // Only a certifier the user names: the program checked nothing a certification means.
    if (!input.certified_by.empty()) meta(xml, "a11y:certifiedBy", input.certified_by);
}

}  // namespace

std::string package_document(const PackageInput& input) {
    std::string out;
    XmlStream xml(out);
    xml.declaration();
    xml.open_block("package", {{"xmlns", "http://www.idpf.org/2007/opf"}, {"version", "3.0"},
                               {"unique-identifier", "publication-id"}, {"xml:lang", input.language}});

    xml.open_block("metadata", {{"xmlns:dc", "http://purl.org/dc/elements/1.1/"}});
    xml.text_element("dc:identifier", input.identifier, {{"id", "publication-id"}});
    xml.text_element("dc:title", input.title);
    xml.text_element("dc:language", input.language);
    for (std::size_t i = 0; i < input.authors.size(); ++i) {
        const std::string id = "creator-" + std::to_string(i + 1);
        xml.text_element("dc:creator", input.authors[i], {{"id", id}});
        xml.text_element("meta", "aut", {{"property", "role"}, {"refines", "#" + id}, {"scheme", "marc:relators"}});
    }
    dc(xml, "dc:date", input.date);
    dc(xml, "dc:publisher", input.publisher);
    dc(xml, "dc:description", input.description);
    dc(xml, "dc:rights", input.rights);
    if (!input.print_edition.empty()) {
        // The source of the page markers: EPUB 3's dc:source refined as source-of pagination,
        // which the EPUBCheck we validate with (4.2) knows; pageBreakSource is newer.
        xml.text_element("dc:source", input.print_edition, {{"id", "print-edition"}});
        xml.text_element("meta", "pagination", {{"refines", "#print-edition"}, {"property", "source-of"}});
    }
    meta(xml, "dcterms:modified", input.modified);
    accessibility(xml, input);
    // For EPUB 2 reading systems, which do not know the cover-image property.
    if (input.has_cover_image) xml.empty("meta", {{"name", "cover"}, {"content", cover_image_item_id}});
    xml.close();

    xml.open_block("manifest");
    for (const auto& item : input.items) {
        XmlAttributes attributes{{"id", item.id}, {"href", item.href}, {"media-type", item.media_type}};
        if (!item.properties.empty()) attributes.emplace_back("properties", item.properties);
        xml.empty("item", attributes);
    }
    xml.close();

    xml.open_block("spine", {{"toc", ncx_item_id}});
    for (const auto& item : input.items)
        if (item.in_spine) xml.empty("itemref", {{"idref", item.id}});
    xml.close();
    xml.close();
    return out;
}

}  // namespace fascicle::epub
