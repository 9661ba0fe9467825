// Output files that appear whole or not at all: bytes go to a temporary file beside the target,
// renamed over it by commit(). An output never committed is removed, and the target is untouched.
#pragma once

#include <fascicle/plugin.hpp>

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>

namespace fascicle::host {

class AtomicFileOutput : public Output {
public:
    explicit AtomicFileOutput(std::filesystem::path target);
    ~AtomicFileOutput() override;
    AtomicFileOutput(const AtomicFileOutput&) = delete;
    AtomicFileOutput& operator=(const AtomicFileOutput&) = delete;

    // Creates the temporary file; on failure returns the reason (e.g. "Permission denied").
    std::optional<std::string> open();

    std::ostream& stream() override;
    std::optional<std::filesystem::path> file() override { return temp_; }

    // Flushes and renames the temporary file over the target; on failure returns the reason.
    std::optional<std::string> commit();
    const std::filesystem::path& target() const { return target_; }

private:
    std::filesystem::path target_;
    std::filesystem::path temp_;
    std::unique_ptr<std::ofstream> stream_;
    bool committed_ = false;
};

// Standard output as an Output (no file: writers that need one cannot write here).
class StandardOutput : public Output {
public:
    std::ostream& stream() override;
    std::optional<std::filesystem::path> file() override { return std::nullopt; }
};

}  // namespace fascicle::host
