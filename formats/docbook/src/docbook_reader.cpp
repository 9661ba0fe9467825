#include "docbook_reader.hpp"

#include "division_reader.hpp"
#include "docbook_document.hpp"
#include "flow_reader.hpp"
#include "info_reader.hpp"
#include "writer_ids.hpp"
#include "xinclude_resolver.hpp"
#include "xml_source.hpp"

#include <fascicle/input_limits.hpp>

#include <algorithm>
#include <map>
#include <istream>

namespace fascicle::docbook {

namespace {

constexpr std::string_view conclusion_title_by_default = "Conclusion";

// One article to come: a division element, or content outside any division.
struct PlannedArticle {
    pugi::xml_node division;            // null for loose content
    std::vector<pugi::xml_node> loose;  // when division is null
    std::string conclusion_title;       // empty when the article has no conclusion
    std::string part;                   // the title of the part (or book of a set) it is in
    std::string id;
};

bool is_article_division(std::string_view name) {
    return name == "chapter" || name == "article" || name == "appendix" || name == "preface" || name == "refentry" ||
           name == "glossary" || name == "bibliography" || name == "index" || name == "setindex" ||
           name == "colophon" || name == "dedication" || name == "acknowledgements";
}

bool is_book_container(std::string_view name) {
    return name == "book" || name == "set" || name == "part" || name == "reference";
}

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
    BookReader(const XmlSource& source, const Input& input, ReadContext& ctx)
        : input_(input), ctx_(ctx), document_(source, ctx.options, ctx.diagnostics, ctx.resources),
          flow_(document_), info_(document_, flow_), divisions_(document_, flow_, info_) {}

    Status read(ArticleSink& sink) {
        const auto root = document_.source().root();
        auto plan = plan_document(root);

        Metadata book;
        if (plan.book_info_holder) read_book_info(plan.book_info_holder, book);
        book.language = language_of(root);
        const auto conclusion_title = book_conclusion_title(plan);
        if (!conclusion_title.empty() && !book.extra.count("conclusion-title")) book.extra["conclusion-title"] = conclusion_title;
        ctx_.found.fill_missing_from(book);

        const std::string book_conclusion = ctx_.found.extra.count("conclusion-title")
                                                ? ctx_.found.extra.at("conclusion-title")
                                                : std::string(conclusion_title_by_default);
        UniqueIds article_ids;
        for (std::size_t n = 0; n < plan.articles.size(); ++n)
            plan.articles[n].id = article_ids.take(article_id(plan.articles[n], n + 1));
        const auto targets = id_targets(plan);
        flow_.set_targets(&targets);

        // Every article is read before any is handed over: what is lost is known, and
        // --fail-on-loss fails the input before it gives anything.
        std::vector<Article> articles;
        for (std::size_t n = 0; n < plan.articles.size(); ++n) {
            const auto& planned = plan.articles[n];
            flow_.set_current_article(planned.id);
            Article article = planned.division ? divisions_.read(planned.division) : divisions_.read_loose(planned.loose);
            article.id = planned.id;
            if (!planned.part.empty()) article.metadata.extra["part"] = planned.part;
            article.source = input_.path.empty() ? std::filesystem::path(input_.name) : input_.path;
            // An article has a language of its own where it differs from the book's, which an
            // earlier input may have set.
            const auto language = planned.division ? language_of(planned.division) : book.language;
            if (!language.empty() && language != ctx_.found.language) article.metadata.language = language;
            if (!planned.conclusion_title.empty() && planned.conclusion_title != book_conclusion &&
                !article.metadata.extra.count("conclusion-title"))  // its info may tell it (the writer's)
                article.metadata.extra["conclusion-title"] = planned.conclusion_title;
            articles.push_back(std::move(article));
        }
        flow_.set_targets(nullptr);
        if (plan.articles.empty()) document_.warning(root, "the document holds no chapter or article");
        if (!document_.finish()) return Status::failed;
        for (auto& article : articles)
            if (const auto status = sink.accept(std::move(article)); status != Status::ok) return status;
        return Status::ok;
    }

private:
    // The xml:lang in force at an element: its own or its nearest ancestor's.
    std::string language_of(pugi::xml_node element) const {
        for (auto e = element; e.type() == pugi::node_element; e = e.parent())
            if (auto language = document_.source().attribute(e, "xml:lang"); !language.empty()) return language;
        return {};
    }

