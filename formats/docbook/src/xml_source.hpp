// A DocBook input loaded for reading: its bytes made UTF-8 and checked (XML characters), the
// entities its DOCTYPE declares expanded (with a cap), parsed by pugixml, its XIncludes resolved,
// every reference decoded and checked, and every node locatable as a file, line and column.
#pragma once

#include "entity_expansion.hpp"
#include "line_index.hpp"

#include <fascicle/diagnostics.hpp>

#include <pugixml.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <unordered_map>
#include <vector>
#include <memory>
#include <set>
#include <string>
#include <string_view>

namespace fascicle::docbook {

inline constexpr std::string_view xml_namespace = "http://www.w3.org/XML/1998/namespace";

// How an input is loaded, and where it is (for XInclude: included files resolve against it).
struct XmlLoadSettings {
    std::string file;             // its name in diagnostics
    std::filesystem::path path;   // the file; empty for standard input (includes then resolve
                                  // against the current folder)
    std::size_t max_depth = 256;  // elements nested deeper are refused
    std::uint64_t max_input_size = std::uint64_t(256) << 20;  // of each included file too
    bool include_outside = false;  // XInclude may read files outside the top document's folder tree
};

// Something the source held that is left out before any element is read (an external entity's
// reference), for the loss report.
struct SourceLoss {
    std::string file;
    std::size_t line = 0;
    std::string what;
    std::string fate;
};

class XmlSource {
public:
    // Elements nested deeper than `max_depth` are refused (the readers walk the tree recursively):
    // 256 unless --max-nesting says otherwise, and never more than most_depth.
    static constexpr std::size_t default_max_depth = 256;
    static constexpr std::size_t most_depth = 1000;
    // Files included into files included into ... the top document.
    static constexpr std::size_t most_include_depth = 32;

    // Loads a whole input, its XIncludes resolved. Errors go to `diagnostics` with
    // file:line:column, and the result is then null.
    static std::unique_ptr<XmlSource> load(std::string bytes, const XmlLoadSettings& settings,
                                           DiagnosticSink& diagnostics);

    XmlSource(const XmlSource&) = delete;
    XmlSource& operator=(const XmlSource&) = delete;

    const std::string& file() const { return file_; }
    pugi::xml_node root() const { return document_.document_element(); }

    // Where a node starts (an element: its '<'); line 0 when pugixml cannot tell.
    TextPosition position(pugi::xml_node node) const;
    // The file a node comes from: the top document's, or an included one's.
    const std::string& file_of(pugi::xml_node node) const;
    // The folder relative paths in a node resolve against (its file's); empty for standard input.
    std::filesystem::path folder_of(pugi::xml_node node) const;
    // The top document's folder: paths that leave it are refused unless allowed.
    const std::filesystem::path& top_folder() const { return top_folder_; }

    // The text of a character data or CDATA node, references decoded.
    std::string text(pugi::xml_node node) const;
    // An attribute's value, references decoded; empty when the element has no such attribute.
    std::string attribute(pugi::xml_node element, std::string_view qualified_name) const;
    // The value of the attribute `local_name` in `namespace_uri`, whatever its prefix.
    std::string attribute(pugi::xml_node element, std::string_view namespace_uri, std::string_view local_name) const;

    // pugixml is not namespace-aware: an element's namespace, from the xmlns declarations in scope.
    std::string namespace_of(pugi::xml_node element) const;
    static std::string_view local_name(pugi::xml_node element);

    // Every xml:id value in the document.
    const std::set<std::string>& xml_ids() const { return xml_ids_; }
    // What was left out before the tree was read.
    const std::vector<SourceLoss>& losses() const { return losses_; }

private:
    friend class XIncludeResolver;

    XmlSource(std::string file, std::filesystem::path path);
    // Decodes, expands and parses; no XInclude, no checks of the tree.
    bool parse(std::string bytes, std::uint64_t max_input_size, DiagnosticSink& diagnostics);
    bool check_nodes(DiagnosticSink& diagnostics, std::size_t max_depth);
    std::string namespace_for_prefix(pugi::xml_node element, std::string_view prefix) const;
    TextPosition position_at(std::size_t text_offset) const;
    // Copies `original` (a node of `from`) before `before` in this document, with the positions,
    // files and folders of the copied nodes.
    pugi::xml_node adopt(pugi::xml_node before, pugi::xml_node original, const XmlSource& from);

    struct Origin {
        std::size_t file;  // index in files_
        TextPosition at;
    };

    std::string file_;
    std::filesystem::path path_;
    std::filesystem::path top_folder_;
    LineIndex lines_;
    ExpandedSource expanded_;  // its text moved to bytes_: where the parsed bytes come from
    std::string bytes_;  // parsed in place: the document's nodes point into it
    pugi::xml_document document_;
    std::set<std::string> xml_ids_;
    std::vector<SourceLoss> losses_;
    std::vector<std::string> files_;  // of included nodes
    std::unordered_map<const void*, Origin> origins_;
    std::unordered_map<const void*, std::filesystem::path> folders_;  // of included roots
};

}  // namespace fascicle::docbook
