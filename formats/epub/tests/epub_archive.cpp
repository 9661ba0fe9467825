#include "epub_archive.hpp"

#include <zip.h>

#include <stdexcept>
#include <string_view>

namespace fascicle::epub::test {

EpubArchive::EpubArchive(const std::filesystem::path& path) {
    int error = 0;
    archive_ = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!archive_) throw std::runtime_error("not a valid zip archive: " + path.string());
    const zip_int64_t count = zip_get_num_entries(archive_, 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(archive_, zip_uint64_t(i), 0, &st) != 0)
            throw std::runtime_error("cannot stat entry " + std::to_string(i));
        entries_.push_back({st.name, st.comp_method, st.mtime, st.size});
    }
}

EpubArchive::~EpubArchive() {
    if (archive_) zip_discard(archive_);
}

bool EpubArchive::contains(const std::string& name) const {
    for (const auto& e : entries_)
        if (e.name == name) return true;
    return false;
}

std::string EpubArchive::read(const std::string& name) const {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(archive_, name.c_str(), 0, &st) != 0) throw std::runtime_error("no entry " + name);
    zip_file_t* file = zip_fopen(archive_, name.c_str(), 0);
    if (!file) throw std::runtime_error("cannot open entry " + name);
    std::string bytes(st.size, '\0');
    const zip_int64_t got = zip_fread(file, bytes.data(), st.size);
    zip_fclose(file);
    if (got < 0 || zip_uint64_t(got) != st.size) throw std::runtime_error("cannot read entry " + name);
    return bytes;
}

std::unique_ptr<pugi::xml_document> EpubArchive::xml(const std::string& name) const {
    const std::string bytes = read(name);
    auto document = std::make_unique<pugi::xml_document>();
    const pugi::xml_parse_result result =
        document->load_buffer(bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_declaration |
                                                              pugi::parse_doctype | pugi::parse_ws_pcdata_single);
    if (!result)
        throw std::runtime_error(name + " is not well-formed XML at byte " + std::to_string(result.offset) +
                                 ": " + result.description());
    return document;
}

std::string inner_text(const pugi::xml_node& node) {
    std::string out;
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) out += child.value();
        else if (child.type() == pugi::node_element && std::string_view(child.name()) == "br") out += '\n';
        else if (child.type() == pugi::node_element) out += inner_text(child);
    }
    return out;
}

std::vector<std::string> texts(const pugi::xml_node& root, const char* xpath) {
    std::vector<std::string> out;
    for (const auto& match : root.select_nodes(xpath)) out.push_back(inner_text(match.node()));
    return out;
}

std::vector<std::string> ids(const pugi::xml_node& root) {
    std::vector<std::string> out;
    for (const auto& match : root.select_nodes("//@id")) out.push_back(match.attribute().value());
    return out;
}

}  // namespace fascicle::epub::test
