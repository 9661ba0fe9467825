// libFuzzer target: the INI book metadata parser (book.ini, --metadata-file) over arbitrary bytes.
// The parser reads a file, so each input goes through one file of this process's own.
#include <fascicle/host/book_config.hpp>

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

class DiscardingDiagnostics final : public fascicle::DiagnosticSink {
public:
    void report(const fascicle::Diagnostic&) override {}
};

const std::filesystem::path& scratch_file() {
    static const std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("fascicle-fuzz-book-config-" + std::to_string(getpid()) + ".ini");
    return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    {
        std::ofstream out(scratch_file(), std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    fascicle::host::BookConfig config;
    DiscardingDiagnostics diagnostics;
    if (fascicle::host::read_book_config(scratch_file(), config, diagnostics)) {
        fascicle::Article article;
        article.id = "a";
        config.apply_to(article);
    }
    return 0;
}