    bool is_division(pugi::xml_node node) const { return is_article_division(document_.name(node)); }

    DocumentPlan plan_document(pugi::xml_node root) {
        DocumentPlan plan;
        const auto name = document_.name(root);
        const bool holds_divisions = std::any_of(root.children().begin(), root.children().end(),
                                                 [&](pugi::xml_node n) { return is_division(n) || is_book_container(document_.name(n)); });
        if (is_book_container(name) || (holds_divisions && (name == "article" || name == "chapter"))) {
            if (!is_book_container(name)) {
                document_.note(root, "this <" + std::string(root.name()) +
                                         "> holds chapters or articles (as pandoc writes with "
                                         "--top-level-division=chapter): read as a book");
            }
            plan.book_info_holder = root;
            plan_book_children(root, plan, "");
        } else if (is_division(root) || divisions_.is_section(root) ||
                   (!flow_.is_block(root) && divisions_.title_element(root))) {
            plan.articles.push_back({root, {}, {}, {}, {}});  // a division on its own: one article
        } else {
            plan.articles.push_back({{}, {root}, {}, {}, {}});  // a bare block: an article holding it
        }
        for (auto& planned : plan.articles)
            if (planned.division)
                if (const auto conclusion = divisions_.conclusion_of(planned.division))
                    planned.conclusion_title = divisions_.title_of(conclusion);
        return plan;
    }

    // A book's children: its divisions are articles, and so are the divisions of its parts (and
    // of a set's books, a reference's entries), which keep the part's title as metadata "part";
    // other content is gathered into untitled articles.
    void plan_book_children(pugi::xml_node parent, DocumentPlan& plan, const std::string& part) {
        std::vector<pugi::xml_node> loose;
        auto flush_loose = [&] {
            if (loose.empty()) return;
            plan.articles.push_back({{}, std::move(loose), {}, part, {}});
            loose.clear();
        };
        for (auto child : parent.children()) {
            const auto name = document_.name(child);
            if (child.type() == pugi::node_element &&
                (is_info(name) || name == "title" || name == "subtitle" || name == "titleabbrev")) {
                if (parent != plan.book_info_holder && !is_info(name) && name != "title")
                    loose.push_back(child);
                continue;
            }
            if (is_division(child)) {
                flush_loose();
                plan.articles.push_back({child, {}, {}, part, {}});
            } else if (is_book_container(name)) {
                flush_loose();
                plan_book_children(child, plan, divisions_.title_of(child));
            } else if (child.type() == pugi::node_element && divisions_.is_section(child)) {
                flush_loose();
                plan.articles.push_back({child, {}, {}, part, {}});
            } else if (child.type() == pugi::node_element || child.type() == pugi::node_cdata ||
                       (child.type() == pugi::node_pcdata &&
                        std::string_view(child.value()).find_first_not_of(" \t\r\n") != std::string_view::npos)) {
                loose.push_back(child);
            }
        }
        flush_loose();
    }

