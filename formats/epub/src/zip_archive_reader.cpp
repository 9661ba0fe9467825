#include "zip_archive_reader.hpp"

#include "archive_paths.hpp"

#include <zip.h>

#include <array>
#include <cctype>
#include <fstream>

namespace fascicle::epub::reader {

namespace {

constexpr std::string_view local_header_signature = "PK\x03\x04";

std::string quoted(const std::string& name) { return "\"" + name + "\""; }

std::string libzip_message(int code) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    return message;
}

std::string lower(std::string s) {
    for (auto& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Why libzip would not open the archive, said for a reader of the diagnostics. An archive that
// starts like a zip but has no readable central directory was cut short or damaged.
std::string open_failure(int code, bool starts_like_zip) {
    const std::string detail = " (" + libzip_message(code) + ")";
    switch (code) {
        case ZIP_ER_NOZIP:
        case ZIP_ER_INCONS:
        case ZIP_ER_EOF:
            return starts_like_zip ? "not an EPUB: the zip archive is truncated or damaged" + detail
                                   : "not an EPUB: not a zip archive" + detail;
        case ZIP_ER_OPEN:
        case ZIP_ER_READ:
        case ZIP_ER_SEEK:
            return "cannot read the file" + detail;
        default:
            return "not an EPUB: cannot open the zip archive" + detail;
    }
}

bool file_starts_like_zip(const std::filesystem::path& path) {
    std::array<char, 4> head{};
    std::ifstream in(path, std::ios::binary);
    return in.read(head.data(), head.size()) && std::string_view(head.data(), head.size()) == local_header_signature;
}

std::string limits_summary(const ArchiveLimits& limits) {
    return "limits: " + describe_size(limits.entry_bytes) + " an entry, " + describe_size(limits.total_bytes) +
           " in all, " + std::to_string(limits.expansion_ratio) + " times compressed size";
}

}  // namespace

std::string describe_size(std::uint64_t bytes) {
    constexpr std::uint64_t kib = 1024, mib = kib * 1024, gib = mib * 1024;
    if (bytes >= gib && bytes % gib == 0) return std::to_string(bytes / gib) + " GiB";
    if (bytes >= mib && bytes % mib == 0) return std::to_string(bytes / mib) + " MiB";
    if (bytes >= kib && bytes % kib == 0) return std::to_string(bytes / kib) + " KiB";
    return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
}

ZipArchiveReader::ZipArchiveReader(struct zip* archive, std::string bytes, const ArchiveLimits& limits)
    : archive_(archive), bytes_(std::move(bytes)), limits_(limits) {}

ZipArchiveReader::~ZipArchiveReader() {
    if (archive_) zip_discard(archive_);
}

std::unique_ptr<ZipArchiveReader> ZipArchiveReader::open_file(const std::filesystem::path& path,
                                                              const ArchiveLimits& limits, std::string& error) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) {
        error = "cannot read the file (" + ec.message() + ")";
        return nullptr;
    }
    // libzip opens an empty file as an empty archive.
    if (size == 0) {
        error = "not an EPUB: the file is empty";
        return nullptr;
    }
    if (size > limits.total_bytes) {
        error = "the file is larger than the limit of " + describe_size(limits.total_bytes) + " for an EPUB: refused";
        return nullptr;
    }
    int code = 0;
    struct zip* archive = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
    if (!archive) {
        error = open_failure(code, file_starts_like_zip(path));
        return nullptr;
    }
    return checked(std::unique_ptr<ZipArchiveReader>(new ZipArchiveReader(archive, {}, limits)), error);
}

std::unique_ptr<ZipArchiveReader> ZipArchiveReader::open_bytes(std::string bytes, const ArchiveLimits& limits,
                                                               std::string& error) {
    if (bytes.empty()) {
        error = "not an EPUB: the input is empty";
        return nullptr;
    }
    // The reader keeps the bytes first: libzip reads them in place, for as long as it is open.
    std::unique_ptr<ZipArchiveReader> reader(new ZipArchiveReader(nullptr, std::move(bytes), limits));
    const std::string& kept = reader->bytes_;
    zip_error_t zip_error;
    zip_error_init(&zip_error);
    zip_source_t* source = zip_source_buffer_create(kept.data(), kept.size(), 0, &zip_error);
    reader->archive_ = source ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &zip_error) : nullptr;
    if (!reader->archive_) {
        if (source) zip_source_free(source);
        error = open_failure(zip_error_code_zip(&zip_error), kept.starts_with(local_header_signature));
        zip_error_fini(&zip_error);
        return nullptr;
    }
    zip_error_fini(&zip_error);
    return checked(std::move(reader), error);
}

