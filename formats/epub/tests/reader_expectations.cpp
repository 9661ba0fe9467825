#include "reader_expectations.hpp"

#include "article_text_reader.hpp"
#include "chapter_metadata.hpp"
#include "epub_reader.hpp"
#include "xml_id_inversion.hpp"

#include <fascicle/xml_stream.hpp>
#include <fascicle/host/book_config.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace fascicle::epub::test {

namespace {

ReadBook read_input(const Input& input, const reader::ArchiveLimits& limits, const Options& options = {}) {
    ReadBook out;
    fascicle::test::CollectingArticles articles;
    ReadContext ctx{options, out.diagnostics, out.book.metadata, *out.resources};
    EpubReader epub_reader(limits);
    out.status = epub_reader.read(input, ctx, articles);
    out.book.articles = std::move(articles.articles);
    return out;
}

Book read_article_text(const std::vector<std::filesystem::path>& files, const fascicle::host::BookConfig& config) {
    Book book;
    book.metadata = config.book;
    fascicle::test::CollectingArticles articles;
    fascicle::test::RecordingDiagnostics diagnostics;
    article_text::ArticleTextReader reader;
    for (const auto& f : files)
        if (fascicle::test::read_file_with(reader, f, articles, diagnostics) != Status::ok)
            throw std::runtime_error("cannot read " + f.string() + ": " + diagnostics.text());
    for (auto& a : articles.articles) config.apply_to(a);
    book.articles = std::move(articles.articles);
    return book;
}

bool kept_link(const std::string& target) {
    for (const char* scheme : {"http:", "https:", "mailto:"}) {
        const std::string s = scheme;
        if (target.size() > s.size() &&
            std::equal(s.begin(), s.end(), target.begin(), [](char a, char b) { return a == (b | 0x20); }))
            return true;
    }
    return false;
}

std::string percent_encoded(const std::string& target) {
    static constexpr std::string_view needs_escape = "\"<>\\^`{|} ";
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : target) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte >= 0x7F || needs_escape.find(c) != std::string_view::npos) {
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 0xF];
        } else {
            out += c;
        }
    }
    return out;
}

void carried(std::vector<Inline>& inlines) {
    std::vector<Inline> out;
    for (auto& i : inlines) {
        i.text = fascicle::XmlStream::carried(i.text);
        // Exact for the plain-text paragraphs the tests use (one text inline, or runs that do
        // not meet white space at their edges).
        if (i.kind == Inline::Kind::text && inlines.size() == 1) i.text = as_html_shows(i.text);
        carried(i.children);
        if (i.kind == Inline::Kind::link) {
            if (!kept_link(i.target)) {
                for (auto& child : i.children) out.push_back(std::move(child));
                continue;
            }
            i.target = percent_encoded(i.target);
        }
        out.push_back(std::move(i));
    }
    std::vector<Inline> merged;
    for (auto& i : out) {
        if (i.kind == Inline::Kind::text && !merged.empty() && merged.back().kind == Inline::Kind::text)
            merged.back().text += i.text;
        else
            merged.push_back(std::move(i));
    }
    inlines = std::move(merged);
}

void carried(std::vector<Block>& blocks) {
    for (auto& b : blocks) {
        carried(b.inlines);
        b.text = fascicle::XmlStream::carried(b.text);
        carried(b.children);
        for (auto& item : b.items) carried(item);
    }
}

void carried(std::vector<Section>& sections) {
    for (auto& s : sections) {
        s.title = fascicle::title_inlines(as_html_shows(fascicle::XmlStream::carried(s.title_text())));
        carried(s.blocks);
        carried(s.subsections);
    }
}

}  // namespace

ReadBook read_epub(const std::filesystem::path& path, const reader::ArchiveLimits& limits, const Options& options) {
    std::ifstream stream(path, std::ios::binary);
    const Input input{path.string(), path, &stream, path.stem().string()};
    return read_input(input, limits, options);
}

ReadBook read_epub_stream(const std::string& bytes, const reader::ArchiveLimits& limits) {
    std::istringstream stream(bytes);
    const Input input{"<stdin>", {}, &stream, "stdin"};
    return read_input(input, limits);
}

Book sample_book() {
    const auto dir = fascicle::test::sample_corpus_dir();
    fascicle::host::BookConfig config;
    fascicle::test::RecordingDiagnostics diagnostics;
    if (!fascicle::host::read_book_config(dir / "book.ini", config, diagnostics))
        throw std::runtime_error("cannot read book.ini: " + diagnostics.text());
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.path().extension() == ".txt") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return read_article_text(files, config);
}

std::filesystem::path hostile_file() { return fascicle::test::test_data_dir() / "hostile" / "hostile-punctuation.txt"; }

Book hostile_book() {
    fascicle::host::BookConfig config;
    config.book.title = "Hostile punctuation";
    config.book.language = "en";
    return read_article_text({hostile_file()}, config);
}

std::string as_html_shows(const std::string& text) {
    std::string out;
    bool space = true;  // drops white space at the start
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            if (!space) out += ' ';
            space = true;
        } else {
            out += c;
            space = false;
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

Book as_carried_by_epub(Book book, const std::filesystem::path& epub) {
    for (auto& a : book.articles) {
        Metadata shown;
        for (const auto& [key, value] : a.metadata.entries())
            if (is_chapter_metadata_key(key))
                shown.set(key, as_html_shows(fascicle::XmlStream::carried(value)));
        if (!a.metadata.language.empty() && a.metadata.language != book.metadata.language)
            shown.language = a.metadata.language;
        std::string conclusion_title = a.metadata.get("conclusion-title");
        if (conclusion_title.empty()) conclusion_title = book.metadata.get("conclusion-title");
        if (!a.conclusion.empty() && !conclusion_title.empty() && conclusion_title != "Conclusion")
            shown.set("conclusion-title", conclusion_title);
        a.metadata = shown;
        a.source = epub;
        a.id = reader::article_id_from_xml_id(article_xml_id(a.id));
        a.title = fascicle::title_inlines(as_html_shows(fascicle::XmlStream::carried(a.title_text())));
        carried(a.summary);
        carried(a.introduction);
        carried(a.sections);
        carried(a.conclusion);
    }
    book.metadata.extra.clear();
    return book;
}

}  // namespace fascicle::epub::test
