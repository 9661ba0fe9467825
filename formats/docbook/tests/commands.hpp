// Running the command-line tools the tests check output with (jing, the fascicle CLI).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace fascicle::docbook::test {

struct CommandResult {
    int exit_code = -1;
    std::string output;  // standard output and error together
};

// Runs a program with arguments (each quoted for the shell) and collects what it prints.
CommandResult run_command(const std::vector<std::string>& arguments);

// jing against the DocBook 5.0 RELAX NG schema; valid means exit 0 and nothing printed.
CommandResult validate_docbook(const std::vector<std::filesystem::path>& files);

}  // namespace fascicle::docbook::test
