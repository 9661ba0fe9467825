#include <fascicle/media_export.hpp>

#include <fascicle/ir_walk.hpp>

#include <fstream>
#include <system_error>

namespace fascicle {

bool is_contained_relative_path(std::string_view path) {
    if (path.empty() || path.front() == '/' || path.find('\\') != std::string_view::npos ||
        path.find('\0') != std::string_view::npos)
        return false;
    std::size_t begin = 0;
    while (begin <= path.size()) {
        auto end = path.find('/', begin);
        if (end == std::string_view::npos) end = path.size();
        const auto part = path.substr(begin, end - begin);
        if (part.empty() || part == "." || part == "..") return false;
        begin = end + 1;
    }
    return true;
}

void add_image_resources(const Article& article, const Resources& resources, std::set<std::string>& into) {
    IrVisitor visitor;
    visitor.inline_ = [&](const Inline& i) {
        if (i.kind == Inline::Kind::image && resources.find(i.target)) into.insert(i.target);
    };
    walk(article, visitor);
}

bool export_media(const std::set<std::string>& names, const Resources& resources,
                  const std::filesystem::path& folder, DiagnosticSink& diagnostics) {
    bool ok = true;
    for (const auto& name : names) {
        const Resource* resource = resources.find(name);
        if (!resource) continue;
        if (!is_contained_relative_path(name)) {
            diagnostics.error(resource->source, 0, 0,
                              "the image '" + name + "' is not written: its name would leave the media folder");
            ok = false;
            continue;
        }
        const auto target = folder / name;
        std::error_code ec;
        // The image is already there when the output sits beside the input: writing it over itself
        // would truncate the source before it is read.
        if (std::filesystem::equivalent(target, resource->source, ec)) continue;
        std::filesystem::create_directories(target.parent_path(), ec);
        auto in = resource->open ? resource->open() : nullptr;
        if (!in) {
            diagnostics.error(resource->source, 0, 0, "cannot read the image '" + name + "'");
            ok = false;
            continue;
        }
        // A temporary file renamed when complete: a failed copy leaves no half-written image.
        auto partial = target;
        partial += ".part";
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        if (!out) {
            diagnostics.error(target.string(), 0, 0, "cannot write the image file");
            ok = false;
            continue;
        }
        out << in->rdbuf();
        out.close();
        if (!out || in->bad()) {
            diagnostics.error(target.string(), 0, 0, "cannot write the image file");
            std::filesystem::remove(partial, ec);
            ok = false;
            continue;
        }
        std::filesystem::rename(partial, target, ec);
        if (ec) {
            diagnostics.error(target.string(), 0, 0, "cannot write the image file: " + ec.message());
            std::filesystem::remove(partial, ec);
            ok = false;
        }
    }
    return ok;
}

}  // namespace fascicle
