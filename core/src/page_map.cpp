#include <fascicle/page_map.hpp>

#include <charconv>
#include <fstream>
#include <sstream>

namespace fascicle {

namespace {

constexpr std::string_view header = "fascicle-page-map 1";

void collect(const std::vector<Block>& blocks, std::vector<const Block*>& out) {
    for (const Block& b : blocks) {
        switch (b.kind) {
            case Block::Kind::paragraph: out.push_back(&b); break;
            case Block::Kind::list:
                for (const auto& item : b.items) collect(item, out);
                break;
            case Block::Kind::block_quote:
            case Block::Kind::division: collect(b.children, out); break;
            case Block::Kind::definition_list:
                for (const auto& d : b.definitions)
                    for (const auto& definition : d.definitions) collect(definition, out);
                break;
            default: break;  // tables, figures, raw blocks: not anchors (see the header)
        }
    }
}

void collect(const std::vector<Section>& sections, std::vector<const Block*>& out) {
    for (const Section& s : sections) {
        collect(s.blocks, out);
        collect(s.subsections, out);
    }
}

bool plain_field(std::string_view field) { return field.find_first_of("\t\r\n") == std::string_view::npos; }

}  // namespace

std::vector<const Block*> page_anchors(const Article& article) {
    std::vector<const Block*> out;
    collect(article.summary, out);
    collect(article.introduction, out);
    collect(article.sections, out);
    collect(article.conclusion, out);
    return out;
}

std::unordered_map<const Block*, std::size_t> page_anchor_numbers(const Article& article) {
    std::unordered_map<const Block*, std::size_t> out;
    const auto anchors = page_anchors(article);
    for (std::size_t n = 0; n < anchors.size(); ++n) out.emplace(anchors[n], n);
    return out;
}

std::string page_anchor_xml_id(const std::string& article_id, std::size_t anchor) {
    return article_xml_id(article_id) + "._page." + std::to_string(anchor);
}

std::optional<std::string> page_map_text(const PageMap& map, std::string& error) {
    std::string out(header);
    out += '\n';
    for (const auto& page : map.pages) {
        if (page.label.empty() || !plain_field(page.label) || !plain_field(page.article_id)) {
            error = "page '" + page.label + "' of article '" + page.article_id +
                    "': a page label or an article id is empty or holds a tab or a line break";
            return std::nullopt;
        }
        out += page.label + '\t' + page.article_id + '\t' + std::to_string(page.anchor) + '\t' +
               (page.within ? "within" : "start") + '\n';
    }
    return out;
}

std::optional<PageMap> parse_page_map(std::string_view text, std::string& error) {
    PageMap map;
    std::size_t line_number = 0;
    bool headed = false;
    while (!text.empty()) {
        const auto end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        if (line.ends_with('\r')) line.remove_suffix(1);  // a map saved with CRLF line ends
        ++line_number;
        const auto fail = [&](const std::string& what) {
            error = "line " + std::to_string(line_number) + ": " + what;
            return std::nullopt;
        };
        if (!headed) {
            if (line != header) return fail("expected '" + std::string(header) + "', the page map's first line");
            headed = true;
            continue;
        }
        std::vector<std::string_view> fields;
        for (std::size_t start = 0;;) {
            const auto tab = line.find('\t', start);
            fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
            if (tab == std::string_view::npos) break;
            start = tab + 1;
        }
        if (fields.size() != 4)
            return fail("expected 4 tab-separated fields (label, article id, anchor, start|within), found " +
                        std::to_string(fields.size()));
        PageStart page{std::string(fields[0]), std::string(fields[1]), 0, false};
        if (page.label.empty()) return fail("the page label is empty");
        if (!plain_field(page.label) || !plain_field(page.article_id))
            return fail("a page label or an article id holds a carriage return");
        const auto number = fields[2];
        const auto [rest, ec] = std::from_chars(number.data(), number.data() + number.size(), page.anchor);
        if (number.empty() || ec != std::errc() || rest != number.data() + number.size())
            return fail("the anchor number '" + std::string(number) + "' is not a number");
        if (fields[3] == "within") page.within = true;
        else if (fields[3] != "start") return fail("expected 'start' or 'within', not '" + std::string(fields[3]) + "'");
        map.pages.push_back(std::move(page));
    }
    if (!headed) {
        error = "line 1: expected '" + std::string(header) + "', the page map's first line (the file is empty)";
        return std::nullopt;
    }
    return map;
}

std::optional<PageMap> read_page_map(const std::filesystem::path& file, std::string& error) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        error = "cannot read the page map " + file.string();
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    auto map = parse_page_map(text.str(), error);
    if (!map) error = file.string() + ":" + error.substr(5);  // "line N: ..." → "FILE:N: ..."
    return map;
}

}  // namespace fascicle
