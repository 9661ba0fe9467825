#include "commands.hpp"

#include <sstream>

namespace fascicle::docbook::test {

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
