// The package document (package.opf): metadata, manifest and spine.
#pragma once

#include <fascicle/ir.hpp>

#include <optional>
#include <string>
#include <vector>

namespace fascicle::epub {

// Manifest ids the package document itself refers to (the spine's toc, the EPUB 2 cover meta).
inline constexpr const char* ncx_item_id = "ncx";
inline constexpr const char* cover_image_item_id = "cover-image";

struct ManifestItem {
    std::string id;
    std::string href;  // relative to the package folder
    std::string media_type;
    std::string properties;  // "nav", "cover-image"...; empty for none
    bool in_spine = false;   // read in the order items are listed
};

struct PackageInput {
    std::string identifier;  // already in its published form (see publication_identifier)
    std::string title;
    std::string language;
    std::vector<std::string> authors;
    std::string date;  // a valid W3C date-time, or empty
    std::string publisher;
    std::string description;
    std::string rights;
    std::string modified;  // CCYY-MM-DDThh:mm:ssZ
    bool has_cover_image = false;
    std::size_t content_images = 0;          // images the chapters show
    std::size_t content_images_without_alt = 0;
    std::size_t formulas = 0;                // math the chapters show as MathML
    std::size_t formulas_without_alttext = 0;
    std::string certified_by;                // only when the user's metadata names a certifier
    std::string print_edition;               // the edition whose pages are marked; empty: none are
    std::vector<ManifestItem> items;  // in manifest (and spine) order
};

std::string package_document(const PackageInput& input);

}  // namespace fascicle::epub
