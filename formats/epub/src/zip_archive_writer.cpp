#include "zip_archive_writer.hpp"

#include <zip.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sys/stat.h>

namespace fascicle::epub {

namespace {

// Every entry's timestamp: 1980-01-01 00:00:00, the first moment a zip (DOS) date can hold.
// libzip turns a time_t into the zip's date fields through local time, so the time_t is made
// from local time too: the fields then come out the same in every time zone.
std::time_t entry_time() {
    std::tm fields{};
    fields.tm_year = 80;
    fields.tm_mon = 0;
    fields.tm_mday = 1;
    fields.tm_isdst = -1;
    return std::mktime(&fields);
}

// rw-r--r-- regular file, as an Unix "external attribute".
constexpr zip_uint32_t entry_attributes = (S_IFREG | 0644u) << 16;

// The deflate level of the entries libzip compresses (all but the chapters): zlib's default. On
// the corpus, level 9 made the navigation documents 2% smaller for twice the time.
constexpr zip_uint32_t deflate_level = 6;
// General purpose bits 1 and 2 of a deflated entry say how hard it was compressed (APPNOTE
// 4.4.4): 00 is "normal", levels 3 to 7. Entries libzip compresses itself get them from its
// deflater; those compressed apart (EntryCompressor) get them from CompressedRangeSource.
constexpr zip_uint16_t deflate_level_bits = 0x0000;
constexpr zip_uint16_t deflate_level_mask = 0x0006;

// A libzip source of data compressed already: a range of a file, announced with its method,
// CRC and size, so that libzip copies it into the archive without compressing it again.
class CompressedRangeSource {
public:
    // `file` must outlive the source (it is the spool's).
    CompressedRangeSource(const std::filesystem::path& file, const CompressedRange& range)
        : file_(file), range_(range) {
        zip_error_init(&error_);
    }
    ~CompressedRangeSource() { zip_error_fini(&error_); }

    static zip_int64_t callback(void* self, void* data, zip_uint64_t length, zip_source_cmd_t command) {
        return static_cast<CompressedRangeSource*>(self)->handle(data, length, command);
    }

private:
    zip_int64_t handle(void* data, zip_uint64_t length, zip_source_cmd_t command) {
        switch (command) {
            case ZIP_SOURCE_OPEN:
                // Opened only while libzip copies it: a book has thousands of these.
                in_ = std::make_unique<std::ifstream>(file_, std::ios::binary);
                in_->seekg(static_cast<std::streamoff>(range_.offset));
                if (!*in_) return fail(ZIP_ER_OPEN);
                left_ = range_.length;
                return 0;
            case ZIP_SOURCE_READ: {
                const auto n = std::min<zip_uint64_t>(length, left_);
                in_->read(static_cast<char*>(data), static_cast<std::streamsize>(n));
                if (static_cast<zip_uint64_t>(in_->gcount()) != n) return fail(ZIP_ER_READ);
                left_ -= n;
                return static_cast<zip_int64_t>(n);
            }
            case ZIP_SOURCE_CLOSE: in_.reset(); return 0;
            case ZIP_SOURCE_STAT: {
                auto* st = ZIP_SOURCE_GET_ARGS(zip_stat_t, data, length, &error_);
                if (!st) return -1;
                zip_stat_init(st);
                st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC |
                            ZIP_STAT_ENCRYPTION_METHOD;
                st->size = range_.size;
                st->comp_size = range_.length;
                st->comp_method = range_.deflated ? ZIP_CM_DEFLATE : ZIP_CM_STORE;
                st->crc = range_.crc;
                st->encryption_method = ZIP_EM_NONE;
                return sizeof(zip_stat_t);
            }
            case ZIP_SOURCE_GET_FILE_ATTRIBUTES: {
                auto* attributes = ZIP_SOURCE_GET_ARGS(zip_file_attributes_t, data, length, &error_);
                if (!attributes) return -1;
                if (range_.deflated) {
                    attributes->valid |= ZIP_FILE_ATTRIBUTES_GENERAL_PURPOSE_BIT_FLAGS;
                    attributes->general_purpose_bit_flags = deflate_level_bits;
                    attributes->general_purpose_bit_mask = deflate_level_mask;
                }
                return sizeof(zip_file_attributes_t);
            }
            case ZIP_SOURCE_ERROR: return zip_error_to_data(&error_, data, length);
            case ZIP_SOURCE_FREE: delete this; return 0;
            case ZIP_SOURCE_SUPPORTS:
                return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                                      ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
                                                      ZIP_SOURCE_SUPPORTS, ZIP_SOURCE_GET_FILE_ATTRIBUTES, -1);
            default: return fail(ZIP_ER_OPNOTSUPP);
        }
    }