std::unique_ptr<ZipArchiveReader> ZipArchiveReader::checked(std::unique_ptr<ZipArchiveReader> reader,
                                                            std::string& error) {
    if (!reader->check_central_directory(error)) return nullptr;
    return reader;
}

bool ZipArchiveReader::check_central_directory(std::string& error) {
    const zip_int64_t count = zip_get_num_entries(archive_, 0);
    std::uint64_t total = 0;
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(archive_, zip_uint64_t(i), 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME) ||
            !(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE)) {
            error = "not an EPUB: entry " + std::to_string(i + 1) + " of the zip archive cannot be read (" +
                    zip_strerror(archive_) + ")";
            return false;
        }
        const std::string name = st.name;
        if (escapes_archive(name)) {
            error = "entry " + quoted(name) +
                    " escapes the archive (an absolute path or a \"..\" segment): refused";
            return false;
        }
        if (index_.count(name)) {
            error = "the archive holds two entries named " + quoted(name) + ": refused";
            return false;
        }
        if (st.size > limits_.entry_bytes) {
            error = "entry " + quoted(name) + " declares " + std::to_string(st.size) +
                    " bytes uncompressed, more than the limit of " + describe_size(limits_.entry_bytes) +
                    " an entry: refused as a possible zip bomb (--max-entry-size BYTES raises the limit)";
            return false;
        }
        total += st.size;
        if (total > limits_.total_bytes) {
            error = "the entries declare more than " + describe_size(limits_.total_bytes) +
                    " uncompressed in all (the limit), at entry " + quoted(name) + ": refused as a possible zip bomb";
            return false;
        }
        if (st.size > limits_.ratio_exempt_bytes && st.size > st.comp_size * limits_.expansion_ratio) {
            error = "entry " + quoted(name) + " would expand from " + std::to_string(st.comp_size) + " to " +
                    std::to_string(st.size) + " bytes, more than the limit of " +
                    std::to_string(limits_.expansion_ratio) + " times: refused as a possible zip bomb";
            return false;
        }
        names_.push_back(name);
        index_[name] = zip_uint64_t(i);
        declared_[name] = st.size;
    }
    return true;
}

std::optional<std::string> ZipArchiveReader::find_ignoring_case(const std::string& name) const {
    std::optional<std::string> found;
    const std::string wanted = lower(name);
    for (const auto& n : names_) {
        if (lower(n) != wanted) continue;
        if (found) return std::nullopt;  // ambiguous
        found = n;
    }
    return found;
}

std::optional<std::string> ZipArchiveReader::read(const std::string& name, std::string& error) {
    const auto at = index_.find(name);
    if (at == index_.end()) {
        error = "entry " + quoted(name) + " is missing from the archive";
        return std::nullopt;
    }
    const std::uint64_t declared = declared_.at(name);
    zip_file_t* file = zip_fopen_index(archive_, at->second, 0);
    if (!file) {
        error = "cannot read entry " + quoted(name) + " (" + zip_strerror(archive_) + ")";
        return std::nullopt;
    }

    std::string bytes;
    bytes.reserve(std::min<std::uint64_t>(declared, std::uint64_t(1) << 20));
    std::array<char, 64 * 1024> chunk;
    zip_int64_t got = 0;
    // The header's size is what the limits were checked against; libzip would go on inflating
    // past it, so the reading stops there.
    while ((got = zip_fread(file, chunk.data(), chunk.size())) > 0) {
        if (bytes.size() + std::uint64_t(got) > declared ||
            total_read_ + bytes.size() + std::uint64_t(got) > limits_.total_bytes) {
            zip_fclose(file);
            error = "entry " + quoted(name) + " inflates to more than the " + describe_size(declared) +
                    " its header declares: refused as a possible zip bomb (" + limits_summary(limits_) + ")";
            return std::nullopt;
        }
        bytes.append(chunk.data(), std::size_t(got));
    }
    if (got < 0) {
        error = "cannot read entry " + quoted(name) + ": the archive is damaged (" +
                zip_error_strerror(zip_file_get_error(file)) + ")";
        zip_fclose(file);
        return std::nullopt;
    }
    zip_fclose(file);
    if (bytes.size() != declared) {
        error = "cannot read entry " + quoted(name) + ": the archive is damaged (" + std::to_string(bytes.size()) +
                " bytes where its header declares " + std::to_string(declared) + ")";
        return std::nullopt;
    }
    total_read_ += bytes.size();
    return bytes;
}

}  // namespace fascicle::epub::reader
