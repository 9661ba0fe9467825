#include "chapter_spool.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <system_error>

namespace quire::epub {

std::unique_ptr<ChapterSpool> ChapterSpool::create(std::string& error) {
    std::error_code ec;
    const std::filesystem::path temp = std::filesystem::temp_directory_path(ec);
    if (ec) {
        error = "no temporary folder: " + ec.message();
        return nullptr;
    }
    std::string pattern = (temp / "quire-epub-XXXXXX").string();
    if (!mkdtemp(pattern.data())) {
        error = "cannot create a temporary folder in " + temp.string() + ": " + std::strerror(errno);
        return nullptr;
    }
    return std::unique_ptr<ChapterSpool>(new ChapterSpool(pattern));
}

ChapterSpool::~ChapterSpool() {
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
}

}  // namespace quire::epub
