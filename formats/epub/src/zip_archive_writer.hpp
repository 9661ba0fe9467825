// A zip archive written with libzip so that the same entries always give the same bytes:
// entries in the order they are added, one fixed timestamp, fixed permissions, and a fixed
// compression level.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct zip;
struct zip_source;

namespace quire::epub {

// An entry's content compressed as the archive stores it (raw deflate data, or the bytes as
// they are when deflating would not make them smaller), with the CRC-32 and size of the bytes it
// holds. Made apart from the archive, so that entries can be compressed on several threads at
// once and the archive only copies them.
struct CompressedContent {
    std::string data;
    bool deflated = true;  // false: stored
    std::uint32_t crc = 0;
    std::uint64_t size = 0;
};

// Compressed data kept in a file until the archive is written: where it is, and what
// CompressedContent says of it.
struct CompressedRange {
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
    bool deflated = true;
    std::uint32_t crc = 0;
    std::uint64_t size = 0;
};

// `bytes` compressed as the archive compresses its entries; nullopt (and `error`) when libzip
// failed. (libzip does the compressing: it is the one compression library the writer links.)
std::optional<CompressedContent> compress_content(std::string_view bytes, std::string& error);

class ZipArchiveWriter {
public:
    enum class Compression { store, deflate };

    // Creates (or truncates) the archive at `path`; nullptr (and `error`) on failure.
    static std::unique_ptr<ZipArchiveWriter> create(const std::filesystem::path& path, std::string& error);
    ~ZipArchiveWriter();  // discards the archive unless close() succeeded

    ZipArchiveWriter(const ZipArchiveWriter&) = delete;
    ZipArchiveWriter& operator=(const ZipArchiveWriter&) = delete;

    // Adds an entry holding a copy of `bytes`.
    bool add_bytes(const std::string& name, std::string_view bytes, Compression compression);
    // Adds an entry holding the file's contents, read when the archive is closed.
    bool add_file(const std::string& name, const std::filesystem::path& file, Compression compression);
    // Adds an entry whose data compress_content made, kept in `file` at `range`: copied as it
    // is when the archive is closed. `file` must live until then.
    bool add_compressed(const std::string& name, const std::filesystem::path& file, const CompressedRange& range);
    // Writes the archive.
    bool close();

    // What went wrong, after a call returned false.
    const std::string& error() const { return error_; }

private:
    explicit ZipArchiveWriter(struct zip* archive) : archive_(archive) {}
    bool add_source(const std::string& name, ::zip_source* source, std::optional<Compression> compression);
    bool configure(long long index, const std::string& name, std::optional<Compression> compression);

    struct zip* archive_;
    std::string error_;
};

}  // namespace quire::epub
