#include "chapter_spool.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <system_error>

namespace fascicle::epub {

std::unique_ptr<ChapterSpool> ChapterSpool::create(std::string& error) {
    std::error_code ec;
    const std::filesystem::path temp = std::filesystem::temp_directory_path(ec);
    if (ec) {
        error = "no temporary folder: " + ec.message();
        return nullptr;
    }
    std::string pattern = (temp / "fascicle-epub-XXXXXX").string();
    if (!mkdtemp(pattern.data())) {
        error = "cannot create a temporary folder in " + temp.string() + ": " + std::strerror(errno);
        return nullptr;
    }
    std::unique_ptr<ChapterSpool> spool(new ChapterSpool(pattern));
    if (!spool->chapters_) {
        error = "cannot create " + spool->chapters_path_.string() + ": " + std::strerror(errno);
        return nullptr;
    }
    return spool;
}

ChapterSpool::ChapterSpool(std::filesystem::path folder)
    : folder_(std::move(folder)), chapters_path_(folder_ / "chapters"), chapters_(chapters_path_, std::ios::binary) {}

ChapterSpool::~ChapterSpool() {
    chapters_.close();
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
}

std::optional<std::uint64_t> ChapterSpool::append_chapter(std::string_view bytes) {
    const std::uint64_t offset = chapters_size_;
    chapters_.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!chapters_) return std::nullopt;
    chapters_size_ += bytes.size();
    return offset;
}

bool ChapterSpool::flush_chapters() { return static_cast<bool>(chapters_.flush()); }

}  // namespace fascicle::epub
