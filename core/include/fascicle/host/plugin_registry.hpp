// The plugin registry: finds plugin files, checks them, and keeps the formats they provide.
#pragma once

#include <fascicle/plugin.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace fascicle::host {

// A plugin that loaded and registered. `formats` are copies made while loading; they and every
// reader and writer made from them keep the library loaded (see PluginRegistry::make_reader).
struct LoadedPlugin {
    std::filesystem::path path;
    std::string name;
    std::string version;
    std::string description;
    ApiVersion api;
    std::vector<std::string> format_names;
};

// A file that looked like a plugin (it exports a fascicle_* entry point) but was refused.
struct RejectedPlugin {
    std::filesystem::path path;
    std::string reason;
};

struct RegisteredFormat {
    std::shared_ptr<const void> library;  // declared before info: info's code lives in the library
    FormatInfo info;
    const LoadedPlugin* plugin = nullptr;
    bool can_read() const { return bool(info.make_reader); }
    bool can_write() const { return bool(info.make_writer); }
};

// The newest registry alive in the process is the one plugins reach through make_loaded_writer.
class PluginRegistry {
public:
    PluginRegistry();
    ~PluginRegistry();
    PluginRegistry(const PluginRegistry&) = delete;
    PluginRegistry& operator=(const PluginRegistry&) = delete;

    // Loads every plugin file directly in `dir`, in file-name order. Files that are not plugins are
    // skipped quietly; a missing folder is ignored (the search path may name folders that don't exist).
    void load_directory(const std::filesystem::path& dir);
    // Loads one file; returns false when it was skipped or rejected (see rejected()).
    bool load_file(const std::filesystem::path& file);

    const std::vector<std::unique_ptr<LoadedPlugin>>& plugins() const { return plugins_; }
    const std::vector<RejectedPlugin>& rejected() const { return rejected_; }
    // Every format, sorted by name.
    std::vector<const RegisteredFormat*> formats() const;

    const RegisteredFormat* find(std::string_view name) const;
    // The format that claims files ending in `extension` (".epub") for reading or for writing.
    const RegisteredFormat* find_reader_by_extension(std::string_view extension) const;
    const RegisteredFormat* find_writer_by_extension(std::string_view extension) const;

    // Readers and writers that hold their plugin's library loaded for as long as they live.
    std::shared_ptr<Reader> make_reader(const RegisteredFormat& format) const;
    std::shared_ptr<Writer> make_writer(const RegisteredFormat& format) const;

    // Every option the formats declare, once per name (the first declaration's help wins).
    std::vector<OptionSpec> options() const;

private:
    void reject(const std::filesystem::path& path, std::string reason);

    std::vector<std::unique_ptr<LoadedPlugin>> plugins_;
    std::vector<RejectedPlugin> rejected_;
    std::vector<std::unique_ptr<RegisteredFormat>> formats_;
};

// The folder of built-in plugins: relative to the running executable, the same in the build tree
// and under an install prefix.
std::filesystem::path builtin_plugin_dir();

// The folders named by a PATH-like variable's value (':'-separated; empty entries ignored).
std::vector<std::filesystem::path> split_search_path(std::string_view value);

}  // namespace fascicle::host
