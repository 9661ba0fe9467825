#include <fascicle/host/book_config.hpp>
#include <fascicle/text.hpp>

#include <boost/program_options/parsers.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace fascicle::host {

namespace po = boost::program_options;

void BookConfig::merge_from(const BookConfig& other) {
    book.merge_from(other.book);
    for (const auto& [id, m] : other.articles) articles[id].merge_from(m);
}

void BookConfig::apply_to(Article& article) const {
    auto it = articles.find(article.id);
    if (it == articles.end()) return;
    article.metadata.merge_from(it->second);
    if (!it->second.title.empty()) article.title = title_inlines(it->second.title);
}

namespace {

// Program_options reports a bad line by its text, not its number: find the number ourselves.
std::size_t line_of(const std::string& content, const std::string& bad_line) {
    std::istringstream in(content);
    std::string line;
    for (std::size_t n = 1; std::getline(in, line); ++n) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find(bad_line) != std::string::npos) return n;
    }
    return 0;
}

}  // namespace

bool read_book_config(const std::filesystem::path& file, BookConfig& config, DiagnosticSink& diagnostics) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        diagnostics.error(file.string(), 0, 0, "cannot open the metadata file");
        return false;
    }
    std::stringstream content;
    content << in.rdbuf();
    const std::string text = content.str();
    if (auto bad = find_invalid_utf8(text)) {
        const auto line = std::size_t(std::count(text.begin(), text.begin() + std::ptrdiff_t(*bad), '\n')) + 1;
        diagnostics.error(file.string(), line, 0, "expected UTF-8 text");
        return false;
    }

    std::istringstream stream(text);
    po::parsed_options parsed(nullptr);
    try {
        parsed = po::parse_config_file(stream, po::options_description(), /*allow_unregistered=*/true);
    } catch (const po::invalid_config_file_syntax& e) {
        diagnostics.error(file.string(), line_of(text, e.tokens()), 0,
                          "expected `key = value` or `[section]`, found \"" + e.tokens() + "\"");
        return false;
    } catch (const po::error& e) {
        diagnostics.error(file.string(), 0, 0, e.what());
        return false;
    }

    BookConfig read;
    for (const auto& option : parsed.options) {
        const std::string& name = option.string_key;
        const std::string value = option.value.empty() ? std::string() : option.value.front();
        const auto dot = name.rfind('.');
        const std::string section = dot == std::string::npos ? std::string() : name.substr(0, dot);
        const std::string key = dot == std::string::npos ? name : name.substr(dot + 1);
        if (section.empty() || section == "book") {
            read.book.set(key, value);
        } else if (section.rfind("article ", 0) == 0) {
            auto id = section.substr(8);
            id.erase(0, id.find_first_not_of(' '));
            read.articles[id].set(key, value);
        } else {
            diagnostics.warning(file.string(), line_of(text, "[" + section + "]"), 0,
                                "unknown section [" + section + "] (expected [book] or [article ID]); ignored");
        }
    }
    config.merge_from(read);
    return true;
}

}  // namespace fascicle::host
