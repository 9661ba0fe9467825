#include "division_reader.hpp"

#include "writer_ids.hpp"

#include <algorithm>
#include <optional>

namespace fascicle::docbook {

namespace {

constexpr std::string_view default_conclusion_title = "Conclusion";

bool ignorable(pugi::xml_node node) {
    if (node.type() == pugi::node_pi) return true;
    if (node.type() != pugi::node_pcdata) return false;
    const std::string_view value = node.value();
    return value.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace

bool is_info(std::string_view name) {
    // DocBook 5's info, and DocBook 4's bookinfo, articleinfo, sect1info...
    return name == "info" || (name.ends_with("info") && name != "funcsynopsisinfo" && name != "msginfo" &&
                              name != "blockinfo" && name != "refentryinfo" && name != "releaseinfo") ||
           name == "refentryinfo";
}

bool DivisionReader::is_section(pugi::xml_node element) const {
    const auto name = document_.name(element);
    return name == "section" || name == "simplesect" || name == "refsection" || name == "refsynopsisdiv" ||
           (name.size() == 8 && name.starts_with("refsect") && name[7] >= '1' && name[7] <= '3') ||
           (name.size() == 5 && name.starts_with("sect") && name[4] >= '1' && name[4] <= '5');
}

bool DivisionReader::is_untitled_marker(pugi::xml_node title) const {
    return document_.source().attribute(title, "role") == "untitled";
}

pugi::xml_node DivisionReader::title_element(pugi::xml_node element) const {
    for (auto child : element.children()) {
        const auto name = document_.name(child);
        if (name == "title") return child;
        if (is_info(name))
            for (auto info_child : child.children())
                if (document_.name(info_child) == "title") return info_child;
    }
    for (auto child : element.children()) {
        const auto name = document_.name(child);
        if (name != "refmeta" && name != "refnamediv") continue;
        for (auto part : child.children())
            if (document_.name(part) == "refentrytitle" || document_.name(part) == "refname") return part;
    }
    return {};
}

std::string DivisionReader::title_of(pugi::xml_node element, bool report) const {
    std::optional<DocBookDocument::Quiet> quiet;
    if (!report) quiet.emplace(document_);
    for (auto child : element.children()) {
        const auto name = document_.name(child);
        if (name == "title") return flow_.title_text(child);
        if (is_info(name)) {
            for (auto info_child : child.children())
                if (document_.name(info_child) == "title") return flow_.title_text(info_child);
        }
    }
    // A reference entry is titled by its name.
    for (auto child : element.children()) {
        const auto name = document_.name(child);
        if (name != "refmeta" && name != "refnamediv") continue;
        for (auto part : child.children())
            if (document_.name(part) == "refentrytitle" || document_.name(part) == "refname") return flow_.title_text(part);
    }
    return {};
}

pugi::xml_node DivisionReader::conclusion_of(pugi::xml_node division) const {
    pugi::xml_node last;
    for (auto child = division.last_child(); child; child = child.previous_sibling()) {
        if (!ignorable(child)) {
            last = child;
            break;
        }
    }
    if (!last || !is_section(last)) return {};
    for (auto child : last.children())
        if (is_section(child)) return {};
    auto id = document_.source().attribute(last, "xml:id");
    if (id.empty()) id = document_.source().attribute(last, "id");
    if (!id.empty() && is_conclusion_xml_id(id, document_.source().xml_ids())) return last;
    if (title_of(last) == default_conclusion_title) return last;
    return {};
}

Article DivisionReader::read(pugi::xml_node division) {
    Article article;
    UniqueIds section_ids;
    const auto conclusion = conclusion_of(division);
    read_body(division, article.introduction, article.sections, section_ids, conclusion, [&](pugi::xml_node child) {
        const auto name = document_.name(child);
        if (is_info(name)) {
            info_.read(child, article.metadata, &article.summary);
            return true;
        }
        if (name == "title" || name == "subtitle" || name == "titleabbrev")
            return info_.read_child(child, article.metadata, &article.summary);
        if (name == "refmeta") return true;  // its title is the article's (title_of); the rest is for man pages
        return false;
    });
    if (article.metadata.title.empty()) article.metadata.title = title_of(division);
    if (conclusion) {
        UniqueIds unused;
        article.conclusion = read_section(conclusion, unused).blocks;
    }
    if (const auto title = title_element(division)) {
        DocBookDocument::Quiet quiet(document_);
        if (!is_untitled_marker(title)) article.title = flow_.title_inlines_of(title);
    } else {
        article.title = title_inlines(std::move(article.metadata.title));
    }
    article.metadata.title.clear();
    return article;
}

Article DivisionReader::read_loose(const std::vector<pugi::xml_node>& nodes) {
    Article article;
    BlockCollector into(article.introduction);
    for (auto node : nodes) flow_.read(node, into);
    into.close_paragraph();
    return article;
}

void DivisionReader::read_body(pugi::xml_node parent, std::vector<Block>& blocks, std::vector<Section>& sections,
                               UniqueIds& section_ids, pugi::xml_node conclusion,
                               const std::function<bool(pugi::xml_node)>& heading) {
    BlockCollector before_sections(blocks);
    // DocBook allows nothing after the first section; what comes there anyway joins the section before.
    std::optional<BlockCollector> after_section;
    bool warned_after_section = false;
    for (auto child : parent.children()) {
        if (child == conclusion) continue;
        if (child.type() == pugi::node_element && heading(child)) continue;
        if (child.type() == pugi::node_element && is_section(child)) {
            before_sections.close_paragraph();
            if (after_section) after_section->close_paragraph();
            after_section.reset();
            sections.push_back(read_section(child, section_ids));
            after_section.emplace(sections.back().blocks);
            continue;
        }
        if (!after_section) {
            flow_.read(child, before_sections);
            continue;
        }
        if (!warned_after_section && !ignorable(child)) {
            warned_after_section = true;
            document_.warning(child, "content after a section, where DocBook allows none, is read into the end of "
                                     "the section before it (\"" + sections.back().title_text() + "\")");
        }
        flow_.read(child, *after_section);
    }
    before_sections.close_paragraph();
    if (after_section) after_section->close_paragraph();
}

Section DivisionReader::read_section(pugi::xml_node element, UniqueIds& section_ids) {
    Section section;
    const std::string title = title_of(element);
    if (const auto title_node = title_element(element); title_node && !is_untitled_marker(title_node))
        section.title = flow_.title_inlines_of(title_node);
    const bool has_id = !document_.source().attribute(element, "xml:id").empty() ||
                        !document_.source().attribute(element, "id").empty();
    section.id = section_ids.take(has_id ? flow_.local_id(element) : slugify(title));
    section.attributes.language = document_.source().attribute(element, "xml:lang");
    if (section.attributes.language.empty()) section.attributes.language = document_.source().attribute(element, "lang");
    // The writer's role: the section's classes, parted by spaces.
    const auto role = document_.source().attribute(element, "role");
    for (std::size_t start = 0; start < role.size();) {
        const auto end = std::min(role.find(' ', start), role.size());
        if (end > start) section.attributes.classes.push_back(role.substr(start, end - start));
        start = end + 1;
    }

    // A section's info has no metadata to go to: its title is the section's, the rest is content.
    BlockCollector info_content(section.blocks);
    read_body(element, section.blocks, section.subsections, section_ids, {}, [&](pugi::xml_node child) {
        const auto name = document_.name(child);
        if (name == "title") return true;
        if (name == "titleabbrev") {  // the short title running heads show: kept for the DocBook writer
            if (section.attributes.get("titleabbrev").empty())
                section.attributes.pairs.emplace_back("titleabbrev", flow_.title_text(child));
            else
                document_.unmapped(child, "left out (the first is kept)");
            return true;
        }
        if (!is_info(name)) return false;
        for (auto info_child : child.children())
            if (document_.name(info_child) != "title") flow_.read(info_child, info_content);
        info_content.close_paragraph();
        return true;
    });
    return section;
}

}  // namespace fascicle::docbook
