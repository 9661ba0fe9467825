// A small, complete plugin for the host's tests: format "test-lines" reads a file as one article
// (each non-empty line a paragraph, the first also the title) and writes each article's IR dump.
// Options: "fail-on" makes the reader fail at the line holding that text (an input error).
#include <fascicle/plugin.hpp>

#include <istream>
#include <ostream>

namespace test_lines {

class LinesReader : public fascicle::Reader {
public:
    fascicle::Status read(const fascicle::Input& input, fascicle::ReadContext& ctx, fascicle::ArticleSink& sink) override {
        fascicle::Article article;
        article.id = input.article_id;
        article.source = input.path;
        std::string line;
        std::size_t number = 0;
        auto fail_on = ctx.options.find("fail-on");
        while (std::getline(*input.stream, line)) {
            ++number;
            if (fail_on != ctx.options.end() && line.find(fail_on->second) != std::string::npos) {
                ctx.diagnostics.error(input.name, number, 1, "expected no \"" + fail_on->second + "\"");
                return fascicle::Status::failed;
            }
            if (line.empty()) continue;
            if (article.title.empty()) article.title = fascicle::title_inlines(line);
            article.introduction.push_back(fascicle::Block::paragraph(line));
        }
        return sink.accept(std::move(article));
    }
};

class DumpWriter : public fascicle::Writer {
public:
    fascicle::Status begin_book(const fascicle::Metadata& book, fascicle::WriteContext& ctx) override {
        ctx_ = &ctx;
        if (!ctx.split) ctx.output.stream() << "book " << book.title << '\n';
        return fascicle::Status::ok;
    }
    fascicle::Status write_article(const fascicle::Article& article) override {
        ctx_->output.stream() << fascicle::dump(article);
        return fascicle::Status::ok;
    }
    fascicle::Status end_book() override { return fascicle::Status::ok; }

private:
    fascicle::WriteContext* ctx_ = nullptr;
};

fascicle::PluginDescriptor describe() {
    fascicle::PluginDescriptor d;
    d.name = "test-lines";
    d.version = "1.2.3";
    d.description = "lines in, IR dumps out (for tests)";
    fascicle::FormatInfo f;
    f.name = "test-lines";
    f.description = "one paragraph a line";
    f.extensions = {".lines"};
    f.make_reader = [] { return std::make_unique<LinesReader>(); };
    f.make_writer = [] { return std::make_unique<DumpWriter>(); };
    f.options = {{"fail-on", "TEXT", "fail at the line holding TEXT"}};
    d.formats.push_back(std::move(f));
    return d;
}

}  // namespace test_lines

FASCICLE_PLUGIN(test_lines::describe)
