#include "commands.hpp"

#include <array>
#include <cstdio>
#include <sstream>
#include <sys/wait.h>

namespace fascicle::docbook::test {

namespace {

std::string shell_quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') out += "'\\''";
        else out += c;
    }
    return out + "'";
}

}  // namespace

CommandResult run_command(const std::vector<std::string>& arguments) {
    std::string command;
    for (const auto& a : arguments) command += (command.empty() ? "" : " ") + shell_quoted(a);
    command += " 2>&1";
    CommandResult result;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return result;
    std::array<char, 4096> buffer;
    std::size_t n;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.output.append(buffer.data(), n);
    const int status = ::pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

CommandResult validate_docbook(const std::vector<std::filesystem::path>& files) {
    std::vector<std::string> arguments{FASCICLE_JING, FASCICLE_DOCBOOK_RNG};
    for (const auto& f : files) arguments.push_back(f.string());
    auto result = run_command(arguments);
    // Debian's wrapper script (not jing) may note optional jars it did not find:
    // "[warning] /usr/bin/jing: Unable to locate avalon-framework in /usr/share/java".
    std::string validator_output;
    std::istringstream lines(result.output);
    for (std::string line; std::getline(lines, line);)
        if (line.rfind("[warning] ", 0) != 0 || line.find("jing: ") == std::string::npos) validator_output += line + "\n";
    result.output = validator_output;
    return result;
}

}  // namespace fascicle::docbook::test
