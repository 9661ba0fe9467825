// Reading an EPUB back in the tests, with libzip and pugixml directly (not the writer's code).
#pragma once

#include <pugixml.hpp>

#include <cstdint>
#include <ctime>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

struct zip;

namespace fascicle::epub::test {

class EpubArchive {
public:
    // Throws std::runtime_error when the file is not a zip archive.
    explicit EpubArchive(const std::filesystem::path& path);
    ~EpubArchive();
    EpubArchive(const EpubArchive&) = delete;
    EpubArchive& operator=(const EpubArchive&) = delete;

    struct Entry {
        std::string name;
        std::uint16_t compression = 0;  // ZIP_CM_STORE, ZIP_CM_DEFLATE...
        std::time_t mtime = 0;
        std::uint64_t size = 0;
    };
    // Every entry, in archive order.
    const std::vector<Entry>& entries() const { return entries_; }
    bool contains(const std::string& name) const;

    // An entry's bytes; throws when there is none of that name.
    std::string read(const std::string& name) const;
    // An entry parsed as XML; throws with pugixml's description when it is not well-formed.
    std::unique_ptr<pugi::xml_document> xml(const std::string& name) const;

private:
    struct zip* archive_ = nullptr;
    std::vector<Entry> entries_;
};

// All the text inside an element, markup left out, <br/> as a line break.
std::string inner_text(const pugi::xml_node& node);

// The text of every element matched by an XPath query (namespaces are ignored by pugixml's
// XPath: "//p" finds XHTML paragraphs), in document order.
std::vector<std::string> texts(const pugi::xml_node& root, const char* xpath);

// The ids defined in a document.
std::vector<std::string> ids(const pugi::xml_node& root);

}  // namespace fascicle::epub::test
