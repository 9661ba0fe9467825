// Books built in code for the writer's tests, and helpers to write them as EPUBs.
#pragma once

#include <fascicle/plugin.hpp>

#include <test_support.hpp>

#include <filesystem>
#include <optional>
#include <string>

namespace fascicle::epub::test {

// Every kind of block and inline, nested sections, a section titled "Conclusion", an article
// with a language of its own, an article id that is not an NCName, markup characters in text.
Book feature_book();

// One short article, for tests that need a book and nothing in particular.
Book small_book();

// The stylesheet from the source tree (what the plugin embeds).
const std::string& stylesheet();

// Sets (or, with nullopt, unsets) an environment variable for the lifetime of the object.
class ScopedEnvironment {
public:
    ScopedEnvironment(std::string name, const std::optional<std::string>& value);
    ~ScopedEnvironment();
    ScopedEnvironment(const ScopedEnvironment&) = delete;
    ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;

private:
    std::string name_;
    std::optional<std::string> previous_;
};

// The result of writing a book with the EpubWriter into a file.
struct WrittenEpub {
    Status status = Status::failed;
    std::filesystem::path path;
    fascicle::test::RecordingDiagnostics diagnostics;
    std::string bytes() const { return fascicle::test::read_file(path); }
};

// Writes `book` to `folder`/`name` with a fresh EpubWriter.
WrittenEpub write_epub(const Book& book, const std::filesystem::path& folder, const std::string& name = "book.epub",
                       const Options& options = {}, bool split = false);

}  // namespace fascicle::epub::test
