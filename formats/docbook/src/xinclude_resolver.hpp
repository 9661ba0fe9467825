// XInclude (https://www.w3.org/TR/xinclude/) as real DocBook books use it: <xi:include href="..."
// parse="xml|text" xpointer="id"/> of local files, relative to the including file, with
// <xi:fallback> when a file cannot be read. A file outside the top document's folder tree is
// refused unless the user allows it; a file that includes itself (through any chain) is refused,
// and so is a chain deeper than XmlSource::most_include_depth. Nothing is fetched over a network.
#pragma once

#include "xml_source.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace fascicle::docbook {

inline constexpr std::string_view xinclude_namespace = "http://www.w3.org/2001/XInclude";
inline constexpr std::string_view old_xinclude_namespace = "http://www.w3.org/2003/XInclude";
// The reader option that lets includes and images name files outside the input's folder.
inline constexpr const char* allow_outside_option = "docbook-allow-outside";

class XIncludeResolver {
public:
    XIncludeResolver(const XmlLoadSettings& settings, DiagnosticSink& diagnostics)
        : settings_(settings), diagnostics_(diagnostics) {}

    // Replaces every xi:include of `source` by what it includes; false after an error (reported).
    bool resolve(XmlSource& source);

private:
    bool resolve(XmlSource& source, std::vector<std::filesystem::path>& open);
    bool include(XmlSource& source, pugi::xml_node element, std::vector<std::filesystem::path>& open);
    bool fail(const XmlSource& source, pugi::xml_node at, const std::string& message);

    const XmlLoadSettings& settings_;
    DiagnosticSink& diagnostics_;
};

}  // namespace fascicle::docbook
