#include "xml_source.hpp"

#include "text_encoding.hpp"
#include "xinclude_resolver.hpp"
#include "xml_references.hpp"

#include <fascicle/text.hpp>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <vector>

namespace fascicle::docbook {

namespace {

// No parse_escapes: references are decoded by decode_references, which rejects undeclared
// entities. parse_ws_pcdata keeps the white space between inline elements ("<a/> <b/>").
constexpr unsigned parse_flags = (pugi::parse_default & ~pugi::parse_escapes) | pugi::parse_pi |
                                 pugi::parse_doctype | pugi::parse_declaration | pugi::parse_ws_pcdata;

std::string hex(unsigned value, int digits) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%0*X", digits, value);
    return buffer;
}

struct BadCharacter {
    std::size_t offset;
    std::string message;
};

// The first byte sequence that is not UTF-8, or the first character XML 1.0 does not allow.
std::optional<BadCharacter> find_bad_character(std::string_view bytes) {
    if (const auto invalid = find_invalid_utf8(bytes)) {
        return BadCharacter{*invalid, "the byte 0x" + hex(static_cast<unsigned char>(bytes[*invalid]), 2) +
                                          " does not begin a valid UTF-8 sequence: DocBook is read as UTF-8"};
    }
    for (std::size_t i = 0; i < bytes.size();) {
        const auto lead = static_cast<unsigned char>(bytes[i]);
        const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        char32_t cp = length == 1 ? lead : length == 2 ? lead & 0x1F : length == 3 ? lead & 0x0F : lead & 0x07;
        for (std::size_t k = 1; k < length; ++k) cp = cp << 6 | (static_cast<unsigned char>(bytes[i + k]) & 0x3F);
        if (!is_xml_char(cp))
            return BadCharacter{i, "the character U+" + hex(cp, 4) + " is not allowed in XML 1.0"};
        i += length;
    }
    return std::nullopt;
}

// The name of an attribute the element has twice (pugixml does not check), or null.
const char* duplicate_attribute(pugi::xml_node element) {
    std::vector<std::string_view> names;
    for (auto a : element.attributes()) names.emplace_back(a.name());
    std::sort(names.begin(), names.end());
    const auto twice = std::adjacent_find(names.begin(), names.end());
    return twice == names.end() ? nullptr : twice->data();
}

}  // namespace

XmlSource::XmlSource(std::string file, std::filesystem::path path) : file_(std::move(file)), path_(std::move(path)) {
    top_folder_ = path_.empty() ? std::filesystem::current_path() : path_.parent_path();
    if (top_folder_.empty()) top_folder_ = ".";
}

std::unique_ptr<XmlSource> XmlSource::load(std::string bytes, const XmlLoadSettings& settings,
                                            DiagnosticSink& diagnostics) {
    std::unique_ptr<XmlSource> source(new XmlSource(settings.file, settings.path));
    if (!source->parse(std::move(bytes), settings.max_input_size, diagnostics)) return nullptr;
    XIncludeResolver includes(settings, diagnostics);
    if (!includes.resolve(*source) || !source->check_nodes(diagnostics, settings.max_depth)) return nullptr;
    return source;
}

