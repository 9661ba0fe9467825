// META-INF/container.xml: the one file every EPUB has at a fixed place, naming the package
// document.
#pragma once

#include "epub_diagnostics.hpp"
#include "xml_entry.hpp"

#include <optional>
#include <string>

namespace fascicle::epub::reader {

inline constexpr const char* container_entry = "META-INF/container.xml";

// The entry name of the package document (the first rootfile of the OPF media type); nullopt,
// with an error, when the container names none.
std::optional<std::string> package_document_path(const XmlEntry& container, EpubDiagnostics& diagnostics);

}  // namespace fascicle::epub::reader
