// A private temporary folder that holds the chapters, compressed, from the moment each article
// is written until the archive is closed: libzip reads its sources only when the archive is
// written, and this keeps the book out of memory meanwhile.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace fascicle::epub {

class ChapterSpool {
public:
    // Creates the folder under the system's temporary folder; nullptr (and `error`) on failure.
    static std::unique_ptr<ChapterSpool> create(std::string& error);
    ~ChapterSpool();  // removes the folder and everything in it

    ChapterSpool(const ChapterSpool&) = delete;
    ChapterSpool& operator=(const ChapterSpool&) = delete;

    // Where a file of this name goes.
    std::filesystem::path file(const std::string& name) const { return folder_ / name; }

    // The chapters' data, one after the other in one file (thousands of small files would cost
    // the file system more than writing them).
    const std::filesystem::path& chapters_file() const { return chapters_path_; }
    // Appends to chapters_file(); returns the offset the bytes start at, or nullopt when the write failed.
    std::optional<std::uint64_t> append_chapter(std::string_view bytes);
    // Makes everything appended readable from chapters_file(); false when the writes failed.
    bool flush_chapters();

private:
    explicit ChapterSpool(std::filesystem::path folder);
    std::filesystem::path folder_;
    std::filesystem::path chapters_path_;
    std::ofstream chapters_;
    std::uint64_t chapters_size_ = 0;
};

}  // namespace fascicle::epub
