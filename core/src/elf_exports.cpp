#include <fascicle/host/elf_exports.hpp>

#include <elf.h>

#include <bit>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <limits>

namespace fascicle::host {

namespace {

// This machine's ELF class: a plugin of another word size could not be loaded anyway.
#if UINTPTR_MAX == 0xffffffffffffffffu
using Ehdr = Elf64_Ehdr;
using Shdr = Elf64_Shdr;
using Sym = Elf64_Sym;
constexpr unsigned char elf_class = ELFCLASS64;
#define FASCICLE_ELF_ST_BIND ELF64_ST_BIND
#define FASCICLE_ELF_ST_VISIBILITY ELF64_ST_VISIBILITY
#else
using Ehdr = Elf32_Ehdr;
using Shdr = Elf32_Shdr;
using Sym = Elf32_Sym;
constexpr unsigned char elf_class = ELFCLASS32;
#define FASCICLE_ELF_ST_BIND ELF32_ST_BIND
#define FASCICLE_ELF_ST_VISIBILITY ELF32_ST_VISIBILITY
#endif

constexpr unsigned char elf_data = std::endian::native == std::endian::little ? ELFDATA2LSB : ELFDATA2MSB;

// A symbol table or its names larger than this is not a plugin's (ours export a few thousand).
constexpr std::uint64_t max_table_bytes = 64u << 20;

bool read_at(std::ifstream& in, std::uint64_t offset, void* into, std::size_t size) {
    if (offset > static_cast<std::uint64_t>(std::numeric_limits<std::streamoff>::max())) return false;
    in.seekg(static_cast<std::streamoff>(offset));
    in.read(static_cast<char*>(into), static_cast<std::streamsize>(size));
    return static_cast<std::size_t>(in.gcount()) == size;
}

template <class T>
bool read_at(std::ifstream& in, std::uint64_t offset, T& into) {
    return read_at(in, offset, &into, sizeof into);
}

}  // namespace

std::optional<std::vector<std::string>> elf_exported_names(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    Ehdr header{};
    if (!in || !read_at(in, 0, header)) return std::nullopt;
    if (std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0 || header.e_ident[EI_CLASS] != elf_class ||
        header.e_ident[EI_DATA] != elf_data || header.e_type != ET_DYN || header.e_shentsize != sizeof(Shdr) ||
        header.e_shnum == 0)
        return std::nullopt;

    std::vector<Shdr> sections(header.e_shnum);
    if (!read_at(in, header.e_shoff, sections.data(), sections.size() * sizeof(Shdr))) return std::nullopt;
    for (const Shdr& table : sections) {
        if (table.sh_type != SHT_DYNSYM) continue;
        if (table.sh_link >= sections.size() || table.sh_entsize != sizeof(Sym) || table.sh_size > max_table_bytes)
            return std::nullopt;
        const Shdr& names_section = sections[table.sh_link];
        if (names_section.sh_type != SHT_STRTAB || names_section.sh_size > max_table_bytes) return std::nullopt;

        std::vector<Sym> symbols(table.sh_size / sizeof(Sym));
        std::string names(names_section.sh_size, '\0');
        if (!read_at(in, table.sh_offset, symbols.data(), symbols.size() * sizeof(Sym)) ||
            !read_at(in, names_section.sh_offset, names.data(), names.size()))
            return std::nullopt;

        std::vector<std::string> exported;
        for (const Sym& symbol : symbols) {
            const auto binding = FASCICLE_ELF_ST_BIND(symbol.st_info);
            if (symbol.st_shndx == SHN_UNDEF || (binding != STB_GLOBAL && binding != STB_WEAK) ||
                FASCICLE_ELF_ST_VISIBILITY(symbol.st_other) != STV_DEFAULT || symbol.st_name >= names.size())
                continue;
            exported.emplace_back(names.c_str() + symbol.st_name);  // c_str(): ends at the table's end
        }
        return exported;
    }
    return std::vector<std::string>{};  // no dynamic symbols: exports nothing
}

}  // namespace fascicle::host