bool XmlSource::parse(std::string bytes, std::uint64_t max_input_size, DiagnosticSink& diagnostics) {
    {
        const LineIndex raw_lines(bytes);
        if (const auto bad = make_utf8(bytes)) {
            const auto at = raw_lines.at(bad->offset);
            diagnostics.error(file_, at.line, at.column, bad->message);
            return false;
        }
    }
    lines_ = LineIndex(bytes);
    if (const auto bad = find_bad_character(bytes)) {
        const auto at = lines_.at(bad->offset);
        diagnostics.error(file_, at.line, at.column, bad->message);
        return false;
    }
    expanded_ = expand_entities(bytes, std::min<std::uint64_t>(max_entity_expansion, max_input_size));
    if (expanded_.error) {
        const auto at = lines_.at(expanded_.error->offset);
        diagnostics.error(file_, at.line, at.column, expanded_.error->message);
        return false;
    }
    for (const auto& note : expanded_.notes) {
        const auto at = lines_.at(note.offset);
        diagnostics.note(file_, at.line, at.column, note.message);
    }
    for (const auto& dropped : expanded_.dropped) losses_.push_back({file_, lines_.at(dropped.offset).line, "external entity reference", dropped.message});
    bytes_ = std::move(expanded_.text);
    expanded_.text.clear();

    const auto result = document_.load_buffer_inplace(bytes_.data(), bytes_.size(), parse_flags, pugi::encoding_utf8);
    if (!result) {
        const auto at = position_at(static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0)));
        diagnostics.error(file_, at.line, at.column, std::string("not well-formed XML: ") + result.description());
        return false;
    }
    return true;
}

TextPosition XmlSource::position_at(std::size_t text_offset) const {
    return lines_.at(expanded_.source_offset(text_offset));
}

// Walks every node once: nesting depth, references in text and attributes, xml:id values.
bool XmlSource::check_nodes(DiagnosticSink& diagnostics, std::size_t max_depth) {
    auto fail = [&](pugi::xml_node at_node, TextPosition at, const std::string& message) {
        diagnostics.error(file_of(at_node), at.line, at.column, message);
        return false;
    };
    std::size_t depth = 0;
    bool root_seen = false;
    pugi::xml_node node = document_.first_child();
    while (node) {
        // pugixml takes what XML forbids here: a second root element, text outside the root.
        if (depth == 0 && node.type() == pugi::node_element) {
            if (root_seen)
                return fail(node, position(node), "not well-formed XML: a second root element <" + std::string(node.name()) +
                                                "> (a document has one)");
            root_seen = true;
        }
        if (node.type() == pugi::node_pcdata) {
            if (depth == 0 && std::string_view(node.value()).find_first_not_of(" \t\r\n") != std::string_view::npos)
                return fail(node, position(node), "not well-formed XML: text outside the root element");
            const auto decoded = decode_references(node.value());
            if (decoded.error) {
                // Lines inside the text are counted in it: parse_eol may have shortened CRLFs.
                const std::string_view raw = node.value();
                const auto before = raw.substr(0, decoded.error->index);
                auto at = position(node);
                if (const auto newline = before.rfind('\n'); newline != std::string_view::npos) {
                    at.line += static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
                    at.column = decoded.error->index - newline;
                } else {
                    at.column += decoded.error->index;
                }
                return fail(node, at, decoded.error->message);
            }
        } else if (node.type() == pugi::node_element) {
            if (depth >= max_depth)
                return fail(node, position(node), "elements are nested more than " + std::to_string(max_depth) +
                                                " levels deep here: refused as a malicious or broken document "
                                                "(--max-nesting N raises the limit)");
            if (const auto duplicate = duplicate_attribute(node))
                return fail(node, position(node), "not well-formed XML: the attribute " + std::string(duplicate) +
                                                " appears twice in <" + node.name() + ">");
            for (auto a : node.attributes()) {
                const auto decoded = decode_references(a.value());
                if (decoded.error)
                    return fail(node, position(node), "in the attribute " + std::string(a.name()) + " of <" + node.name() +
                                                    ">: " + decoded.error->message);
                if (std::string_view(a.name()) == "xml:id") xml_ids_.insert(decoded.text);
            }
        }
        // Pre-order, without recursion.
        if (node.first_child()) {
            node = node.first_child();
            ++depth;
            continue;
        }
        while (!node.next_sibling()) {
            node = node.parent();
            if (node.type() == pugi::node_document) return true;
            --depth;
        }
        node = node.next_sibling();
    }
    return true;
}

