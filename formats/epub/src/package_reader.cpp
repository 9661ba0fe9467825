#include "package_reader.hpp"

#include "archive_paths.hpp"
#include "html_whitespace.hpp"
#include "xml_names.hpp"

namespace fascicle::epub::reader {

namespace {

constexpr std::string_view ncx_media_type = "application/x-dtbncx+xml";

// A Dublin Core element: in the DC namespace, or prefixed "dc" where a sloppy package forgot
// to bind the prefix.
bool is_dc(pugi::xml_node element, std::string_view local) {
    if (element.type() != pugi::node_element || local_name(element.name()) != local) return false;
    const std::string ns = namespace_of(element, element.name());
    return ns == dc_ns || (ns.empty() && std::string_view(element.name()).starts_with("dc:"));
}

// An OPF attribute (opf:role, opf:event): namespaced, or written "opf:x" without a binding.
std::string opf_attribute(pugi::xml_node element, const char* local) {
    if (pugi::xml_attribute a = attribute_in(element, opf_ns, local)) return a.value();
    return element.attribute((std::string("opf:") + local).c_str()).value();
}

// The elements of <metadata>, with those of EPUB 2's legacy <dc-metadata>/<x-metadata> inside it.
std::vector<pugi::xml_node> metadata_elements(pugi::xml_node metadata) {
    std::vector<pugi::xml_node> out;
    for (pugi::xml_node child : metadata.children()) {
        if (child.type() != pugi::node_element) continue;
        const std::string_view name = local_name(child.name());
        if (name == "dc-metadata" || name == "x-metadata") {
            for (pugi::xml_node inner : child.children())
                if (inner.type() == pugi::node_element) out.push_back(inner);
        } else {
            out.push_back(child);
        }
    }
    return out;
}

std::string value_of(pugi::xml_node element) { return collapse_whitespace(trimmed_text(element)); }

class MetadataReader {
public:
    MetadataReader(pugi::xml_node package, pugi::xml_node metadata) : elements_(metadata_elements(metadata)) {
        unique_identifier_ = package.attribute("unique-identifier").value();
        // EPUB 3 refinements: <meta refines="#id" property="role">aut</meta>.
        for (pugi::xml_node e : elements_) {
            if (local_name(e.name()) != "meta") continue;
            const std::string_view refines = e.attribute("refines").value();
            if (!refines.starts_with("#")) continue;
            refinements_[std::string(refines.substr(1))][e.attribute("property").value()] = value_of(e);
        }
    }

    Metadata read() const {
        Metadata m;
        m.title = title();
        for (pugi::xml_node e : elements_) {
            if (!is_dc(e, "creator")) continue;
            const std::string role = role_of(e);
            const std::string name = value_of(e);
            if (!name.empty()) m.creators.push_back(Creator{name, role.empty() ? "aut" : role, {}});
        }
        m.language = first("language");
        m.identifier = identifier();
        m.date = date();
        m.publisher = first("publisher");
        m.description = first("description");
        m.rights = first("rights");
        return m;
    }

private:
    std::string refinement(pugi::xml_node e, const std::string& property) const {
        const auto of = refinements_.find(e.attribute("id").value());
        if (of == refinements_.end()) return {};
        const auto value = of->second.find(property);
        return value == of->second.end() ? std::string() : value->second;
    }

    std::string role_of(pugi::xml_node creator) const {
        const std::string epub2 = opf_attribute(creator, "role");
        return epub2.empty() ? refinement(creator, "role") : epub2;
    }

    std::string first(std::string_view local) const {
        for (pugi::xml_node e : elements_)
            if (is_dc(e, local))
                if (std::string v = value_of(e); !v.empty()) return v;
        return {};
    }

    // EPUB 3 may refine titles with a title-type: the main one is the book's title.
    std::string title() const {
        for (pugi::xml_node e : elements_)
            if (is_dc(e, "title") && refinement(e, "title-type") == "main")
                if (std::string v = value_of(e); !v.empty()) return v;
        return first("title");
    }

    std::string identifier() const {
        for (pugi::xml_node e : elements_) {
            const bool unique = !unique_identifier_.empty() && e.attribute("id").value() == unique_identifier_;
            if (is_dc(e, "identifier") && unique)
                if (std::string v = value_of(e); !v.empty()) return v;
        }
        return first("identifier");
    }

