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

std::optional<std::string> AtomicFileOutput::close() {
    if (stream_) {
        errno = 0;
        stream_->close();
        if (stream_->fail()) return errno ? std::string(std::strerror(errno)) : std::string("write failed");
        stream_.reset();
    }
    return std::nullopt;
}

std::optional<std::string> AtomicFileOutput::commit() {
    if (auto error = close()) return error;
    if (std::rename(temp_.c_str(), target_.c_str()) != 0) return std::string(std::strerror(errno));
    committed_ = true;
    return std::nullopt;
}

std::optional<std::string> commit_together(const std::vector<AtomicFileOutput*>& outputs) {
    for (auto* o : outputs)
        if (auto error = o->close()) return o->target().string() + ": " + *error;
    // The old target of each output, hard-linked aside until every rename has succeeded; empty
    // when there was none (or the file system has no hard links: that one cannot be restored).
    std::vector<std::string> kept(outputs.size());
    std::vector<bool> existed(outputs.size());
    auto forget_kept = [&] {
        for (const auto& k : kept)
            if (!k.empty()) ::unlink(k.c_str());
    };
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        const auto& target = outputs[i]->target();
        existed[i] = ::access(target.c_str(), F_OK) == 0;
        if (outputs.size() > 1 && existed[i]) {
            std::string pattern = target.string() + ".fascicle-old-XXXXXX";
            if (int fd = ::mkstemp(pattern.data()); fd >= 0) {
                ::close(fd);
                ::unlink(pattern.c_str());
                if (::link(target.c_str(), pattern.c_str()) == 0) kept[i] = pattern;
            }
        }
        if (auto error = outputs[i]->commit()) {
            for (std::size_t j = 0; j < i; ++j) {  // back to how it was
                const auto& t = outputs[j]->target();
                if (!kept[j].empty()) {
                    if (std::rename(kept[j].c_str(), t.c_str()) == 0) kept[j].clear();
                } else if (!existed[j]) {
                    ::unlink(t.c_str());
                }
            }
            forget_kept();
            return target.string() + ": " + *error;
        }
    }
    forget_kept();
    return std::nullopt;
}

std::ostream& StandardOutput::stream() { return std::cout; }

}  // namespace fascicle::host
