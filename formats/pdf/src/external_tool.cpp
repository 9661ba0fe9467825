#include "external_tool.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace fascicle::pdf {

std::optional<std::filesystem::path> find_on_path(const std::string& name) {
    const char* path = std::getenv("PATH");
    if (!path) return std::nullopt;
    std::string_view folders(path);
    while (true) {
        const auto colon = folders.find(':');
        const auto folder = folders.substr(0, colon);
        // An empty entry means the current folder.
        const std::filesystem::path candidate = std::filesystem::path(folder.empty() ? "." : folder) / name;
        std::error_code ec;
        if (std::filesystem::is_regular_file(candidate, ec) && ::access(candidate.c_str(), X_OK) == 0)
            return candidate;
        if (colon == std::string_view::npos) return std::nullopt;
        folders.remove_prefix(colon + 1);
    }
}

namespace {

std::string_view variable_name(std::string_view assignment) { return assignment.substr(0, assignment.find('=')); }

}  // namespace

ToolRun run_tool(const std::filesystem::path& program, const std::vector<std::string>& arguments,
                 const std::filesystem::path& log, const std::vector<std::string>& environment) {
    ToolRun run;
    std::vector<std::string> argv_strings{program.string()};
    argv_strings.insert(argv_strings.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (auto& a : argv_strings) argv.push_back(a.data());
    argv.push_back(nullptr);

    std::vector<std::string> env_strings = environment;
    for (char** e = environ; *e; ++e) {
        const std::string_view inherited(*e);
        const bool replaced = std::any_of(environment.begin(), environment.end(), [&](const std::string& a) {
            return variable_name(a) == variable_name(inherited);
        });
        if (!replaced) env_strings.emplace_back(inherited);
    }
    std::vector<char*> envp;
    for (auto& e : env_strings) envp.push_back(e.data());
    envp.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);

    pid_t pid = 0;
    const int spawn_error = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (spawn_error != 0) {
        run.error = std::strerror(spawn_error);
        return run;
    }
    run.started = true;

    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            run.error = std::strerror(errno);
            return run;
        }
    }
    if (WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
    return run;
}

}  // namespace fascicle::pdf
