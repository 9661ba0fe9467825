// Compresses archive entries apart from the archive, on any thread, so that the chapters of a
// book are deflated in parallel and the archive only copies them (ZipArchiveWriter::add_compressed).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct libdeflate_compressor;

namespace fascicle::epub {

// An entry's content compressed as the archive stores it (raw deflate data, or the bytes as
// they are when deflating would not make them smaller), with the CRC-32 and size of the bytes it
// holds.
struct CompressedContent {
    std::string data;
    bool deflated = true;  // false: stored
    std::uint32_t crc = 0;
    std::uint64_t size = 0;
};

// libdeflate (whole-buffer deflate, faster than zlib at the same ratio), one compressor
// per thread compressing at the moment: a compressor's state is large, so they are kept and
// reused, not made for each entry.
class EntryCompressor {
public:
    EntryCompressor();
    ~EntryCompressor();
    EntryCompressor(const EntryCompressor&) = delete;
    EntryCompressor& operator=(const EntryCompressor&) = delete;

    // `bytes` compressed; nullopt (and `error`) when no compressor could be made. Thread-safe.
    std::optional<CompressedContent> compress(std::string_view bytes, std::string& error) const;

private:
    struct FreeCompressor {
        void operator()(libdeflate_compressor* c) const;
    };
    using Compressor = std::unique_ptr<libdeflate_compressor, FreeCompressor>;

    Compressor take() const;
    void give_back(Compressor c) const;

    mutable std::mutex mutex_;
    mutable std::vector<Compressor> idle_;
};

}  // namespace fascicle::epub
