#include "docbook_document.hpp"

#include "xinclude_resolver.hpp"

namespace fascicle::docbook {

std::string_view DocBookDocument::name(pugi::xml_node element) const {
    if (element.type() != pugi::node_element) return {};
    const std::string_view qualified = element.name();
    if (qualified.find(':') == std::string_view::npos) {
        // Unprefixed: DocBook 5's namespace as the default one, or none.
        const auto ns = source_.namespace_of(element);
        return ns.empty() || ns == docbook_namespace ? qualified : std::string_view();
    }
    return source_.namespace_of(element) == docbook_namespace ? XmlSource::local_name(element) : std::string_view();
}

void DocBookDocument::warning(pugi::xml_node node, const std::string& message) {
    const auto at = source_.position(node);
    diagnostics_.warning(source_.file_of(node), at.line, at.column, message);
}

void DocBookDocument::note(pugi::xml_node node, const std::string& message) {
    const auto at = source_.position(node);
    diagnostics_.note(source_.file_of(node), at.line, at.column, message);
}

void DocBookDocument::unmapped(pugi::xml_node element, std::string_view fate) {
    lost(element, "<" + std::string(element.name()) + "> element", fate);
}

void DocBookDocument::lost(pugi::xml_node at, std::string_view what, std::string_view fate) {
    if (quiet_ > 0) return;
    const auto& file = source_.file_of(at);
    auto it = std::find_if(losses_.begin(), losses_.end(), [&](const auto& entry) { return entry.first == file; });
    if (it == losses_.end()) {
        losses_.emplace_back(file, LossReport(file));
        it = losses_.end() - 1;
    }
    it->second.add(what, source_.position(at).line, fate);
}

bool DocBookDocument::finish() {
    for (const auto& loss : source_.losses()) {
        auto it = std::find_if(losses_.begin(), losses_.end(), [&](const auto& entry) { return entry.first == loss.file; });
        if (it == losses_.end()) {
            losses_.emplace_back(loss.file, LossReport(loss.file));
            it = losses_.end() - 1;
        }
        it->second.add(loss.what, loss.line, loss.fate);
    }
    bool ok = true;
    for (auto& entry : losses_) ok = entry.second.report(options_, diagnostics_) && ok;
    losses_.clear();
    return ok;
}

std::string DocBookDocument::image(pugi::xml_node imagedata, const std::string& fileref) {
    if (fileref.empty() || fileref.find("://") != std::string::npos || fileref.starts_with("data:")) return fileref;
    namespace fs = std::filesystem;
    const auto file = fs::weakly_canonical(source_.folder_of(imagedata) / fileref);
    const auto top = fs::weakly_canonical(source_.top_folder());
    const auto relative = file.lexically_relative(top);
    const bool outside = relative.empty() || *relative.begin() == "..";
    if (outside && !options_.count(allow_outside_option)) {
        warning(imagedata, "the image \"" + fileref + "\" is outside the document's folder (" + top.string() +
                               "): not read, the image refers to it by its path (--" + allow_outside_option +
                               " allows it)");
        return fileref;
    }
    std::error_code error;
    if (!fs::is_regular_file(file, error)) {
        warning(imagedata, "the image \"" + fileref + "\" is not found (" + file.string() +
                               "): the image refers to it by its path");
        return fileref;
    }
    const std::string name = outside ? "outside/" + file.filename().string() : relative.generic_string();
    auto media_type = media_type_for(name);
    if (media_type.empty()) media_type = "application/octet-stream";
    resources_.add(file_resource(name, media_type, file));
    return name;
}

}  // namespace fascicle::docbook
