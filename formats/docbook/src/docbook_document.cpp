#include "docbook_document.hpp"

namespace fascicle::docbook {

std::string_view DocBookDocument::name(pugi::xml_node element) const {
    if (element.type() != pugi::node_element || source_.namespace_of(element) != namespace_) return {};
    return XmlSource::local_name(element);
}

void DocBookDocument::warning(pugi::xml_node node, const std::string& message) {
    const auto at = source_.position(node);
    diagnostics_.warning(source_.file(), at.line, at.column, message);
}

void DocBookDocument::note(pugi::xml_node node, const std::string& message) {
    const auto at = source_.position(node);
    diagnostics_.note(source_.file(), at.line, at.column, message);
}

namespace {

constexpr std::string_view xinclude_namespace = "http://www.w3.org/2001/XInclude";

}  // namespace

void DocBookDocument::unmapped(pugi::xml_node element, std::string_view what_is_kept) {
    if (quiet_ > 0) return;
    if (source_.namespace_of(element) == xinclude_namespace) {
        warning(element, "<" + std::string(element.name()) + " href=\"" + source_.attribute(element, "href") +
                             "\"> is not processed: fascicle reads no other files, so what it includes is missing");
        return;
    }
    auto& seen = unmapped_[element.name()];
    if (seen.count++ == 0) seen.first = source_.position(element);
    if (seen.count > warnings_per_name) return;
    std::string message = "the element <" + std::string(element.name()) + ">";
    if (const auto parent = element.parent(); parent.type() == pugi::node_element)
        message += " in <" + std::string(parent.name()) + ">";
    message += " is not mapped to fascicle's document model: " + std::string(what_is_kept);
    warning(element, message);
}

void DocBookDocument::finish() {
    for (const auto& [name, seen] : unmapped_) {
        if (seen.count <= warnings_per_name) continue;
        diagnostics_.warning(source_.file(), seen.first.line, seen.first.column,
                             std::to_string(seen.count - warnings_per_name) + " more <" + name +
                                 "> elements are not mapped (warned about above for the first " +
                                 std::to_string(warnings_per_name) + "); their text is kept the same way");
    }
    unmapped_.clear();
}

}  // namespace fascicle::docbook
