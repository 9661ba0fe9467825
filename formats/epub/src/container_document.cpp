#include "container_document.hpp"

#include "archive_paths.hpp"
#include "xml_names.hpp"

namespace fascicle::epub::reader {

namespace {

constexpr std::string_view package_media_type = "application/oebps-package+xml";

}  // namespace

std::optional<std::string> package_document_path(const XmlEntry& container, EpubDiagnostics& diagnostics) {
    const pugi::xml_node root = container.root();
    if (local_name(root.name()) != "container") {
        diagnostics.error(container_entry, container.position(root),
                          std::string("the root element is <") + root.name() + ">, expected <container>");
        return std::nullopt;
    }
    for (pugi::xml_node rootfiles : root.children()) {
        if (local_name(rootfiles.name()) != "rootfiles") continue;
        for (pugi::xml_node rootfile : rootfiles.children()) {
            if (local_name(rootfile.name()) != "rootfile") continue;
            const std::string_view media_type = rootfile.attribute("media-type").value();
            if (!media_type.empty() && media_type != package_media_type) continue;
            const std::string full_path = rootfile.attribute("full-path").value();
            auto path = resolve_href("", full_path);
            if (!path || full_path.empty()) {
                diagnostics.error(container_entry, container.position(rootfile),
                                  "the package document's path \"" + full_path +
                                      "\" is not the name of an entry of the archive");
                return std::nullopt;
            }
            return path;
        }
    }
    diagnostics.error(container_entry, container.position(root),
                      "no package document: expected a <rootfile> with a full-path and the media type " +
                          std::string(package_media_type));
    return std::nullopt;
}

}  // namespace fascicle::epub::reader
