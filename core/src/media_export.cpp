#include <fascicle/media_export.hpp>

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

namespace {

void add_images(const std::vector<Inline>& inlines, const Resources& resources, std::set<std::string>& into);

void add_images(const std::vector<Block>& blocks, const Resources& resources, std::set<std::string>& into) {
    for (const auto& b : blocks) {
        add_images(b.inlines, resources, into);
        add_images(b.children, resources, into);
        add_images(b.caption, resources, into);
        add_images(b.attribution, resources, into);
        for (const auto& item : b.items) add_images(item, resources, into);
        for (const auto& d : b.definitions) {
            add_images(d.term, resources, into);
            for (const auto& definition : d.definitions) add_images(definition, resources, into);
        }
        for (const auto& line : b.lines) add_images(line, resources, into);
        for (const auto* part : {&b.table.head, &b.table.body, &b.table.foot})
            for (const auto& row : *part)
                for (const auto& cell : row.cells) add_images(cell.blocks, resources, into);
    }
}

void add_images(const std::vector<Inline>& inlines, const Resources& resources, std::set<std::string>& into) {
    for (const auto& i : inlines) {
        if (i.kind == Inline::Kind::image && resources.find(i.target)) into.insert(i.target);
        add_images(i.children, resources, into);
        add_images(i.blocks, resources, into);
    }
}

}  // namespace

void add_image_resources(const Article& article, const Resources& resources, std::set<std::string>& into) {
    add_images(article.title, resources, into);
    add_images(article.summary, resources, into);
    add_images(article.introduction, resources, into);
    auto sections = [&](auto& self, const std::vector<Section>& list) -> void {
        for (const auto& s : list) {
            add_images(s.title, resources, into);
            add_images(s.blocks, resources, into);
            self(self, s.subsections);
        }
    };
    sections(sections, article.sections);
    add_images(article.conclusion, resources, into);
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
        std::filesystem::create_directories(target.parent_path(), ec);
        auto in = resource->open ? resource->open() : nullptr;
        std::ofstream out(target, std::ios::binary | std::ios::trunc);
        if (!in || !out) {
            diagnostics.error(in ? target.string() : resource->source, 0, 0,
                              in ? "cannot write the image file" : "cannot read the image '" + name + "'");
            ok = false;
            continue;
        }
        out << in->rdbuf();
        out.close();
        if (!out) {
            diagnostics.error(target.string(), 0, 0, "cannot write the image file");
            ok = false;
        }
    }
    return ok;
}

}  // namespace fascicle