    // EPUB 2 may give several dates told apart by opf:event: publication wins, then no event.
    std::string date() const {
        for (const char* event : {"publication", ""})
            for (pugi::xml_node e : elements_)
                if (is_dc(e, "date") && opf_attribute(e, "event") == event)
                    if (std::string v = value_of(e); !v.empty()) return v;
        return first("date");
    }

    std::vector<pugi::xml_node> elements_;
    std::string unique_identifier_;
    std::map<std::string, std::map<std::string, std::string>> refinements_;  // id -> property -> value
};

pugi::xml_node child_named(pugi::xml_node parent, std::string_view local) {
    for (pugi::xml_node child : parent.children())
        if (child.type() == pugi::node_element && local_name(child.name()) == local) return child;
    return {};
}

}  // namespace

const PackageItem* Package::item(const std::string& id) const {
    const auto found = manifest.find(id);
    return found == manifest.end() ? nullptr : &found->second;
}

const PackageItem* Package::navigation() const {
    for (const auto& [id, item] : manifest)
        if (has_token(item.properties, "nav")) return &item;
    return nullptr;
}

const PackageItem* Package::ncx() const {
    if (const PackageItem* toc = item(ncx_id); toc) return toc;
    for (const auto& [id, item] : manifest)
        if (item.media_type == ncx_media_type) return &item;
    return nullptr;
}

const PackageItem* Package::cover_image() const {
    for (const auto& [id, item] : manifest)
        if (has_token(item.properties, "cover-image")) return &item;
    return cover_id.empty() ? nullptr : item(cover_id);
}

std::optional<Package> read_package(const XmlEntry& document, const std::string& path, EpubDiagnostics& diagnostics) {
    const pugi::xml_node root = document.root();
    if (local_name(root.name()) != "package") {
        diagnostics.error(path, document.position(root),
                          std::string("the root element is <") + root.name() + ">, expected <package>");
        return std::nullopt;
    }
    Package package;
    package.path = path;
    package.version = root.attribute("version").value();

    if (pugi::xml_node metadata = child_named(root, "metadata")) {
        package.metadata = MetadataReader(root, metadata).read();
        for (pugi::xml_node e : metadata_elements(metadata))
            if (local_name(e.name()) == "meta" && std::string_view(e.attribute("name").value()) == "cover")
                package.cover_id = e.attribute("content").value();
    }

    const pugi::xml_node manifest = child_named(root, "manifest");
    if (!manifest) {
        diagnostics.error(path, document.position(root), "the package document has no <manifest>");
        return std::nullopt;
    }
    for (pugi::xml_node e : manifest.children()) {
        if (local_name(e.name()) != "item") continue;
        PackageItem item;
        item.id = e.attribute("id").value();
        item.href = e.attribute("href").value();
        item.path = resolve_href(path, item.href);
        item.media_type = e.attribute("media-type").value();
        item.properties = e.attribute("properties").value();
        item.position = document.position(e);
        if (!item.id.empty()) package.manifest.emplace(item.id, std::move(item));
    }

    const pugi::xml_node spine = child_named(root, "spine");
    if (!spine) {
        diagnostics.error(path, document.position(root), "the package document has no <spine>");
        return std::nullopt;
    }
    package.ncx_id = spine.attribute("toc").value();
    for (pugi::xml_node e : spine.children()) {
        if (local_name(e.name()) != "itemref") continue;
        package.spine.push_back({e.attribute("idref").value(), std::string_view(e.attribute("linear").value()) != "no",
                                 document.position(e)});
    }
    if (package.spine.empty()) {
        diagnostics.error(path, document.position(spine), "the spine is empty: the EPUB has no content documents");
        return std::nullopt;
    }

    if (pugi::xml_node guide = child_named(root, "guide")) {
        for (pugi::xml_node e : guide.children()) {
            if (local_name(e.name()) != "reference") continue;
            if (auto target = resolve_href(path, e.attribute("href").value()))
                package.guide.push_back({e.attribute("type").value(), *target});
        }
    }
    return package;
}

}  // namespace fascicle::epub::reader
