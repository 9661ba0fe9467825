#include <fascicle/xml_names.hpp>

namespace fascicle::xml {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

void append_text(pugi::xml_node node, std::string& out) {
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) out += child.value();
        else if (child.type() == pugi::node_element) append_text(child, out);
    }
}

}  // namespace

std::string_view local_name(std::string_view qualified) {
    const std::size_t colon = qualified.find(':');
    return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

std::string namespace_of(pugi::xml_node element, std::string_view qualified) {
    const std::size_t colon = qualified.find(':');
    const std::string declaration =
        colon == std::string_view::npos ? std::string("xmlns") : "xmlns:" + std::string(qualified.substr(0, colon));
    if (declaration == "xmlns:xml") return "http://www.w3.org/XML/1998/namespace";
    for (pugi::xml_node n = element; n && n.type() == pugi::node_element; n = n.parent())
        if (pugi::xml_attribute a = n.attribute(declaration.c_str())) return a.value();
    return {};
}

bool is_element(pugi::xml_node element, std::string_view ns, std::string_view local) {
    return element.type() == pugi::node_element && local_name(element.name()) == local &&
           namespace_of(element, element.name()) == ns;
}

pugi::xml_attribute attribute_in(pugi::xml_node element, std::string_view ns, std::string_view local) {
    for (pugi::xml_attribute a = element.first_attribute(); a; a = a.next_attribute()) {
        const std::string_view name = a.name();
        if (name.find(':') == std::string_view::npos || local_name(name) != local) continue;
        if (namespace_of(element, name) == ns) return a;
    }
    return {};
}

std::vector<std::string> tokens(std::string_view value) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < value.size()) {
        while (i < value.size() && is_space(value[i])) ++i;
        std::size_t end = i;
        while (end < value.size() && !is_space(value[end])) ++end;
        if (end > i) out.emplace_back(value.substr(i, end - i));
        i = end;
    }
    return out;
}

bool has_token(std::string_view value, std::string_view token) {
    for (const auto& t : tokens(value))
        if (t == token) return true;
    return false;
}

std::string trimmed_text(pugi::xml_node node) {
    std::string out;
    append_text(node, out);
    std::size_t begin = 0, end = out.size();
    while (begin < end && is_space(out[begin])) ++begin;
    while (end > begin && is_space(out[end - 1])) --end;
    return out.substr(begin, end - begin);
}

}  // namespace fascicle::xml
