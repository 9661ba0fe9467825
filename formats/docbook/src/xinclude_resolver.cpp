#include "xinclude_resolver.hpp"

#include "text_encoding.hpp"

#include <fascicle/input_limits.hpp>
#include <fascicle/text.hpp>

#include <algorithm>

#include <fstream>

namespace fascicle::docbook {

namespace {

bool is_xinclude(const XmlSource& source, pugi::xml_node node, std::string_view local) {
    if (node.type() != pugi::node_element || XmlSource::local_name(node) != local) return false;
    const auto ns = source.namespace_of(node);
    return ns == xinclude_namespace || ns == old_xinclude_namespace;
}

// The id an xpointer names: "id", "element(id)" or "xpointer(id('id'))"; empty when it is another form.
std::string pointed_id(std::string_view xpointer) {
    auto inside = [&](std::string_view open, std::string_view close) -> std::string_view {
        if (!xpointer.starts_with(open) || !xpointer.ends_with(close)) return {};
        return xpointer.substr(open.size(), xpointer.size() - open.size() - close.size());
    };
    if (auto id = inside("element(", ")"); !id.empty() && id.find('/') == std::string_view::npos) return std::string(id);
    if (auto id = inside("xpointer(id('", "'))"); !id.empty()) return std::string(id);
    if (auto id = inside("xpointer(id(\"", "\"))"); !id.empty()) return std::string(id);
    if (xpointer.find_first_of("()/") == std::string_view::npos) return std::string(xpointer);
    return {};
}

pugi::xml_node element_with_id(pugi::xml_node root, const std::string& id) {
    return root.find_node([&](pugi::xml_node n) {
        if (n.type() != pugi::node_element) return false;
        const auto a = n.attribute("xml:id");
        return a && id == a.value();
    });
}

// Whether `path` is `folder` or inside it (both canonical).
bool inside(const std::filesystem::path& path, const std::filesystem::path& folder) {
    const auto relative = path.lexically_relative(folder);
    return !relative.empty() && *relative.begin() != "..";
}

}  // namespace

bool XIncludeResolver::resolve(XmlSource& source) {
    std::vector<std::filesystem::path> open;
    if (!source.path_.empty()) open.push_back(std::filesystem::weakly_canonical(source.path_));
    return resolve(source, open);
}

bool XIncludeResolver::fail(const XmlSource& source, pugi::xml_node at, const std::string& message) {
    const auto where = source.position(at);
    diagnostics_.error(source.file_of(at), where.line, where.column, message);
    return false;
}

bool XIncludeResolver::resolve(XmlSource& source, std::vector<std::filesystem::path>& open) {
    // Gathered first: including changes the tree. Pre-order, without recursion (the depth is not checked yet).
    std::vector<pugi::xml_node> includes;
    for (auto node = source.root(); node;) {
        if (is_xinclude(source, node, "include")) {
            includes.push_back(node);
        } else if (node.first_child()) {
            node = node.first_child();
            continue;
        }
        while (node && !node.next_sibling()) {
            node = node.parent();
            if (node == source.root() || node.type() == pugi::node_document) node = {};
        }
        if (node) node = node.next_sibling();
    }
    for (auto element : includes)
        if (!include(source, element, open)) return false;
    return true;
}

bool XIncludeResolver::include(XmlSource& source, pugi::xml_node element, std::vector<std::filesystem::path>& open) {
    const auto href = source.attribute(element, "href");
    const auto parse = source.attribute(element, "parse");
    const auto xpointer = source.attribute(element, "xpointer");
    const std::string tag = "<" + std::string(element.name()) + " href=\"" + href + "\">";
    if (href.empty()) return fail(source, element, tag + " names no file: fascicle includes only other files");
    if (!parse.empty() && parse != "xml" && parse != "text")
        return fail(source, element, tag + ": parse=\"" + parse + "\" is neither \"xml\" nor \"text\"");
    if (href.find("://") != std::string::npos)
        return fail(source, element, tag + ": fascicle reads only local files, never over a network");

    const auto folder = source.folder_of(element);
    const auto target = std::filesystem::weakly_canonical(folder / href);
    const auto top = std::filesystem::weakly_canonical(source.top_folder());
    if (!settings_.include_outside && !inside(target, top))
        return fail(source, element, tag + " names a file outside the document's folder (" + top.string() +
                                         "): refused (--" + allow_outside_option + " allows it)");
    if (std::find(open.begin(), open.end(), target) != open.end())
        return fail(source, element, tag + " includes a file that is already being included (" + target.string() +
                                         "): a loop, refused");
    if (open.size() >= XmlSource::most_include_depth)
        return fail(source, element, tag + ": includes nested more than " +
                                         std::to_string(XmlSource::most_include_depth) + " files deep, refused");

    const std::string name =
        (std::filesystem::path(source.file_of(element)).parent_path() / href).lexically_normal().string();
    std::string bytes;
    std::ifstream in(target, std::ios::binary);
    const auto read = in ? read_at_most(in, settings_.max_input_size, bytes) : LimitedRead::failed;
    if (read == LimitedRead::too_large)
        return fail(source, element, tag + ": the included file is larger than " +
                                         describe_bytes(settings_.max_input_size) + " (--" + max_input_size_option +
                                         " BYTES raises the limit)");
    if (read == LimitedRead::failed || std::filesystem::is_directory(target)) {
        pugi::xml_node fallback;
        for (auto child : element.children())
            if (is_xinclude(source, child, "fallback")) fallback = child;
        if (!fallback) return fail(source, element, tag + ": cannot read the file " + target.string());
        // The fallback's content stands for the include; it may include in turn.
        std::vector<pugi::xml_node> content;
        for (auto child : fallback.children()) content.push_back(child);
        for (auto child : content) element.parent().insert_move_before(child, element);
        element.parent().remove_child(element);
        return true;
    }

    if (parse == "text") {
        if (const auto bad = make_utf8(bytes))
            return fail(source, element, tag + ": " + bad->message);
        if (const auto invalid = find_invalid_utf8(bytes))
            return fail(source, element, tag + ": the byte at offset " + std::to_string(*invalid) +
                                             " of the file does not begin a valid UTF-8 sequence (an included text "
                                             "is read as UTF-8)");
        auto text = element.parent().insert_child_before(pugi::node_cdata, element);
        text.set_value(bytes.c_str());
        const auto at = source.position(element);
        std::size_t file = 0;
        const auto& file_name = source.file_of(element);
        if (const auto it = std::find(source.files_.begin(), source.files_.end(), file_name); it != source.files_.end())
            file = static_cast<std::size_t>(it - source.files_.begin());
        else {
            source.files_.push_back(file_name);
            file = source.files_.size() - 1;
        }
        source.origins_[text.internal_object()] = {file, at};
        element.parent().remove_child(element);
        return true;
    }

    XmlSource included(name, target);
    included.top_folder_ = source.top_folder_;
    if (!included.parse(std::move(bytes), settings_.max_input_size, diagnostics_)) return false;
    open.push_back(target);
    const bool resolved = resolve(included, open);
    open.pop_back();
    if (!resolved) return false;
    for (const auto& loss : included.losses_) source.losses_.push_back(loss);

    auto node = included.root();
    if (!xpointer.empty()) {
        const auto id = pointed_id(xpointer);
        if (id.empty())
            return fail(source, element, tag + ": xpointer=\"" + xpointer +
                                             "\" is not an id or element(id), the only pointers fascicle follows");
        node = element_with_id(included.root(), id);
        if (!node) return fail(source, element, tag + ": " + name + " has no element with xml:id=\"" + id + "\"");
    }
    source.adopt(element, node, included);
    element.parent().remove_child(element);
    return true;
}

}  // namespace fascicle::docbook
