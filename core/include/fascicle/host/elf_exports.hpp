// The names a shared library exports, read from its file without loading it (no code of it runs).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace fascicle::host {

// The symbols an ELF shared object defines in its dynamic symbol table (.dynsym: what dlsym can
// find, and what `strip` keeps), global or weak and visible. nullopt for a file that is not a
// well-formed ELF shared object of this machine's word size and byte order.
std::optional<std::vector<std::string>> elf_exported_names(const std::filesystem::path& file);

}  // namespace fascicle::host
