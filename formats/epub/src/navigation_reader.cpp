#include "navigation_reader.hpp"

#include "archive_paths.hpp"
#include "html_whitespace.hpp"
#include "xml_names.hpp"

namespace fascicle::epub::reader {

namespace {

std::string epub_type(pugi::xml_node element) {
    if (pugi::xml_attribute a = attribute_in(element, ops_ns, "type")) return a.value();
    return element.attribute("epub:type").value();
}

// Every <a href> under `node`, in document order.
template <typename Visit>
void for_each_link(pugi::xml_node node, Visit&& visit) {
    for (pugi::xml_node child : node.children()) {
        if (child.type() != pugi::node_element) continue;
        if (local_name(child.name()) == "a" && child.attribute("href")) visit(child);
        else for_each_link(child, visit);
    }
}

template <typename Visit>
void for_each_nav(pugi::xml_node node, Visit&& visit) {
    for (pugi::xml_node child : node.children()) {
        if (child.type() != pugi::node_element) continue;
        if (local_name(child.name()) == "nav") visit(child);
        else for_each_nav(child, visit);
    }
}

void read_nav_points(pugi::xml_node parent, const std::string& path, Navigation& into) {
    for (pugi::xml_node point : parent.children()) {
        if (local_name(point.name()) != "navPoint") continue;
        pugi::xml_node label, content;
        for (pugi::xml_node child : point.children()) {
            if (local_name(child.name()) == "navLabel") label = child;
            if (local_name(child.name()) == "content") content = child;
        }
        if (auto target = resolve_href(path, content.attribute("src").value())) {
            const std::string title = collapse_whitespace(trimmed_text(label));
            if (!title.empty()) into.titles.emplace(*target, title);
        }
        read_nav_points(point, path, into);
    }
}

}  // namespace

std::optional<std::string> front_matter_kind(std::string_view type) {
    if (type == "cover") return "the cover";
    if (type == "titlepage" || type == "title-page" || type == "halftitlepage") return "the title page";
    return std::nullopt;
}

void read_navigation_document(const XmlEntry& document, const std::string& path, Navigation& into) {
    for_each_nav(document.root(), [&](pugi::xml_node nav) {
        const std::string types = epub_type(nav);
        if (has_token(types, "toc")) {
            for_each_link(nav, [&](pugi::xml_node a) {
                const auto target = resolve_href(path, a.attribute("href").value());
                const std::string title = collapse_whitespace(trimmed_text(a));
                if (target && !title.empty()) into.titles.emplace(*target, title);
            });
        } else if (has_token(types, "landmarks")) {
            for_each_link(nav, [&](pugi::xml_node a) {
                const auto target = resolve_href(path, a.attribute("href").value());
                for (const auto& type : tokens(epub_type(a)))
                    if (auto kind = front_matter_kind(type); kind && target) into.front_matter.emplace(*target, *kind);
            });
        }
    });
}

void read_ncx(const XmlEntry& document, const std::string& path, Navigation& into) {
    for (pugi::xml_node child : document.root().children())
        if (local_name(child.name()) == "navMap") read_nav_points(child, path, into);
}

void read_guide(const Package& package, Navigation& into) {
    for (const auto& reference : package.guide)
        if (auto kind = front_matter_kind(reference.type)) into.front_matter.emplace(reference.path, *kind);
}

}  // namespace fascicle::epub::reader
