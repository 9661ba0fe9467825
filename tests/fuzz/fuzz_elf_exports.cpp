// libFuzzer target: reading a shared library's exported names (the plugin registry's first look at
// every file in a plugin folder, before anything is loaded) over arbitrary bytes. It reads a file,
// so each input goes through one file of this process's own.
#include <fascicle/host/elf_exports.hpp>

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

const std::filesystem::path& scratch_file() {
    static const std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("fascicle-fuzz-elf-exports-" + std::to_string(getpid()) + ".so");
    return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    {
        std::ofstream out(scratch_file(), std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    (void)fascicle::host::elf_exported_names(scratch_file());
    return 0;
}
