// Output files that appear whole or not at all: bytes go to a temporary file beside the target,
// renamed over it by commit(). An output never committed is removed, and the target is untouched.
#pragma once

#include <fascicle/plugin.hpp>

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

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

    // Flushes and closes the temporary file, where a write error (a full disk) shows; on failure
    // returns the reason. commit() then only renames.
    std::optional<std::string> close();

private:
    std::filesystem::path target_;
    std::filesystem::path temp_;
    std::unique_ptr<std::ofstream> stream_;
    bool committed_ = false;
};

// Commits several outputs as one: every temporary file is closed first (where writes fail), then
// each is renamed over its target; when a rename fails, the targets already replaced get their
// old files back (kept as hard links meanwhile) and the new ones are removed. On failure returns
// "TARGET: reason"; every output not committed is removed when it is destroyed.
std::optional<std::string> commit_together(const std::vector<AtomicFileOutput*>& outputs);

// Standard output as an Output (no file: writers that need one cannot write here).
class StandardOutput : public Output {
public:
    std::ostream& stream() override;
    std::optional<std::filesystem::path> file() override { return std::nullopt; }
};

}  // namespace fascicle::host
