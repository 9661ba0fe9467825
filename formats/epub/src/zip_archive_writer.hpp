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

namespace fascicle::epub {

// Compressed data kept in a file until the archive is written: where it is, and what
// CompressedContent (entry_compressor.hpp) says of it.
struct CompressedRange {
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
    bool deflated = true;
    std::uint32_t crc = 0;
    std::uint64_t size = 0;
};

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
    // Adds an entry whose data EntryCompressor made, kept in `file` at `range`: copied as it
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

}  // namespace fascicle::epub
