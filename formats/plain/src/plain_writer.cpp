#include "plain_writer.hpp"

#include <fascicle/article_blocks.hpp>

#include <ostream>
#include <string_view>

namespace fascicle::plain {

namespace {

const std::string quote_indent = "    ";

std::string value_or(std::string value, std::string fallback) {
    return value.empty() ? fallback : value;
}

void add_section(ArticleBlocks& out, const PlainTextRenderer& renderer, const Section& section) {
    out.add(renderer.title(section.title_text(), '-'));
    out.add(renderer.blocks(section.blocks));
    for (const auto& s : section.subsections) add_section(out, renderer, s);
}

}  // namespace

Status PlainTextWriter::begin_book(const Metadata& book, WriteContext& ctx) {
    ctx_ = &ctx;
    auto options = parse_plain_options(ctx.options, ctx.diagnostics);
    if (!options) return Status::failed;
    options_ = *options;
    renderer_.emplace(options_.columns);
    conclusion_title_ = value_or(book.get("conclusion-title"), "Conclusion");
    // The contents list is book-level matter: left out of --split documents.
    options_.toc = options_.toc && !ctx.split;
    out_ = options_.toc ? &body_ : &ctx.output.stream();
    if (ctx.split) return Status::ok;

    std::vector<std::string> header = renderer_->title(book.title, '=', true);
    for (const auto& author : book.authors()) {
        auto lines = renderer_->wrapped(author, "", "");
        header.insert(header.end(), lines.begin(), lines.end());
    }
    if (options_.toc) {
        header_ = std::move(header);
        contents_ = renderer_->title(value_or(book.get("toc-title"), "Contents"), '-');
        contents_.emplace_back();
    } else if (!header.empty()) {
        for (const auto& line : header) *out_ << line << '\n';
        wrote_anything_ = true;
    }
    return stream_status();
}

void PlainTextWriter::render(const Article& article, ArticleBlocks& out) const {
    const PlainTextRenderer renderer = *renderer_;  // this article's: it collects the notes
    out.add(renderer.title(article.title_text(), '='));
    out.add(renderer.blocks(article.summary, quote_indent));
    out.add(renderer.blocks(article.introduction));
    for (const auto& s : article.sections) add_section(out, renderer, s);
    if (!article.conclusion.empty()) {
        out.add(renderer.title(conclusion_title(article), '-'));
        out.add(renderer.blocks(article.conclusion));
    }
    if (auto notes = renderer.notes(); !notes.empty()) {
        out.add(renderer.title("Notes", '-'));
        out.add(notes);
    }
}

namespace {

// Plain text writes every kind as text; raw content of any format is left out.
const KindSupport plain_support{[](Inline::Kind) { return true; }, [](Block::Kind) { return true; },
                                [](std::string_view) { return std::string(); }, {}};

}  // namespace

std::optional<std::string> PlainTextWriter::render_article(const Article& article, DiagnosticSink& diagnostics) const {
    if (!renderer_) return std::nullopt;
    warn_uncarried(article, census(article), "plain text", plain_support, diagnostics);
    ArticleBlocks out;
    render(article, out);
    return out.take();
}

Status PlainTextWriter::write_article(const Article& article) {
    if (!renderer_) return Status::failed;  // begin_book failed or never ran
    warn_uncarried(article, census(article), "plain text", plain_support, ctx_->diagnostics);
    // Rendered straight to the output, as write_rendered would write it.
    ArticleBlocks out(*out_, wrote_anything_ ? "\n\n" : "");
    render(article, out);
    wrote_anything_ = wrote_anything_ || out.started();
    if (options_.toc) add_contents_entries(article);
    return stream_status();
}

Status PlainTextWriter::write_rendered(const Article& article, std::string&& rendered) {
    if (!renderer_) return Status::failed;
    if (!rendered.empty()) {
        if (wrote_anything_) *out_ << "\n\n";  // two blank lines before each article
        *out_ << rendered;
        wrote_anything_ = true;
    }
    if (options_.toc) add_contents_entries(article);
    return stream_status();
}

Status PlainTextWriter::end_book() {
    if (!renderer_) return Status::failed;
    if (options_.toc) {
        std::ostream& out = ctx_->output.stream();
        for (const auto& line : header_) out << line << '\n';
        if (!header_.empty()) out << '\n';
        for (const auto& line : contents_) out << line << '\n';
        const std::string body = body_.str();
        if (!body.empty()) out << "\n\n" << body;
    }
    ctx_->output.stream().flush();
    return stream_status();
}

std::string PlainTextWriter::conclusion_title(const Article& article) const {
    return value_or(article.metadata.get("conclusion-title"), conclusion_title_);
}

void PlainTextWriter::add_contents_entries(const Article& article) {
    auto add = [&](const std::string& title, std::size_t depth) {
        const std::string indent(4 * depth, ' ');
        auto lines = renderer_->wrapped(title, indent, indent + "  ");
        contents_.insert(contents_.end(), lines.begin(), lines.end());
    };
    add(article.title_text(), 0);
    auto sections = [&](auto& self, const std::vector<Section>& list, std::size_t depth) -> void {
        for (const auto& s : list) {
            add(s.title_text(), depth);
            self(self, s.subsections, depth + 1);
        }
    };
    sections(sections, article.sections, 1);
    if (!article.conclusion.empty()) add(conclusion_title(article), 1);
}

Status PlainTextWriter::stream_status() {
    if (ctx_->output.stream()) return Status::ok;
    ctx_->diagnostics.error("", 0, 0, "cannot write the plain-text output");
    return Status::failed;
}

}  // namespace fascicle::plain
