// The limits a reader puts on what it holds in memory, and the options that change them.
// A reader that honours a limit declares its option with the spec below (the CLI merges options by
// name, so every reader that declares one shares one --name), reads its value with limit_option(),
// and names the option in the message when an input passes the limit.
#pragma once

#include <fascicle/plugin.hpp>

#include <charconv>
#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

namespace fascicle {

inline constexpr const char* max_input_size_option = "max-input-size";
inline constexpr const char* max_nesting_option = "max-nesting";
inline constexpr const char* max_entry_size_option = "max-entry-size";

inline constexpr std::uint64_t default_max_input_size = std::uint64_t(256) << 20;

inline OptionSpec max_input_size_spec() {
    return {max_input_size_option, "BYTES",
            "largest input file the article-text, Markdown and DocBook readers take (default 256M; "
            "K, M and G suffixes are KiB, MiB, GiB)"};
}
inline OptionSpec max_nesting_spec() {
    return {max_nesting_option, "N",
            "deepest nesting of lists, block quotes or elements a reader takes (default: 100 for Markdown, "
            "256 for DocBook; at most 1000)"};
}
inline OptionSpec max_entry_size_spec() {
    return {max_entry_size_option, "BYTES", "largest uncompressed entry of an EPUB archive (default 64M)"};
}

// "256 MiB", "1 GiB", "1000 bytes": a limit as the messages say it.
inline std::string describe_bytes(std::uint64_t bytes) {
    static constexpr const char* units[] = {"KiB", "MiB", "GiB", "TiB"};
    std::string unit;
    for (int i = 3; i >= 0; --i) {
        const std::uint64_t size = std::uint64_t(1) << (10 * (i + 1));
        if (bytes >= size && bytes % size == 0) return std::to_string(bytes / size) + " " + units[i];
    }
    return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
}

// The value of a limit option: `fallback` when the user did not give it; nullopt and `error` when
// the value is not a whole number from 1 up to `most` (with a K, M or G suffix for `bytes`).
inline std::optional<std::uint64_t> limit_option(const Options& options, const std::string& name,
                                                 std::uint64_t fallback, bool bytes, std::string& error,
                                                 std::uint64_t most = UINT64_MAX) {
    const auto it = options.find(name);
    if (it == options.end()) return fallback;
    const std::string& text = it->second;
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    std::string_view suffix(end, static_cast<std::size_t>(text.data() + text.size() - end));
    int shift = 0;
    if (bytes && suffix.size() == 1) {
        switch (suffix[0]) {
        case 'K': case 'k': shift = 10; break;
        case 'M': case 'm': shift = 20; break;
        case 'G': case 'g': shift = 30; break;
        default: shift = -1;
        }
        if (shift > 0) suffix = {};
    }
    const bool fits = shift <= 0 || value <= (most >> shift);
    if (ec != std::errc() || !suffix.empty() || value == 0 || !fits || (value << shift) > most) {
        error = "--" + name + " expects " +
                (bytes ? "a number of bytes (such as 1048576 or 512M)" : std::string("a whole number")) +
                " from 1 to " + std::to_string(most) + ", got '" + text + "'";
        return std::nullopt;
    }
    return value << shift;
}

// Reads all of `in` into `bytes`, but stops as soon as it holds more than `limit` bytes, so a
// huge input costs at most the limit in memory.
enum class LimitedRead { complete, too_large, failed };
inline LimitedRead read_at_most(std::istream& in, std::uint64_t limit, std::string& bytes) {
    char chunk[1 << 16];
    while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
        bytes.append(chunk, static_cast<std::size_t>(in.gcount()));
        if (bytes.size() > limit) return LimitedRead::too_large;
    }
    return in.bad() ? LimitedRead::failed : LimitedRead::complete;
}

// The message for an input that passed max-input-size.
inline std::string input_too_large_message(std::uint64_t limit) {
    return "the input is larger than " + describe_bytes(limit) + ", the most a reader takes; --" +
           max_input_size_option + " BYTES raises the limit";
}

}  // namespace fascicle
