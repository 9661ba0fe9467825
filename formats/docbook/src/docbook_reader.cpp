#include "docbook_reader.hpp"

#include "division_reader.hpp"
#include "docbook_document.hpp"
#include "flow_reader.hpp"
#include "info_reader.hpp"
#include "writer_ids.hpp"
#include "xml_source.hpp"

#include <fascicle/input_limits.hpp>

#include <algorithm>
#include <map>
#include <istream>

namespace fascicle::docbook {

namespace {

constexpr std::string_view default_conclusion_title = "Conclusion";

// One article to come: a division element, or content outside any division.
struct PlannedArticle {
    pugi::xml_node division;            // null for loose content
    std::vector<pugi::xml_node> loose;  // when division is null
    std::string conclusion_title;       // empty when the article has no conclusion
};

// What a document is made of once its root is known.
struct DocumentPlan {
    pugi::xml_node book_info_holder;  // the element whose info is the book's (null: none)
    std::vector<PlannedArticle> articles;
};


// The title most conclusions have (the earliest of equals); the writer titles each conclusion
// with the article's conclusion-title, else the book's, else "Conclusion".
std::string most_common(const std::vector<std::string>& titles) {
    std::map<std::string, std::size_t> counts;
    for (const auto& t : titles) ++counts[t];
    std::string best;
    std::size_t best_count = 0;
    for (const auto& t : titles) {
        if (counts[t] > best_count) {
            best = t;
            best_count = counts[t];
        }
    }
    return best;
}

class BookReader {
public:
    BookReader(const XmlSource& source, std::string docbook_namespace_uri, const Input& input, ReadContext& ctx)
        : input_(input), ctx_(ctx), document_(source, std::move(docbook_namespace_uri), ctx.diagnostics),
          flow_(document_), info_(document_, flow_), divisions_(document_, flow_, info_) {}

    Status read(ArticleSink& sink) {
        const auto root = document_.source().root();
        const auto plan = plan_document(root);

        Metadata book;
        if (plan.book_info_holder) read_book_info(plan.book_info_holder, book);
        book.language = language_of(root);
        const auto conclusion_title = book_conclusion_title(plan);
        if (!conclusion_title.empty()) book.extra["conclusion-title"] = conclusion_title;
        ctx_.found.fill_missing_from(book);

        const std::string book_conclusion = ctx_.found.extra.count("conclusion-title")
                                                ? ctx_.found.extra.at("conclusion-title")
                                                : std::string(default_conclusion_title);
        UniqueIds article_ids;
        Status status = Status::ok;
        for (std::size_t n = 0; n < plan.articles.size() && status == Status::ok; ++n) {
            const auto& planned = plan.articles[n];
            Article article = planned.division ? divisions_.read(planned.division) : divisions_.read_loose(planned.loose);
            article.id = article_ids.take(article_id(planned, article, n + 1));
            article.source = input_.path.empty() ? std::filesystem::path(input_.name) : input_.path;
            // An article has a language of its own where it differs from the book's, which an
            // earlier input may have set.
            const auto language = planned.division ? language_of(planned.division) : book.language;
            if (!language.empty() && language != ctx_.found.language) article.metadata.language = language;
            if (!planned.conclusion_title.empty() && planned.conclusion_title != book_conclusion)
                article.metadata.extra["conclusion-title"] = planned.conclusion_title;
            status = sink.accept(std::move(article));
        }
        document_.finish();
        if (plan.articles.empty()) document_.warning(root, "the document holds no chapter or article");
        return status;
    }

private:
    // The xml:lang in force at an element: its own or its nearest ancestor's.
    std::string language_of(pugi::xml_node element) const {
        for (auto e = element; e.type() == pugi::node_element; e = e.parent())
            if (auto language = document_.source().attribute(e, "xml:lang"); !language.empty()) return language;
        return {};
    }

    bool is_division(pugi::xml_node node) const {
        const auto name = document_.name(node);
        return name == "chapter" || name == "article";
    }

    DocumentPlan plan_document(pugi::xml_node root) {
        DocumentPlan plan;
        const bool holds_divisions = std::any_of(root.children().begin(), root.children().end(),
                                                 [&](pugi::xml_node n) { return is_division(n); });
        if (document_.name(root) != "book" && !holds_divisions) {
            plan.articles.push_back({root, {}, {}});  // a chapter or article on its own: one article
        } else {
            if (document_.name(root) != "book") {
                document_.note(root, "this <" + std::string(root.name()) +
                                         "> holds chapters or articles (as pandoc writes with "
                                         "--top-level-division=chapter): read as a book");
            }
            plan.book_info_holder = root;
            plan_book_children(root, plan);
        }
        for (auto& planned : plan.articles)
            if (planned.division)
                if (const auto conclusion = divisions_.conclusion_of(planned.division))
                    planned.conclusion_title = divisions_.title_of(conclusion);
        return plan;
    }

