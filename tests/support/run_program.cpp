#include "run_program.hpp"

#include "test_support.hpp"

namespace fascicle::test {

ProgramOutput run_program(const std::vector<std::string>& arguments) {
    std::string command;
    for (const auto& argument : arguments) command += (command.empty() ? "" : " ") + shell_quote(argument);
    const auto run = run_shell(command + " 2>&1");
    return {run.status, run.out + run.err};
}

}  // namespace fascicle::test
