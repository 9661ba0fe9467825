#include <fascicle/host/plugin_registry.hpp>

#include <fascicle/host/elf_exports.hpp>

#include <boost/dll/runtime_symbol_info.hpp>
#include <boost/dll/shared_library.hpp>

#include <algorithm>
#include <mutex>
#include <set>

namespace fascicle::host {

namespace {

constexpr const char* version_entry = "fascicle_plugin_api_version";
constexpr const char* descriptor_entry = "fascicle_plugin";

// The names a file exports, without running any of its code: its dynamic symbols, which a
// stripped library (as distributions install them) keeps. Boost.DLL's library_info reads the
// full symbol table instead, which `strip` removes: it would find no plugin in a Debian package.
// False for anything that is not a loadable shared library of this platform.
bool exported_aliases(const std::filesystem::path& file, std::vector<std::string>& out) {
    auto names = elf_exported_names(file);
    if (!names) return false;
    out = std::move(*names);
    return true;
}

std::string check_format(const FormatInfo& f) {
    if (f.name.empty()) return "a format has no name";
    if (!f.make_reader && !f.make_writer) return "format '" + f.name + "' has neither reader nor writer";
    for (const auto& e : f.extensions)
        if (e.size() < 2 || e[0] != '.') return "format '" + f.name + "' has an extension without a leading dot: '" + e + "'";
    return {};
}

// Holds the library for as long as `object` lives; the object is destroyed first.
template <class T>
std::shared_ptr<T> keeping_library_loaded(std::shared_ptr<const void> library, std::unique_ptr<T> object) {
    struct Holder {
        std::shared_ptr<const void> library;
        std::unique_ptr<T> object;
    };
    if (!object) return nullptr;
    auto holder = std::make_shared<Holder>(Holder{std::move(library), std::move(object)});
    T* raw = holder->object.get();
    return std::shared_ptr<T>(std::move(holder), raw);
}

// The registries alive in this process, oldest first: make_loaded_writer asks the newest.
// A process normally has one (the CLI's); tests make several, one after another.
struct LiveRegistries {
    std::mutex mutex;
    std::vector<const PluginRegistry*> registries;
};

LiveRegistries& live_registries() {
    static LiveRegistries live;
    return live;
}

}  // namespace

PluginRegistry::PluginRegistry() {
    auto& live = live_registries();
    const std::lock_guard lock(live.mutex);
    live.registries.push_back(this);
}

PluginRegistry::~PluginRegistry() {
    auto& live = live_registries();
    const std::lock_guard lock(live.mutex);
    std::erase(live.registries, this);
}

void PluginRegistry::reject(const std::filesystem::path& path, std::string reason) {
    rejected_.push_back({path, std::move(reason)});
}

void PluginRegistry::load_directory(const std::filesystem::path& dir) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return;
    std::vector<std::filesystem::path> files;
    const std::string suffix = boost::dll::shared_library::suffix().string();
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (entry.is_regular_file(ec) && entry.path().extension() == suffix) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) load_file(f);
}

bool PluginRegistry::load_file(const std::filesystem::path& given) {
    std::error_code ec;
    const auto file = std::filesystem::weakly_canonical(given, ec);
    for (const auto& p : plugins_)
        if (p->path == file) return false;  // the same file found twice along the search path

    std::vector<std::string> aliases;
    if (!exported_aliases(file, aliases)) return false;
    const bool looks_like_plugin = std::any_of(aliases.begin(), aliases.end(),
                                               [](const std::string& a) { return a.rfind("fascicle_plugin", 0) == 0; });
    if (!looks_like_plugin) return false;  // some other shared library: not ours to judge
    auto has = [&](const char* name) { return std::find(aliases.begin(), aliases.end(), name) != aliases.end(); };

    if (!has(version_entry)) {
        reject(file, std::string("missing entry point '") + version_entry + "' (was it built with FASCICLE_PLUGIN?)");
        return false;
    }
    if (!has(descriptor_entry)) {
        reject(file, std::string("missing entry point '") + descriptor_entry + "' (was it built with FASCICLE_PLUGIN?)");
        return false;
    }

    auto library = std::make_shared<boost::dll::shared_library>();
    try {
        library->load(boost::dll::fs::path(file.string()), boost::dll::load_mode::rtld_local | boost::dll::load_mode::rtld_now);
    } catch (const std::exception& e) {
        reject(file, std::string("cannot be loaded: ") + e.what());
        return false;
    }

    // The version is checked before anything whose layout may differ between versions is touched.
    const ApiVersion got = ApiVersion::unpack(library->get_alias<std::uint32_t()>(version_entry)());
    if (got.major != api_version.major || got.minor > api_version.minor) {
        reject(file, "wrong API version: built against " + got.to_string() + ", this fascicle supports " +
                         std::to_string(api_version.major) + ".0 to " + api_version.to_string() +
                         " (rebuild it against the Fascicle " + api_version.to_string() + " SDK)");
        return false;
    }

    PluginDescriptor descriptor;
    try {
        descriptor = library->get_alias<const PluginDescriptor&()>(descriptor_entry)();
    } catch (const std::exception& e) {
        reject(file, std::string("its descriptor threw: ") + e.what());
        return false;
    } catch (...) {
        reject(file, "its descriptor threw an unknown exception");
        return false;
    }

    std::string problem;
    if (descriptor.name.empty()) problem = "the plugin has no name";
    if (descriptor.formats.empty()) problem = "the plugin provides no format";
    for (const auto& p : plugins_)
        if (problem.empty() && p->name == descriptor.name)
            problem = "plugin name '" + descriptor.name + "' is already taken by " + p->path.string();
    std::set<std::string> own;
    for (const auto& f : descriptor.formats) {
        if (!problem.empty()) break;
        problem = check_format(f);
        if (problem.empty() && !own.insert(f.name).second) problem = "format '" + f.name + "' is listed twice";
        if (const auto* taken = find(f.name); problem.empty() && taken)
            problem = "format '" + f.name + "' is already provided by plugin '" + taken->plugin->name + "' (" +
                      taken->plugin->path.string() + ")";
    }
    if (!problem.empty()) {
        reject(file, problem);
        return false;  // `descriptor` is destroyed before `library`: no plugin code outlives it
    }

    auto plugin = std::make_unique<LoadedPlugin>();
    plugin->path = file;
    plugin->name = descriptor.name;
    plugin->version = descriptor.version;
    plugin->description = descriptor.description;
    plugin->api = got;
    std::shared_ptr<const void> keep = library;
    for (auto& f : descriptor.formats) {
        plugin->format_names.push_back(f.name);
        auto registered = std::make_unique<RegisteredFormat>();
        registered->library = keep;
        registered->info = std::move(f);
        registered->plugin = plugin.get();
        formats_.push_back(std::move(registered));
    }
    plugins_.push_back(std::move(plugin));
    return true;
}