    // Every xml:id of the document, and the article and local id a reference to it names.
    std::map<std::string, IdTarget> id_targets(const DocumentPlan& plan) const {
        std::map<std::string, IdTarget> targets;
        const auto& source = document_.source();
        for (const auto& planned : plan.articles) {
            std::vector<pugi::xml_node> tops = planned.loose;
            std::string article_xml_id;
            if (planned.division) {
                tops.push_back(planned.division);
                article_xml_id = source.attribute(planned.division, "xml:id");
                if (article_xml_id.empty()) article_xml_id = source.attribute(planned.division, "id");
            }
            for (auto top : tops) {
                if (top.type() != pugi::node_element) continue;
                // Pre-order, without recursion.
                for (auto node = top; node;) {
                    if (node.type() == pugi::node_element) {
                        auto id = source.attribute(node, "xml:id");
                        if (id.empty()) id = source.attribute(node, "id");
                        if (!id.empty() && !targets.count(id)) {
                            if (node == planned.division) {
                                targets[id] = {planned.id, ""};
                            } else {
                                const auto title = divisions_.is_section(node) ? divisions_.title_of(node) : std::string();
                                targets[id] = {planned.id, local_id_from_xml_id(id, article_xml_id, title)};
                            }
                        }
                    }
                    if (node.first_child()) {
                        node = node.first_child();
                        continue;
                    }
                    while (node != top && !node.next_sibling()) node = node.parent();
                    node = node == top ? pugi::xml_node() : node.next_sibling();
                }
            }
        }
        return targets;
    }

    void read_book_info(pugi::xml_node holder, Metadata& book) {
        for (auto child : holder.children()) {
            const auto name = document_.name(child);
            if (is_info(name)) info_.read(child, book, nullptr);
            else if (name == "title" || name == "subtitle" || name == "titleabbrev") info_.read_child(child, book, nullptr);
        }
    }

    // Whether a division's info holds <bibliomisc role="conclusion-title">, as the writer gives it.
    bool declares_conclusion_title(pugi::xml_node division) const {
        for (auto child : division.children()) {
            if (!is_info(document_.name(child))) continue;
            for (auto item : child.children())
                if (document_.name(item) == "bibliomisc" &&
                    document_.source().attribute(item, "role") == "conclusion-title")
                    return true;
        }
        return false;
    }

    std::string book_conclusion_title(const DocumentPlan& plan) const {
        if (ctx_.found.extra.count("conclusion-title")) return {};  // an earlier input told it
        std::vector<std::string> titles;
        for (const auto& planned : plan.articles)
            // An article whose info tells its own conclusion title (the writer's) says nothing of the book's.
            if (!planned.conclusion_title.empty() && !declares_conclusion_title(planned.division))
                titles.push_back(planned.conclusion_title);
        const auto title = most_common(titles);
        return title == conclusion_title_by_default ? std::string() : title;
    }

    // The xml:id the writer gave, read back; else the title's slug; else the file name and a number.
    std::string article_id(const PlannedArticle& planned, std::size_t number) const {
        const auto root = document_.source().root();
        if (planned.division) {
            auto xml_id = document_.source().attribute(planned.division, "xml:id");
            if (xml_id.empty()) xml_id = document_.source().attribute(planned.division, "id");
            if (!xml_id.empty() && planned.division != root) return article_id_from_xml_id(xml_id);
            if (!xml_id.empty()) return article_id_from_xml_id(xml_id);
        }
        if (planned.division == root || (planned.loose.size() == 1 && planned.loose[0] == root)) return input_.article_id;
        const std::string title = planned.division ? divisions_.title_of(planned.division) : std::string();
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
    XmlLoadSettings settings;
    settings.file = input.name;
    settings.path = input.path;
    settings.max_depth = *max_depth;
    settings.max_input_size = *max_bytes;
    settings.include_outside = ctx.options.count(allow_outside_option) != 0;
    const auto source = XmlSource::load(std::move(bytes), settings, ctx.diagnostics);
    if (!source) return Status::failed;

    const auto root = source->root();
    const auto root_namespace = source->namespace_of(root);
    if (root_namespace != docbook_namespace && !root_namespace.empty()) {
        const auto at = source->position(root);
        ctx.diagnostics.error(input.name, at.line, at.column,
                              "expected a DocBook document: a root element in the namespace " +
                                  std::string(docbook_namespace) + " (DocBook 5) or in none (DocBook 4), but the root "
                                  "element is <" + std::string(root.name()) + "> in the namespace " + root_namespace);
        return Status::failed;
    }
    return BookReader(*source, input, ctx).read(sink);
}

}  // namespace fascicle::docbook
