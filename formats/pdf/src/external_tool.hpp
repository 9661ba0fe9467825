// Finding and running the command-line tools of the print pipeline (xsltproc, fop).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace fascicle::pdf {

// The executable `name` in a folder of $PATH, or nullopt.
std::optional<std::filesystem::path> find_on_path(const std::string& name);

struct ToolRun {
    bool started = false;  // false: the program could not be run at all (see error)
    int exit_code = -1;    // -1 when killed by a signal
    std::string error;
};

// Runs `program` with `arguments` in this process's environment plus `environment` ("NAME=value",
// replacing a variable of the same name), standard input from /dev/null and standard output and
// error both appended to `log` (the tools interleave their messages there), and waits for it.
ToolRun run_tool(const std::filesystem::path& program, const std::vector<std::string>& arguments,
                 const std::filesystem::path& log, const std::vector<std::string>& environment = {});

}  // namespace fascicle::pdf
