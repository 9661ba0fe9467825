// Book metadata files: an INI file whose top-level keys (or [book] section) describe the book and
// whose [article ID] sections describe one article each.
#pragma once

#include <fascicle/diagnostics.hpp>
#include <fascicle/ir.hpp>

#include <filesystem>
#include <map>
#include <string>

namespace fascicle::host {

struct BookConfig {
    Metadata book;
    std::map<std::string, Metadata> articles;  // by article id

    // Copies every value `other` sets over this one.
    void merge_from(const BookConfig& other);
    // Applies the [article ID] values to an article: its metadata, and its title when one is given.
    void apply_to(Article& article) const;
};

// Reads an INI file (Boost.Program_options' syntax: `key = value`, `[section]`, `#` comments) into
// `config`, over what it holds. Returns false, with a diagnostic naming the file and line, on error.
bool read_book_config(const std::filesystem::path& file, BookConfig& config, DiagnosticSink& diagnostics);

}  // namespace fascicle::host
