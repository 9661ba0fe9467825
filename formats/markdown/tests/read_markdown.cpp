#include "read_markdown.hpp"

#include "markdown_reader.hpp"

#include <fstream>
#include <sstream>

namespace fascicle::markdown::test {

namespace {

ReadMarkdown read_stream(std::istream& in, const std::string& name, const std::filesystem::path& path,
                         const Options& options, std::optional<Flavor> flavor) {
    ReadMarkdown out;
    fascicle::test::CollectingArticles articles;
    fascicle::Resources ctx_resources;
    ReadContext ctx{options, out.diagnostics, out.book.metadata, ctx_resources};
    const Input input{name, path, &in, std::filesystem::path(name).stem().string()};
    out.status = MarkdownReader(flavor).read(input, ctx, articles);
    out.book.articles = std::move(articles.articles);
    for (const Resource* r : ctx_resources.all()) out.resources.push_back(r->name);
    return out;
}

}  // namespace

ReadMarkdown read_markdown(const std::string& markdown, const Options& options, const std::string& name) {
    std::istringstream in(markdown);
    return read_stream(in, name, name, options, std::nullopt);
}

ReadMarkdown read_markdown_file(const std::filesystem::path& path, const Options& options, std::optional<Flavor> flavor) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path.string());
    return read_stream(in, path.string(), path, options, flavor);
}

std::string problems(const ReadMarkdown& read) {
    std::string out;
    for (const auto& d : read.diagnostics.all)
        if (d.severity != Severity::note) out += d.format() + "\n";
    return out;
}

}  // namespace fascicle::markdown::test
