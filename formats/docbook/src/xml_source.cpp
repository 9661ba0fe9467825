#include "xml_source.hpp"

#include "doctype_policy.hpp"
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

bool utf8_encoding_name(std::string name) {
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return name == "utf-8" || name == "utf8" || name == "us-ascii" || name == "ascii";
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

XmlSource::XmlSource(std::string bytes, std::string file)
    : bytes_(std::move(bytes)), file_(std::move(file)), lines_(bytes_) {}

std::unique_ptr<XmlSource> XmlSource::load(std::string bytes, std::string file, DiagnosticSink& diagnostics,
                                            std::size_t max_depth) {
    std::unique_ptr<XmlSource> source(new XmlSource(std::move(bytes), std::move(file)));
    if (!source->parse(diagnostics) || !source->check_nodes(diagnostics, max_depth)) return nullptr;
    return source;
}

bool XmlSource::parse(DiagnosticSink& diagnostics) {
    const std::string_view bytes = bytes_;
    if (bytes.starts_with("\xFE\xFF") || bytes.starts_with("\xFF\xFE")) {
        diagnostics.error(file_, 1, 1, "the document is UTF-16 (it starts with a UTF-16 byte-order mark): "
                                       "DocBook is read as UTF-8 (iconv -f UTF-16 -t UTF-8 converts it)");
        return false;
    }
    if (const auto bad = find_bad_character(bytes)) {
        const auto at = lines_.at(bad->offset);
        diagnostics.error(file_, at.line, at.column, bad->message);
        return false;
    }

    const auto result = document_.load_buffer_inplace(bytes_.data(), bytes_.size(), parse_flags, pugi::encoding_utf8);
    if (!result) {
        const auto at = lines_.at(static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0)));
        diagnostics.error(file_, at.line, at.column, std::string("not well-formed XML: ") + result.description());
        return false;
    }

    for (auto node = document_.first_child(); node; node = node.next_sibling()) {
        if (node.type() == pugi::node_declaration) {
            const std::string encoding = attribute(node, "encoding");
            if (!encoding.empty() && !utf8_encoding_name(encoding)) {
                const auto at = position(node);
                diagnostics.error(file_, at.line, at.column,
                                  "the document declares the encoding \"" + encoding +
                                      "\": DocBook is read as UTF-8 (iconv -f " + encoding + " -t UTF-8 converts it)");
                return false;
            }
        } else if (node.type() == pugi::node_doctype) {
            const auto verdict = judge_doctype(node.value());
            if (verdict.kind == DoctypeVerdict::Kind::harmless) continue;
            const auto offset = node.offset_debug();
            const auto at = offset < 0 ? TextPosition{} : lines_.at(static_cast<std::size_t>(offset) + verdict.offset);
            if (verdict.kind == DoctypeVerdict::Kind::refused) {
                diagnostics.error(file_, at.line, at.column, verdict.message);
                return false;
            }
            diagnostics.warning(file_, at.line, at.column, verdict.message);
        }
    }
    return true;
}

// Walks every node once: nesting depth, references in text and attributes, xml:id values.
bool XmlSource::check_nodes(DiagnosticSink& diagnostics, std::size_t max_depth) {
    auto fail = [&](TextPosition at, const std::string& message) {
        diagnostics.error(file_, at.line, at.column, message);
        return false;
    };
    std::size_t depth = 0;
    bool root_seen = false;
    pugi::xml_node node = document_.first_child();
    while (node) {
        // pugixml takes what XML forbids here: a second root element, text outside the root.
        if (depth == 0 && node.type() == pugi::node_element) {
            if (root_seen)
                return fail(position(node), "not well-formed XML: a second root element <" + std::string(node.name()) +
                                                "> (a document has one)");
            root_seen = true;
        }
        if (node.type() == pugi::node_pcdata) {
            if (depth == 0 && std::string_view(node.value()).find_first_not_of(" \t\r\n") != std::string_view::npos)
                return fail(position(node), "not well-formed XML: text outside the root element");
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
                return fail(at, decoded.error->message);
            }
        } else if (node.type() == pugi::node_element) {
            if (depth >= max_depth)
                return fail(position(node), "elements are nested more than " + std::to_string(max_depth) +
                                                " levels deep here: refused as a malicious or broken document "
                                                "(--max-nesting N raises the limit)");
            if (const auto duplicate = duplicate_attribute(node))
                return fail(position(node), "not well-formed XML: the attribute " + std::string(duplicate) +
                                                " appears twice in <" + node.name() + ">");
            for (auto a : node.attributes()) {
                const auto decoded = decode_references(a.value());
                if (decoded.error)
                    return fail(position(node), "in the attribute " + std::string(a.name()) + " of <" + node.name() +
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
    const auto offset = node.offset_debug();
    if (offset < 0) return {};
    auto at = lines_.at(static_cast<std::size_t>(offset));
    // An element's, a declaration's and a PI's offset is its name's; point at the '<' before it.
    const auto type = node.type();
    const std::size_t lead = type == pugi::node_element ? 1 : (type == pugi::node_pi || type == pugi::node_declaration) ? 2 : 0;
    if (at.column > lead) at.column -= lead;
    return at;
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
