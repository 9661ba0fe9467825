// The conversion pipeline: inputs → reader plugin → IR articles, one at a time → writer plugin.
#pragma once

#include <fascicle/host/plugin_registry.hpp>
#include <fascicle/plugin.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace fascicle::host {

// The process exit status for each way a conversion can end (documented in the README).
enum class ExitCode : int {
    ok = 0,
    usage = 64,     // the command line is wrong: unknown option or format, missing -o, ...
    input = 65,     // an input is invalid (bad UTF-8, no table of contents, ...) or has no articles
    no_input = 66,  // an input file or folder does not exist or cannot be read
    plugin = 69,    // a plugin is missing, failed or threw
    output = 73,    // the output cannot be written
    invalid_output = 70,  // --validate: an output was written but a validator found an error in it
};

struct ConversionRequest {
    std::vector<std::string> inputs;  // files, folders (their articles in file-name order), "-" for stdin
    // Every -o, in order: a file, or "-" for standard output. The articles are read once and each
    // goes to every output's writer. Empty: standard output (with one format in `to`) or split_dir.
    std::vector<std::string> outputs;
    std::filesystem::path split_dir;  // when set: one output file per article in this folder
    std::string from;                 // format names; empty: told by the file extensions
    // Every -t, paired with `outputs` by position: none (formats from the extensions), one per
    // output, or one alone (standard output, or split_dir).
    std::vector<std::string> to;
    Metadata metadata;                                  // --metadata KEY=VALUE: wins over files
    std::vector<std::filesystem::path> metadata_files;  // --metadata-file, in order
    Options options;                                    // the plugins' options as given
    bool skip_invalid = false;                          // an invalid input is skipped with a warning
    unsigned jobs = 0;                                  // threads reading and rendering; 0: one per core
    enum class Progress { automatic, always, never };   // automatic: when standard error is a terminal
    Progress progress = Progress::automatic;
    bool validate = false;  // after writing, run the validators each output format knows
};

ExitCode convert(const PluginRegistry& registry, const ConversionRequest& request, DiagnosticSink& diagnostics);

}  // namespace fascicle::host
