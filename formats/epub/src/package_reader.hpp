// The package document (OPF) read back: the book's metadata, the manifest, the spine, and the
// EPUB 2 guide. EPUB 3 and EPUB 2 packages alike.
#pragma once

#include "epub_diagnostics.hpp"
#include "xml_entry.hpp"

#include <fascicle/ir.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fascicle::epub::reader {

struct PackageItem {
    std::string id;
    std::string href;                 // as the manifest writes it
    std::optional<std::string> path;  // the entry it names; nullopt when not in the archive (a URL)
    std::string media_type;
    std::string properties;           // "nav", "cover-image" ...
    XmlPosition position;
};

struct SpineItem {
    std::string idref;
    bool linear = true;
    XmlPosition position;
};

// An EPUB 2 <guide> reference ("cover", "title-page", "toc", "text" ...).
struct GuideReference {
    std::string type;
    std::string path;
};

struct Package {
    std::string path;     // the entry name of the package document
    std::string version;  // "3.0", "2.0" ...
    Metadata metadata;    // dc:title, dc:creator (authors), dc:language, dc:identifier, dc:date ...
    std::map<std::string, PackageItem> manifest;  // by id
    std::vector<SpineItem> spine;
    std::string ncx_id;  // the spine's toc attribute (EPUB 2)
    std::vector<GuideReference> guide;
    std::string cover_id;  // EPUB 2: <meta name="cover" content="item id"/>

    const PackageItem* item(const std::string& id) const;
    // The EPUB 3 navigation document (the item with the "nav" property), or nullptr.
    const PackageItem* navigation() const;
    // The cover image: the item with the "cover-image" property (EPUB 3), else the one EPUB 2's
    // cover meta names; or nullptr.
    const PackageItem* cover_image() const;
    // The NCX: the spine's toc item, else the item of the NCX media type; or nullptr.
    const PackageItem* ncx() const;
};

// Reads the package document at entry `path`; nullopt, with errors, when it lacks what the
// reader needs (a manifest, a spine with items).
std::optional<Package> read_package(const XmlEntry& document, const std::string& path, EpubDiagnostics& diagnostics);

}  // namespace fascicle::epub::reader