    zip_int64_t fail(int code) {
        zip_error_set(&error_, code, errno);
        return -1;
    }

    const std::filesystem::path& file_;
    CompressedRange range_;
    std::unique_ptr<std::ifstream> in_;
    std::uint64_t left_ = 0;
    zip_error_t error_;
};

}  // namespace

std::unique_ptr<ZipArchiveWriter> ZipArchiveWriter::create(const std::filesystem::path& path,
                                                           std::string& error) {
    int code = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (!archive) {
        zip_error_t details;
        zip_error_init_with_code(&details, code);
        error = std::string("cannot create ") + path.string() + ": " + zip_error_strerror(&details);
        zip_error_fini(&details);
        return nullptr;
    }
    return std::unique_ptr<ZipArchiveWriter>(new ZipArchiveWriter(archive));
}

ZipArchiveWriter::~ZipArchiveWriter() {
    if (archive_) zip_discard(archive_);
}

bool ZipArchiveWriter::configure(long long index, const std::string& name, std::optional<Compression> compression) {
    const auto i = static_cast<zip_uint64_t>(index);
    bool ok = zip_file_set_mtime(archive_, i, entry_time(), 0) == 0 &&
              zip_file_set_external_attributes(archive_, i, 0, ZIP_OPSYS_UNIX, entry_attributes) == 0;
    // Without a compression, the entry keeps the one its source says its data has.
    if (ok && compression)
        ok = zip_set_file_compression(archive_, i, *compression == Compression::store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                                      *compression == Compression::store ? 0 : deflate_level) == 0;
    if (!ok) error_ = "cannot set up zip entry " + name + ": " + zip_strerror(archive_);
    return ok;
}

bool ZipArchiveWriter::add_source(const std::string& name, zip_source_t* source, std::optional<Compression> compression) {
    const zip_int64_t index = zip_file_add(archive_, name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
        zip_source_free(source);
        error_ = "cannot add " + name + ": " + zip_strerror(archive_);
        return false;
    }
    return configure(index, name, compression);
}

bool ZipArchiveWriter::add_bytes(const std::string& name, std::string_view bytes, Compression compression) {
    // libzip keeps the source until close: it gets a copy it frees itself.
    void* copy = std::malloc(bytes.empty() ? 1 : bytes.size());
    if (!copy) {
        error_ = "out of memory adding " + name;
        return false;
    }
    std::memcpy(copy, bytes.data(), bytes.size());
    zip_source_t* source = zip_source_buffer(archive_, copy, bytes.size(), 1);
    if (!source) {
        std::free(copy);
        error_ = "cannot add " + name + ": " + zip_strerror(archive_);
        return false;
    }
    return add_source(name, source, compression);
}

bool ZipArchiveWriter::add_file(const std::string& name, const std::filesystem::path& file,
                                Compression compression) {
    zip_source_t* source = zip_source_file(archive_, file.c_str(), 0, -1);
    if (!source) {
        error_ = "cannot add " + file.string() + ": " + zip_strerror(archive_);
        return false;
    }
    return add_source(name, source, compression);
}

bool ZipArchiveWriter::add_compressed(const std::string& name, const std::filesystem::path& file,
                                      const CompressedRange& range) {
    auto* data = new CompressedRangeSource(file, range);
    zip_source_t* source = zip_source_function(archive_, &CompressedRangeSource::callback, data);
    if (!source) {
        delete data;
        error_ = "cannot add " + name + ": " + zip_strerror(archive_);
        return false;
    }
    // A deflated entry takes the method of its source's data; a stored one must be told.
    return add_source(name, source, range.deflated ? std::nullopt : std::optional(Compression::store));
}

bool ZipArchiveWriter::close() {
    if (zip_close(archive_) != 0) {
        error_ = std::string("cannot write the archive: ") + zip_strerror(archive_);
        return false;  // the destructor discards it
    }
    archive_ = nullptr;
    return true;
}

}  // namespace fascicle::epub