std::vector<const RegisteredFormat*> PluginRegistry::formats() const {
    std::vector<const RegisteredFormat*> out;
    for (const auto& f : formats_) out.push_back(f.get());
    std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->info.name < b->info.name; });
    return out;
}

const RegisteredFormat* PluginRegistry::find(std::string_view name) const {
    for (const auto& f : formats_)
        if (f->info.name == name) return f.get();
    return nullptr;
}

const RegisteredFormat* PluginRegistry::find_reader_by_extension(std::string_view extension) const {
    for (const auto& f : formats_)
        if (f->can_read() && std::count(f->info.extensions.begin(), f->info.extensions.end(), extension))
            return f.get();
    return nullptr;
}

const RegisteredFormat* PluginRegistry::find_writer_by_extension(std::string_view extension) const {
    for (const auto& f : formats_)
        if (f->can_write() && f->info.claims_output_extensions &&
            std::count(f->info.extensions.begin(), f->info.extensions.end(), extension))
            return f.get();
    return nullptr;
}

std::shared_ptr<Reader> PluginRegistry::make_reader(const RegisteredFormat& format) const {
    if (!format.can_read()) return nullptr;
    return keeping_library_loaded(format.library, format.info.make_reader());
}

std::shared_ptr<Writer> PluginRegistry::make_writer(const RegisteredFormat& format) const {
    if (!format.can_write()) return nullptr;
    return keeping_library_loaded(format.library, format.info.make_writer());
}

std::vector<OptionSpec> PluginRegistry::options() const {
    std::vector<OptionSpec> out;
    std::set<std::string> seen;
    for (const auto* f : formats())
        for (const auto& o : f->info.options)
            if (seen.insert(o.name).second) out.push_back(o);
    return out;
}

std::filesystem::path builtin_plugin_dir() {
    const auto exe = boost::dll::program_location();
    return std::filesystem::path(exe.parent_path().string()) / FASCICLE_PLUGIN_DIR_FROM_BINDIR;
}

std::vector<std::filesystem::path> split_search_path(std::string_view value) {
    std::vector<std::filesystem::path> out;
    std::size_t start = 0;
    while (start <= value.size()) {
        auto end = value.find(':', start);
        if (end == std::string_view::npos) end = value.size();
        if (end > start) out.emplace_back(std::string(value.substr(start, end - start)));
        start = end + 1;
    }
    return out;
}

}  // namespace fascicle::host

namespace fascicle {

std::shared_ptr<Writer> make_loaded_writer(std::string_view format, std::string& why) {
    auto& live = host::live_registries();
    const std::lock_guard lock(live.mutex);
    if (live.registries.empty()) {
        why = "no plugins are loaded in this process, so no format '" + std::string(format) + "' writer";
        return nullptr;
    }
    const host::PluginRegistry& registry = *live.registries.back();
    const host::RegisteredFormat* found = registry.find(format);
    if (!found || !found->can_write()) {
        why = found ? "format '" + std::string(format) + "' is loaded but cannot be written"
                    : "no loaded plugin provides format '" + std::string(format) + "'";
        return nullptr;
    }
    return registry.make_writer(*found);
}

}  // namespace fascicle
