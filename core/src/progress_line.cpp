#include "progress_line.hpp"

#include <cstdio>

#include <unistd.h>

namespace fascicle::host {

namespace {
constexpr auto print_interval = std::chrono::milliseconds(200);
}

bool ProgressLine::wanted() const {
    using P = ConversionRequest::Progress;
    return mode_ == P::always || (mode_ == P::automatic && ::isatty(STDERR_FILENO));
}

void ProgressLine::start_paths(const std::vector<std::filesystem::path>& paths) {
    enabled_ = wanted();
    if (!enabled_) return;
    total_ = paths.size();
    for (const auto& p : paths) {
        std::error_code ec;
        if (!p.empty()) total_bytes_ += std::filesystem::file_size(p, ec), ec.clear();
    }
    started_ = last_print_ = std::chrono::steady_clock::now();
}

void ProgressLine::advance(const std::filesystem::path& input) {
    if (!enabled_) return;
    ++done_;
    std::error_code ec;
    if (!input.empty()) {
        const auto size = std::filesystem::file_size(input, ec);
        if (!ec) done_bytes_ += size;
    }
    const auto now = std::chrono::steady_clock::now();
    if (now - last_print_ >= print_interval) {
        last_print_ = now;
        print(false);
    }
}

void ProgressLine::finish() {
    if (!enabled_ || done_ == 0) return;
    print(true);
}

void ProgressLine::print(bool last) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    const double mb_per_s = seconds > 0 ? double(done_bytes_) / 1e6 / seconds : 0;
    const double left = done_bytes_ > 0 ? seconds * double(total_bytes_ - done_bytes_) / double(done_bytes_) : 0;
    std::fprintf(stderr, "\rfascicle: %zu of %zu articles, %.1f MB/s, %.0f s left   %s", done_, total_, mb_per_s,
                 last ? 0.0 : left, last ? "\n" : "");
    std::fflush(stderr);
    printed_ = true;
}

}  // namespace fascicle::host
