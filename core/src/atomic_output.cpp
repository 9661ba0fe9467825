#include <fascicle/host/atomic_output.hpp>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include <sys/stat.h>
#include <unistd.h>

namespace fascicle::host {

AtomicFileOutput::AtomicFileOutput(std::filesystem::path target) : target_(std::move(target)) {}

AtomicFileOutput::~AtomicFileOutput() {
    stream_.reset();
    if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
}

std::optional<std::string> AtomicFileOutput::open() {
    auto dir = target_.parent_path();
    if (dir.empty()) dir = ".";
    std::string name = ".";
    name += target_.filename().string();
    name += ".fascicle-XXXXXX";
    std::string pattern = (dir / name).string();
    int fd = ::mkstemp(pattern.data());
    if (fd < 0) return std::string(std::strerror(errno));
    // mkstemp makes the file private; give it the permissions a plain new file would get.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    ::close(fd);
    temp_ = pattern;
    return std::nullopt;
}

std::ostream& AtomicFileOutput::stream() {
    if (!stream_) stream_ = std::make_unique<std::ofstream>(temp_, std::ios::binary | std::ios::trunc);
    return *stream_;
}

std::optional<std::string> AtomicFileOutput::commit() {
    if (stream_) {
        errno = 0;
        stream_->close();
        if (stream_->fail()) return errno ? std::string(std::strerror(errno)) : std::string("write failed");
        stream_.reset();
    }
    if (std::rename(temp_.c_str(), target_.c_str()) != 0) return std::string(std::strerror(errno));
    committed_ = true;
    return std::nullopt;
}

std::ostream& StandardOutput::stream() { return std::cout; }

}  // namespace fascicle::host
