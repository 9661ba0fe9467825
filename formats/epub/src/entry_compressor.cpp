#include "entry_compressor.hpp"

#include <libdeflate.h>

#include <memory>
#include <new>

namespace fascicle::epub {

namespace {

// The deflate level of the chapters: libdeflate's default. Its levels are not zlib's: at 6 it
// compresses the corpus's chapters 1% smaller than zlib at 6, in about two thirds of the
// instructions (callgrind, 200 generated articles).
constexpr int deflate_level = 6;

}  // namespace

void EntryCompressor::FreeCompressor::operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }

EntryCompressor::EntryCompressor() = default;
EntryCompressor::~EntryCompressor() = default;

EntryCompressor::Compressor EntryCompressor::take() const {
    {
        std::lock_guard lock(mutex_);
        if (!idle_.empty()) {
            Compressor c = std::move(idle_.back());
            idle_.pop_back();
            return c;
        }
    }
    return Compressor(libdeflate_alloc_compressor(deflate_level));
}

void EntryCompressor::give_back(Compressor c) const {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(c));
}

std::optional<CompressedContent> EntryCompressor::compress(std::string_view bytes, std::string& error) const {
    Compressor compressor = take();
    if (!compressor) {
        error = "cannot compress: out of memory for a deflate compressor";
        return std::nullopt;
    }
    CompressedContent content;
    content.crc = libdeflate_crc32(0, bytes.data(), bytes.size());
    content.size = bytes.size();
    // Into a buffer left uninitialized: the bound is larger than the input, and zero-filling it
    // (as resizing a string does) would make all of it resident for a long chapter.
    const std::size_t bound = libdeflate_deflate_compress_bound(compressor.get(), bytes.size());
    const std::unique_ptr<char[]> buffer(new (std::nothrow) char[bound]);
    if (!buffer) {
        give_back(std::move(compressor));
        error = "cannot compress: out of memory for the compressed chapter";
        return std::nullopt;
    }
    const std::size_t length =
        libdeflate_deflate_compress(compressor.get(), bytes.data(), bytes.size(), buffer.get(), bound);
    give_back(std::move(compressor));
    // As zip tools do: what deflate would not make smaller is stored.
    if (length == 0 || length >= bytes.size()) {
        content.deflated = false;
        content.data.assign(bytes);
    } else {
        content.data.assign(buffer.get(), length);
    }
    return content;
}

}  // namespace fascicle::epub