    // A book's children: chapters and articles; an unmapped element with a title (a preface, an
    // appendix) is read as an article too; a part's chapters as the book's; other content is
    // gathered into untitled articles.
    void plan_book_children(pugi::xml_node parent, DocumentPlan& plan) {
        std::vector<pugi::xml_node> loose;
        auto flush_loose = [&] {
            if (loose.empty()) return;
            document_.warning(loose.front(), "content outside any chapter is read as an untitled article");
            plan.articles.push_back({{}, std::move(loose), {}});
            loose.clear();
        };
        for (auto child : parent.children()) {
            const auto name = document_.name(child);
            if (child.type() == pugi::node_element && (name == "info" || name == "title" || name == "subtitle" ||
                                                       name == "titleabbrev")) {
                if (parent != plan.book_info_holder) {
                    const auto title = name == "info" ? divisions_.title_of(parent) : flow_.title_text(child);
                    document_.unmapped(child, "the part's title \"" + title + "\" is left out");
                }
                continue;
            }
            if (is_division(child)) {
                flush_loose();
                plan.articles.push_back({child, {}, {}});
            } else if (name == "part") {
                flush_loose();
                document_.unmapped(child, "its chapters are read as chapters of the book");
                plan_book_children(child, plan);
            } else if (child.type() == pugi::node_element && !divisions_.title_of(child).empty()) {
                flush_loose();
                document_.unmapped(child, "it is read as an article");
                plan.articles.push_back({child, {}, {}});
            } else if (child.type() == pugi::node_element || child.type() == pugi::node_cdata ||
                       (child.type() == pugi::node_pcdata &&
                        std::string_view(child.value()).find_first_not_of(" \t\r\n") != std::string_view::npos)) {
                loose.push_back(child);
            }
        }
        flush_loose();
    }

    void read_book_info(pugi::xml_node holder, Metadata& book) {
        for (auto child : holder.children()) {
            const auto name = document_.name(child);
            if (name == "info") info_.read(child, book, nullptr);
            else if (name == "title" || name == "subtitle" || name == "titleabbrev") info_.read_child(child, book, nullptr);
        }
    }

    std::string book_conclusion_title(const DocumentPlan& plan) const {
        if (ctx_.found.extra.count("conclusion-title")) return {};  // an earlier input told it
        std::vector<std::string> titles;
        for (const auto& planned : plan.articles)
            if (!planned.conclusion_title.empty()) titles.push_back(planned.conclusion_title);
        const auto title = most_common(titles);
        return title == default_conclusion_title ? std::string() : title;
    }

    // The xml:id the writer gave, read back; else the title's slug; else the file name and a number.
    std::string article_id(const PlannedArticle& planned, const Article& article, std::size_t number) const {
        const auto root = document_.source().root();
        if (planned.division) {
            if (const auto xml_id = document_.source().attribute(planned.division, "xml:id"); !xml_id.empty())
                return article_id_from_xml_id(xml_id);
            if (planned.division == root) return input_.article_id;
        }
        const std::string title = article.title_text();
        if (!title.empty() && slugify(title) != "section") return slugify(title);
        return input_.article_id + "-" + std::to_string(number);
    }

    const Input& input_;
    ReadContext& ctx_;
    DocBookDocument document_;
    FlowReader flow_;
    InfoReader info_;
    DivisionReader divisions_;
};

}  // namespace

Status DocBookReader::read(const Input& input, ReadContext& ctx, ArticleSink& sink) {
    std::string error;
    const auto max_bytes = limit_option(ctx.options, max_input_size_option, default_max_input_size, true, error);
    const auto max_depth =
        max_bytes ? limit_option(ctx.options, max_nesting_option, XmlSource::default_max_depth, false, error,
                                 XmlSource::most_depth)
                  : std::nullopt;
    if (!max_depth) {
        ctx.diagnostics.error("", 0, 0, error);
        return Status::bad_options;
    }
    std::string bytes;
    switch (read_at_most(*input.stream, *max_bytes, bytes)) {
    case LimitedRead::complete: break;
    case LimitedRead::too_large:
        ctx.diagnostics.error(input.name, 0, 0, input_too_large_message(*max_bytes));
        return Status::failed;
    case LimitedRead::failed:
        ctx.diagnostics.error(input.name, 0, 0, "cannot read the input");
        return Status::failed;
    }
    const auto source = XmlSource::load(std::move(bytes), input.name, ctx.diagnostics, *max_depth);
    if (!source) return Status::failed;

    const auto root = source->root();
    const auto root_namespace = source->namespace_of(root);
    const auto root_name = XmlSource::local_name(root);
    const bool docbook_name = root_name == "book" || root_name == "chapter" || root_name == "article";
    if (!docbook_name || (root_namespace != docbook_namespace && !root_namespace.empty())) {
        const auto at = source->position(root);
        std::string found = "<" + std::string(root.name()) + ">";
        found += root_namespace.empty() ? " in no namespace" : " in the namespace " + root_namespace;
        ctx.diagnostics.error(input.name, at.line, at.column,
                              "expected a DocBook 5 document: a <book>, <chapter> or <article> root element in "
                              "the namespace " + std::string(docbook_namespace) + ", but the root element is " + found);
        return Status::failed;
    }
    if (root_namespace.empty()) {
        const auto at = source->position(root);
        ctx.diagnostics.warning(input.name, at.line, at.column,
                                "the root element <" + std::string(root.name()) + "> is in no namespace (DocBook 4 "
                                "or older?): read as DocBook 5, whose elements fascicle maps");
    }
    return BookReader(*source, root_namespace, input, ctx).read(sink);
}

}  // namespace fascicle::docbook
