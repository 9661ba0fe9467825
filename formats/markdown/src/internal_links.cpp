#include "internal_links.hpp"

#include <fascicle/ir_walk.hpp>

#include <fascicle/text.hpp>
#include <fascicle/xml_stream.hpp>

namespace fascicle::markdown {

namespace {

bool is_ascii_alphanumeric(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// A file name as a URL path segment: unreserved characters as they are, every other byte %XX.
std::string percent_encoded(std::string_view name) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : name) {
        if (is_ascii_alphanumeric(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += c;
        } else {
            const auto byte = static_cast<unsigned char>(c);
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 0xF];
        }
    }
    return out;
}

void collect_section_titles(const std::vector<Section>& sections,
                            std::map<std::string, std::vector<Inline>, std::less<>>& into) {
    for (const auto& s : sections) {
        if (!s.id.empty()) into.emplace(s.id, s.title);
        collect_section_titles(s.subsections, into);
    }
}

// Whether a section's id is the one readers make from its title: slugify(title), or that with
// "-2", "-3"... to make it unique.
bool is_made_from_title(const std::string& id, const std::string& title) {
    const std::string slug = slugify(title);
    if (id == slug) return true;
    if (!id.starts_with(slug + "-")) return false;
    const std::string_view number = std::string_view(id).substr(slug.size() + 1);
    return !number.empty() && number.find_first_not_of("0123456789") == std::string_view::npos;
}

// A title as a link's text: notes are left out (a note shown twice would be two notes).
std::vector<Inline> without_notes(const std::vector<Inline>& inlines) {
    std::vector<Inline> out;
    for (const auto& i : inlines) {
        if (i.kind == Inline::Kind::note) continue;
        Inline copy = i;
        copy.children = without_notes(i.children);
        out.push_back(std::move(copy));
    }
    return out;
}

}  // namespace

std::string anchor_safe(std::string_view id) {
    std::string out;
    for (char c : id) {
        const bool kept =
            is_ascii_alphanumeric(c) || c == '-' || c == '_' || c == '.' || static_cast<unsigned char>(c) >= 0x80;
        out += kept ? c : '-';
    }
    return out;
}

std::string anchor_tag(std::string_view name) {
    std::string out;
    XmlStream xml(out);
    xml.open_inline("a", {{"id", std::string(name)}});
    xml.close();
    if (!out.empty() && out.back() == '\n') out.pop_back();  // the stream ends a top-level element's line
    return out;
}

Inline anchor_inline(std::string_view name) {
    Inline anchor;
    anchor.kind = Inline::Kind::raw;
    anchor.format = "html";
    anchor.text = anchor_tag(name);
    return anchor;
}

InternalLinks::InternalLinks(const Article& article, bool split, bool book_title)
    : article_id_(article.id), split_(split), anchored_(!split), article_title_(article.title) {
    collect_section_titles(article.sections, titles_);
    bool refers_to_itself = false;
    IrVisitor visitor;
    visitor.block = [&](const Block& b) {
        if (!b.attributes.id.empty() && !b.caption.empty()) titles_.emplace(b.attributes.id, b.caption);
    };
    visitor.inline_ = [&](const Inline& i) {
        if (i.kind != Inline::Kind::reference) return;
        const auto [target_article, local] = split_reference(i.target);
        if (target_article == article_id_ && !local.empty()) referred_here_.emplace(local);
        if (target_article == article_id_ && local.empty()) refers_to_itself = true;
    };
    walk(article, visitor);
    const bool named_by_reader = (!article.source.empty() && article.source.stem() == article.id) ||
                                 is_made_from_title(article.id, article.title_text());
    // Under a book title, articles are a book's, gathered from several sources perhaps, and other
    // articles may link to them; but one whose source had it under a book title already (its
    // heading below the top level) comes from one document, which a reader names again the same.
    const bool gathered = book_title && article.heading_level < 2;
    if (!gathered && !refers_to_itself && named_by_reader) anchored_ = false;
}

std::string InternalLinks::article_anchor() const { return anchored_ ? anchor_safe(article_id_) : std::string(); }

std::string InternalLinks::anchor(std::string_view local_id) const {
    return split_ ? anchor_safe(local_id) : anchor_safe(article_id_) + "." + anchor_safe(local_id);
}

std::string InternalLinks::section_anchor(const Section& section) const {
    if (section.id.empty()) return {};
    if (is_made_from_title(section.id, section.title_text()) && !referred_here_.contains(section.id)) return {};
    return anchor(section.id);
}

std::string InternalLinks::destination(std::string_view target) const {
    const auto [article, local] = split_reference(target);
    if (!split_) return "#" + anchor_safe(article) + (local.empty() ? "" : "." + anchor_safe(local));
    const std::string file = percent_encoded(std::string(article) + ".md");
    if (article == article_id_) return local.empty() ? file : "#" + anchor_safe(local);
    return local.empty() ? file : file + "#" + anchor_safe(local);
}

std::vector<Inline> InternalLinks::text_for(std::string_view target) const {
    const auto [article, local] = split_reference(target);
    if (article == article_id_) {
        if (local.empty() && !article_title_.empty()) return without_notes(article_title_);
        if (auto it = titles_.find(local); it != titles_.end()) return without_notes(it->second);
    }
    return {Inline::plain(std::string(local.empty() ? article : local))};
}

}  // namespace fascicle::markdown
