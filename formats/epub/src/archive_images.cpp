#include "archive_images.hpp"

#include "archive_paths.hpp"

#include <fascicle/uri.hpp>

#include <memory>
#include <sstream>

namespace fascicle::epub::reader {

namespace {

bool has_scheme(std::string_view href) {
    return uri_scheme(href).size() > 1;  // "C:" is a drive, not a scheme
}

}  // namespace

std::string ArchiveImages::resource_for(const std::string& entry, const std::string& src, XmlPosition at) {
    if (has_scheme(src)) return src;  // a remote image: the IR takes a URI as the target
    const auto path = resolve_href(entry, src);
    if (!path || src.starts_with("/")) {
        diagnostics_.warning(entry, at, "image \"" + src + "\" leaves the archive: refused (its alt text is kept)");
        return {};
    }
    if (auto known = names_.find(*path); known != names_.end()) return known->second;
    std::string& name = names_[*path];
    if (!archive_.contains(*path)) {
        diagnostics_.warning(entry, at, "image " + *path + " is missing from the archive: left out (its alt text is kept)");
        return {};
    }
    // Read once now: a bomb or a damaged entry is found here, not when a writer opens it.
    std::string error;
    auto bytes = archive_.read(*path, error);
    if (!bytes) {
        diagnostics_.warning(entry, at, "image left out (its alt text is kept): " + error);
        return {};
    }
    std::string media_type;
    for (const auto& [id, item] : package_.manifest)
        if (item.path && *item.path == *path) media_type = item.media_type;
    if (media_type.empty()) media_type = media_type_for(*path);

    Resource resource;
    resource.name = source_.prefix + "/" + *path;
    resource.media_type = media_type;
    resource.size = bytes->size();
    resource.source = source_.input_name + ":" + *path;
    if (source_.file.empty()) {
        auto held = std::make_shared<const std::string>(std::move(*bytes));
        resource.open = [held] { return std::make_unique<std::istringstream>(*held); };
    } else {
        // Each open reads the entry again from the EPUB, under the same limits: no shared state.
        resource.open = [file = source_.file, limits = source_.limits,
                         member = *path]() -> std::unique_ptr<std::istream> {
            std::string failure;
            auto archive = ZipArchiveReader::open_file(file, limits, failure);
            auto read = archive ? archive->read(member, failure) : std::nullopt;
            if (!read) return nullptr;
            return std::make_unique<std::istringstream>(std::move(*read));
        };
    }
    name = resource.name;
    resources_.add(std::move(resource));
    return name;
}

}  // namespace fascicle::epub::reader
