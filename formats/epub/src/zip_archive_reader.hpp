// A zip archive opened for reading with libzip, checked before anything is taken from it: every
// name in the central directory must stay inside the archive, and no entry may declare, or
// actually inflate to, more bytes than the limits allow (zip bombs).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct zip;

namespace fascicle::epub::reader {

struct ArchiveLimits {
    std::uint64_t entry_bytes = std::uint64_t(64) << 20;  // uncompressed, per entry
    std::uint64_t total_bytes = std::uint64_t(1) << 30;   // uncompressed, all entries; and the archive itself
    // Uncompressed : compressed. Deflate cannot do better than about 1032:1; text compresses
    // about 3 to 10 times. Entries of up to `ratio_exempt_bytes` are not held to it.
    std::uint64_t expansion_ratio = 100;
    std::uint64_t ratio_exempt_bytes = std::uint64_t(1) << 20;
};

// "64 MiB", "1 GiB", "1000 bytes": a size as the messages say it.
std::string describe_size(std::uint64_t bytes);

class ZipArchiveReader {
public:
    // Opens the archive at `path` and checks its central directory; nullptr and `error` (a
    // sentence, naming the offending entry) when it is not a zip or not a safe one.
    static std::unique_ptr<ZipArchiveReader> open_file(const std::filesystem::path& path, const ArchiveLimits& limits,
                                                       std::string& error);
    // The same for an archive held in memory (standard input).
    static std::unique_ptr<ZipArchiveReader> open_bytes(std::string bytes, const ArchiveLimits& limits,
                                                        std::string& error);
    ~ZipArchiveReader();
    ZipArchiveReader(const ZipArchiveReader&) = delete;
    ZipArchiveReader& operator=(const ZipArchiveReader&) = delete;

    // Entry names in archive order.
    const std::vector<std::string>& names() const { return names_; }
    bool contains(const std::string& name) const { return index_.count(name) != 0; }
    // The one entry whose name differs from `name` only in letter case, if there is exactly one.
    std::optional<std::string> find_ignoring_case(const std::string& name) const;

    // An entry's bytes, read in chunks and refused as soon as they pass what its header declared
    // (which the limits already bound); nullopt and `error` on failure.
    std::optional<std::string> read(const std::string& name, std::string& error);

private:
    ZipArchiveReader(struct zip* archive, std::string bytes, const ArchiveLimits& limits);
    static std::unique_ptr<ZipArchiveReader> checked(std::unique_ptr<ZipArchiveReader> reader, std::string& error);
    bool check_central_directory(std::string& error);

    struct zip* archive_;
    std::string bytes_;  // the archive itself, when opened from memory (libzip reads it in place)
    ArchiveLimits limits_;
    std::vector<std::string> names_;
    std::map<std::string, std::uint64_t> index_;     // name -> entry index
    std::map<std::string, std::uint64_t> declared_;  // name -> declared uncompressed size
    std::uint64_t total_read_ = 0;
};

}  // namespace fascicle::epub::reader
