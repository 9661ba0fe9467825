#include "info_reader.hpp"

#include "text_whitespace.hpp"

namespace fascicle::docbook {

void InfoReader::read(pugi::xml_node info, Metadata& metadata, std::vector<Block>* summary) {
    // The values of the <bibliomisc role="key"> met so far, their lines joined (set once at the
    // end: appending to the metadata line by line would copy a long value at each line).
    std::map<std::string, KeyedValue> keyed;
    for (auto child : info.children()) {
        if (child.type() != pugi::node_element) continue;
        const auto key = document_.source().attribute(child, "role");
        if (document_.name(child) == "bibliomisc" && !key.empty() && read_keyed(child, key, metadata, keyed)) continue;
        if (!read_child(child, metadata, summary)) keep_in_extra(child, metadata, true);
    }
    for (auto& [key, value] : keyed) {
        if (!metadata.get(key).empty()) {  // an element after it told the field
            document_.unmapped(value.first, "left out (the field's element is kept)");
            continue;
        }
        metadata.set(key, value.text);
    }
}

bool InfoReader::read_keyed(pugi::xml_node bibliomisc, const std::string& key, Metadata& metadata,
                            std::map<std::string, KeyedValue>& keyed) {
    const auto value = value_of(bibliomisc);
    if (key == "subject") {
        if (!value.empty()) metadata.subjects.push_back(value);
        return true;
    }
    if (const auto it = keyed.find(key); it != keyed.end()) {  // the next line of a value
        it->second.text += "\n" + value;
        return true;
    }
    // A field another element tells (the title, a creator, the date) is not taken from a bibliomisc.
    Metadata probe;
    probe.set(key, value);
    if (!probe.creators.empty() || key == "title" || key == "language" || key == "date" || !metadata.get(key).empty())
        return false;
    keyed.emplace(key, KeyedValue{bibliomisc, value});
    return true;
}

bool InfoReader::read_child(pugi::xml_node child, Metadata& metadata, std::vector<Block>* summary) {
    const auto name = document_.name(child);
    if (name == "title") {
        if (metadata.title.empty()) metadata.title = flow_.title_text(child);
        else keep_in_extra(child, metadata, true);
    } else if (name == "subtitle" && metadata.subtitle.empty()) {
        metadata.subtitle = flow_.title_text(child);
    } else if (name == "subtitle" || name == "titleabbrev") {
        keep_in_extra(child, metadata, false);
    } else if (name == "author") {
        read_author(child, metadata);
    } else if (name == "editor" || name == "othercredit") {
        auto role = document_.source().attribute(child, "role");
        if (name == "editor") role = "edt";
        else if (role.size() != 3) role = document_.source().attribute(child, "class") == "translator" ? "trl" : "ctb";
        read_author(child, metadata, role);
    } else if (name == "authorgroup") {
        for (auto member : child.children()) {
            if (member.type() != pugi::node_element) continue;
            if (document_.name(member) == "author") read_author(member, metadata);
            else if (document_.name(member) == "editor") read_author(member, metadata, "edt");
            else keep_in_extra(member, metadata, true);
        }
    } else if (name == "pubdate" || name == "date") {
        if (metadata.date.empty()) metadata.date = value_of(child);
        else keep_in_extra(child, metadata, true);
    } else if (name == "publisher") {
        const auto publishername = child.find_child([&](pugi::xml_node n) { return document_.name(n) == "publishername"; });
        if (metadata.publisher.empty()) metadata.publisher = value_of(publishername ? publishername : child);
        else keep_in_extra(child, metadata, true);
    } else if (name == "biblioid") {
        if (metadata.identifier.empty()) metadata.identifier = value_of(child);
        else keep_in_extra(child, metadata, true);
    } else if (name == "abstract") {
        if (summary) {
            auto blocks = flow_.blocks_of(child);
            summary->insert(summary->end(), blocks.begin(), blocks.end());
        } else {
            const auto text = lines_of(child);
            metadata.description += (metadata.description.empty() || text.empty() ? "" : "\n") + text;
        }
    } else if (name == "copyright") {
        // DocBook 4 and 5: <copyright><year>2004</year><holder>A. Author</holder></copyright>
        const auto text = "Copyright \u00A9 " + value_of(child);
        metadata.rights += (metadata.rights.empty() ? "" : "\n") + text;
    } else if (name == "legalnotice") {
        const auto text = lines_of(child);
        metadata.rights += (metadata.rights.empty() || text.empty() ? "" : "\n") + text;
    } else {
        return false;
    }
    return true;
}

void InfoReader::read_author(pugi::xml_node author, Metadata& metadata, const std::string& role) {
    // The name is a personname or an orgname; what else an author holds (affiliation, email...)
    // has no field of its own.
    pugi::xml_node name_element;
    std::string parts;  // DocBook 4: the name's parts straight in the author
    for (auto child : author.children()) {
        if (child.type() != pugi::node_element) continue;
        const auto name = document_.name(child);
        if (!name_element && (name == "personname" || name == "orgname")) name_element = child;
        else if (name == "honorific" || name == "firstname" || name == "othername" || name == "surname" ||
                 name == "lineage")
            parts += (parts.empty() ? "" : " ") + value_of(child);
        else keep_in_extra(child, metadata, true);
    }
    const auto name = name_element ? value_of(name_element) : !parts.empty() ? parts : value_of(author);
    if (!name.empty()) metadata.creators.push_back(Creator{name, role, {}});
}

void InfoReader::keep_in_extra(pugi::xml_node element, Metadata& metadata, bool warn) {
    const std::string key(XmlSource::local_name(element));
    const auto text = value_of(element);
    if (warn) {
        document_.unmapped(element, text.empty() ? "left out" : "kept as metadata \"" + key + "\"");
    }
    if (text.empty()) return;
    auto& value = metadata.extra[key];
    value += (value.empty() ? "" : "; ") + text;
}

std::string InfoReader::value_of(pugi::xml_node element) {
    std::string text;
    bool has_elements = false;
    for (auto child : element.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            text += document_.source().text(child);
        } else if (child.type() == pugi::node_element) {
            has_elements = true;
            text += " " + value_of(child) + " ";
        }
    }
    if (!has_elements) return tidy_whitespace(text);
    // Parts of a name: every run of white space is one space.
    std::string collapsed;
    for (char c : text) {
        const bool blank = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (!blank) collapsed += c;
        else if (!collapsed.empty() && collapsed.back() != ' ') collapsed += ' ';
    }
    if (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
    return collapsed;
}

std::string InfoReader::lines_of(pugi::xml_node element) {
    std::string lines;
    for (const auto& block : flow_.blocks_of(element)) {
        const auto text = tidy_whitespace(plain_text(block));
        if (!text.empty()) lines += (lines.empty() ? "" : "\n") + text;
    }
    return lines;
}

}  // namespace fascicle::docbook
