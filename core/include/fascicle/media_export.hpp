// Writing a book's images out as files beside a document that refers to them, the way pandoc's
// --extract-media does: for the formats that cannot hold the bytes (DocBook, Markdown, HTML).
#pragma once

#include <fascicle/diagnostics.hpp>
#include <fascicle/ir.hpp>

#include <filesystem>
#include <set>
#include <string>
#include <string_view>

namespace fascicle {

// A relative path that stays inside the folder it is resolved against: no root, no "..", no
// empty or "." part, no backslash or NUL. What a resource name must be before it becomes a file.
bool is_contained_relative_path(std::string_view path);

// The images of an article that are among the book's resources (by name).
void add_image_resources(const Article& article, const Resources& resources, std::set<std::string>& into);

// Copies each named resource to `folder`/name, creating folders. Reports every failure (a name
// that would leave the folder, a source that cannot be read, a file that cannot be written);
// false when anything failed.
bool export_media(const std::set<std::string>& names, const Resources& resources,
                  const std::filesystem::path& folder, DiagnosticSink& diagnostics);

}  // namespace fascicle
