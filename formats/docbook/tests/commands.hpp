// Running the command-line tools the tests check output with (jing, the fascicle CLI).
#pragma once

#include <run_program.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace fascicle::docbook::test {

using CommandResult = fascicle::test::ProgramOutput;
inline CommandResult run_command(const std::vector<std::string>& arguments) {
    return fascicle::test::run_program(arguments);
}

// jing against the DocBook 5.0 RELAX NG schema; valid means exit 0 and nothing printed.
CommandResult validate_docbook(const std::vector<std::filesystem::path>& files);

}  // namespace fascicle::docbook::test
