#include "zip_archive_writer.hpp"

#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <ctime>
#include <sys/stat.h>

namespace quire::epub {

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

bool ZipArchiveWriter::configure(long long index, const std::string& name, Compression compression) {
    const auto i = static_cast<zip_uint64_t>(index);
    const bool ok =
        zip_set_file_compression(archive_, i, compression == Compression::store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                                 compression == Compression::store ? 0 : 9) == 0 &&
        zip_file_set_mtime(archive_, i, entry_time(), 0) == 0 &&
        zip_file_set_external_attributes(archive_, i, 0, ZIP_OPSYS_UNIX, entry_attributes) == 0;
    if (!ok) error_ = "cannot set up zip entry " + name + ": " + zip_strerror(archive_);
    return ok;
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
    const zip_int64_t index = zip_file_add(archive_, name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
        zip_source_free(source);
        error_ = "cannot add " + name + ": " + zip_strerror(archive_);
        return false;
    }
    return configure(index, name, compression);
}

bool ZipArchiveWriter::add_file(const std::string& name, const std::filesystem::path& file,
                                Compression compression) {
    zip_source_t* source = zip_source_file(archive_, file.c_str(), 0, -1);
    if (!source) {
        error_ = "cannot add " + file.string() + ": " + zip_strerror(archive_);
        return false;
    }
    const zip_int64_t index = zip_file_add(archive_, name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
        zip_source_free(source);
        error_ = "cannot add " + name + ": " + zip_strerror(archive_);
        return false;
    }
    return configure(index, name, compression);
}

bool ZipArchiveWriter::close() {
    if (zip_close(archive_) != 0) {
        error_ = std::string("cannot write the archive: ") + zip_strerror(archive_);
        return false;  // the destructor discards it
    }
    archive_ = nullptr;
    return true;
}

}  // namespace quire::epub
