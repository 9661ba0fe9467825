#include "package_document.hpp"

#include "xml_output.hpp"

namespace fascicle::epub {

namespace {

pugi::xml_node append_meta(pugi::xml_node metadata, const char* property, const std::string& value) {
    pugi::xml_node meta = append_text_element(metadata, "meta", value);
    meta.append_attribute("property").set_value(property);
    return meta;
}

void append_dc(pugi::xml_node metadata, const char* name, const std::string& value) {
    if (!value.empty()) append_text_element(metadata, name, value);
}

// What EPUB Accessibility 1.1 asks a publication to say about itself, true of what we write:
// text throughout (a cover image has a text alternative), a navigation document, headings and
// sections for structure, a reading order that is the order of the spine, nothing that flashes,
// moves or plays sound.
void append_accessibility(pugi::xml_node metadata, const PackageInput& input) {
    const bool has_cover_image = input.has_cover_image;
    const bool visual = has_cover_image || input.content_images > 0;
    // Text alone suffices only when every image says in text what it shows.
    const bool every_image_described = input.content_images_without_alt == 0;
    append_meta(metadata, "schema:accessMode", "textual");
    if (visual) append_meta(metadata, "schema:accessMode", "visual");
    if (every_image_described) append_meta(metadata, "schema:accessModeSufficient", "textual");
    if (visual) append_meta(metadata, "schema:accessModeSufficient", "textual,visual");
    if (visual && every_image_described) append_meta(metadata, "schema:accessibilityFeature", "alternativeText");
    append_meta(metadata, "schema:accessibilityFeature", "structuralNavigation");
    append_meta(metadata, "schema:accessibilityFeature", "tableOfContents");
    append_meta(metadata, "schema:accessibilityFeature", "readingOrder");
    append_meta(metadata, "schema:accessibilityHazard", "none");
    append_meta(metadata, "schema:accessibilitySummary",
                "This publication is text with headings for every article and section, a table of "
                "contents, and a logical reading order. It has no hazards."
                + std::string(has_cover_image ? " The cover image has a text alternative." : "") +
                (input.content_images == 0 ? std::string()
                 : every_image_described ? std::string(" Every image has a text alternative.")
                                         : " " + std::to_string(input.content_images_without_alt) +
                                               " image(s) have no text alternative."));
    if (every_image_described)
        append_meta(metadata, "dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA");
    // Only a certifier the user names: the program checked nothing a certification means.
    if (!input.certified_by.empty()) append_meta(metadata, "a11y:certifiedBy", input.certified_by);
}

}  // namespace

std::string package_document(const PackageInput& input) {
    pugi::xml_document document;
    append_xml_declaration(document);
    pugi::xml_node package = document.append_child("package");
    package.append_attribute("xmlns").set_value("http://www.idpf.org/2007/opf");
    package.append_attribute("version").set_value("3.0");
    package.append_attribute("unique-identifier").set_value("publication-id");
    set_attribute(package, "xml:lang", input.language);

    pugi::xml_node metadata = package.append_child("metadata");
    metadata.append_attribute("xmlns:dc").set_value("http://purl.org/dc/elements/1.1/");
    append_text_element(metadata, "dc:identifier", input.identifier)
        .append_attribute("id").set_value("publication-id");
    append_text_element(metadata, "dc:title", input.title);
    append_text_element(metadata, "dc:language", input.language);
    for (std::size_t i = 0; i < input.authors.size(); ++i) {
        const std::string id = "creator-" + std::to_string(i + 1);
        set_attribute(append_text_element(metadata, "dc:creator", input.authors[i]), "id", id);
        pugi::xml_node role = append_meta(metadata, "role", "aut");
        set_attribute(role, "refines", "#" + id);
        role.append_attribute("scheme").set_value("marc:relators");
    }
    append_dc(metadata, "dc:date", input.date);
    append_dc(metadata, "dc:publisher", input.publisher);
    append_dc(metadata, "dc:description", input.description);
    append_dc(metadata, "dc:rights", input.rights);
    append_meta(metadata, "dcterms:modified", input.modified);
    append_accessibility(metadata, input);
    if (input.has_cover_image) {
        // For EPUB 2 reading systems, which do not know the cover-image property.
        pugi::xml_node cover = metadata.append_child("meta");
        cover.append_attribute("name").set_value("cover");
        cover.append_attribute("content").set_value(cover_image_item_id);
    }

    pugi::xml_node manifest = package.append_child("manifest");
    for (const auto& item : input.items) {
        pugi::xml_node element = manifest.append_child("item");
        set_attribute(element, "id", item.id);
        set_attribute(element, "href", item.href);
        set_attribute(element, "media-type", item.media_type);
        if (!item.properties.empty()) set_attribute(element, "properties", item.properties);
    }

    pugi::xml_node spine = package.append_child("spine");
    spine.append_attribute("toc").set_value(ncx_item_id);
    for (const auto& item : input.items)
        if (item.in_spine) set_attribute(spine.append_child("itemref"), "idref", item.id);

    return save_indented(document);
}

}  // namespace fascicle::epub
