// A private temporary folder that holds each chapter's XHTML from the moment the article is
// written until the archive is closed: libzip reads its sources only when the archive is
// written, and this keeps the book out of memory meanwhile.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

namespace quire::epub {

class ChapterSpool {
public:
    // Creates the folder under the system's temporary folder; nullptr (and `error`) on failure.
    static std::unique_ptr<ChapterSpool> create(std::string& error);
    ~ChapterSpool();  // removes the folder and everything in it

    ChapterSpool(const ChapterSpool&) = delete;
    ChapterSpool& operator=(const ChapterSpool&) = delete;

    // Where a file of this name goes.
    std::filesystem::path file(const std::string& name) const { return folder_ / name; }

private:
    explicit ChapterSpool(std::filesystem::path folder) : folder_(std::move(folder)) {}
    std::filesystem::path folder_;
};

}  // namespace quire::epub