TextPosition XmlSource::position(pugi::xml_node node) const {
    if (const auto origin = origins_.find(node.internal_object()); origin != origins_.end()) return origin->second.at;
    const auto offset = node.offset_debug();
    if (offset < 0) return {};
    auto at = position_at(static_cast<std::size_t>(offset));
    // An element's, a declaration's and a PI's offset is its name's; point at the '<' before it.
    const auto type = node.type();
    const std::size_t lead = type == pugi::node_element ? 1 : (type == pugi::node_pi || type == pugi::node_declaration) ? 2 : 0;
    if (at.column > lead) at.column -= lead;
    return at;
}

const std::string& XmlSource::file_of(pugi::xml_node node) const {
    if (const auto origin = origins_.find(node.internal_object()); origin != origins_.end())
        return files_[origin->second.file];
    return file_;
}

std::filesystem::path XmlSource::folder_of(pugi::xml_node node) const {
    for (auto n = node; n; n = n.parent())
        if (const auto folder = folders_.find(n.internal_object()); folder != folders_.end()) return folder->second;
    if (path_.empty()) return top_folder_;
    const auto folder = path_.parent_path();
    return folder.empty() ? std::filesystem::path(".") : folder;
}

pugi::xml_node XmlSource::adopt(pugi::xml_node before, pugi::xml_node original, const XmlSource& from) {
    const auto copy = before.parent().insert_copy_before(original, before);
    auto file_index = [&](const std::string& name) {
        const auto it = std::find(files_.begin(), files_.end(), name);
        if (it != files_.end()) return static_cast<std::size_t>(it - files_.begin());
        files_.push_back(name);
        return files_.size() - 1;
    };
    // The copy and the original walked together, without recursion.
    folders_[copy.internal_object()] = from.folder_of(original);
    auto c = copy;
    auto o = original;
    while (true) {
        origins_[c.internal_object()] = {file_index(from.file_of(o)), from.position(o)};
        if (const auto folder = from.folders_.find(o.internal_object()); folder != from.folders_.end())
            folders_[c.internal_object()] = folder->second;
        if (o.first_child()) {
            o = o.first_child();
            c = c.first_child();
            continue;
        }
        while (o != original && !o.next_sibling()) {
            o = o.parent();
            c = c.parent();
        }
        if (o == original) break;
        o = o.next_sibling();
        c = c.next_sibling();
    }
    return copy;
}

std::string XmlSource::text(pugi::xml_node node) const {
    if (node.type() == pugi::node_cdata) return node.value();
    return decode_references(node.value()).text;
}

std::string XmlSource::attribute(pugi::xml_node element, std::string_view qualified_name) const {
    for (auto a : element.attributes())
        if (qualified_name == a.name()) return decode_references(a.value()).text;
    return {};
}

std::string XmlSource::attribute(pugi::xml_node element, std::string_view namespace_uri, std::string_view local) const {
    for (auto a : element.attributes()) {
        const std::string_view name = a.name();
        const auto colon = name.find(':');
        if (colon == std::string_view::npos || name.substr(colon + 1) != local) continue;
        const auto prefix = name.substr(0, colon);
        if (prefix == "xmlns") continue;
        if (namespace_for_prefix(element, prefix) == namespace_uri) return decode_references(a.value()).text;
    }
    return {};
}

std::string_view XmlSource::local_name(pugi::xml_node element) {
    const std::string_view name = element.name();
    const auto colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string XmlSource::namespace_of(pugi::xml_node element) const {
    const std::string_view name = element.name();
    const auto colon = name.find(':');
    return namespace_for_prefix(element, colon == std::string_view::npos ? std::string_view() : name.substr(0, colon));
}

std::string XmlSource::namespace_for_prefix(pugi::xml_node element, std::string_view prefix) const {
    if (prefix == "xml") return std::string(xml_namespace);
    const std::string declaration = prefix.empty() ? std::string("xmlns") : "xmlns:" + std::string(prefix);
    for (auto e = element; e && e.type() == pugi::node_element; e = e.parent())
        if (auto a = e.attribute(declaration.c_str())) return decode_references(a.value()).text;
    return {};
}

}  // namespace fascicle::docbook
