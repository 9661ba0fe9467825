// A one-line progress report on standard error for long runs: articles done, MB/s, time left.
#pragma once

#include <fascicle/host/conversion.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <vector>

namespace fascicle::host {

class ProgressLine {
public:
    explicit ProgressLine(ConversionRequest::Progress mode) : mode_(mode) {}

    template <class Inputs>
    void start(const Inputs& inputs) {
        std::vector<std::filesystem::path> paths;  // only when needed: a copy per input adds up
        if (wanted())
            for (const auto& in : inputs) paths.push_back(in.path());
        start_paths(paths);
    }
    void advance(const std::filesystem::path& input);
    void finish();

private:
    bool wanted() const;  // by the mode, and for "auto" whether standard error is a terminal
    void start_paths(const std::vector<std::filesystem::path>& paths);
    void print(bool last);

    ConversionRequest::Progress mode_;
    bool enabled_ = false;
    bool printed_ = false;
    std::size_t total_ = 0, done_ = 0;
    std::uintmax_t total_bytes_ = 0, done_bytes_ = 0;
    std::chrono::steady_clock::time_point started_, last_print_;
};

}  // namespace fascicle::host
