#include "entity_expansion.hpp"

#include "character_entities.hpp"
#include <fascicle/input_limits.hpp>

#include <algorithm>
#include <map>

namespace fascicle::docbook {

namespace {

bool name_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '.' || c == ':' || u >= 0x80;
}

bool predefined(std::string_view name) {
    return name == "lt" || name == "gt" || name == "amp" || name == "apos" || name == "quot";
}

// The name of a reference starting at `amp` ("&name;"); empty when none is there.
std::string_view reference_at(std::string_view s, std::size_t amp) {
    std::size_t end = amp + 1;
    while (end < s.size() && end - amp <= 64 && name_char(s[end])) ++end;
    if (end >= s.size() || s[end] != ';' || end == amp + 1) return {};
    return s.substr(amp + 1, end - amp - 1);
}

class Expander {
public:
    Expander(const DoctypeDeclarations& doctype, std::uint64_t limit, ExpandedSource& out)
        : limit_(limit), out_(out) {
        // The first declaration of a name binds, as XML says.
        for (const auto& e : doctype.entities)
            if (!e.parameter) entities_.emplace(e.name, &e);
    }

    // Copies `text` (source bytes from `source_offset`) with its references expanded.
    bool copy(std::string_view text, std::size_t source_offset) {
        std::size_t i = 0;
        mark(source_offset, false);
        while (i < text.size()) {
            const auto next = text.find_first_of("&<", i);
            if (next == std::string_view::npos) {
                out_.text.append(text.substr(i));
                break;
            }
            // Markup whose '&' are not references: comments, CDATA sections, processing instructions.
            std::string_view close;
            const auto rest = text.substr(next);
            if (rest.starts_with("<!--")) close = "-->";
            else if (rest.starts_with("<![CDATA[")) close = "]]>";
            else if (rest.starts_with("<?")) close = "?>";
            if (text[next] == '<') {
                auto end = close.empty() ? next + 1 : text.find(close, next);
                end = end == std::string_view::npos ? text.size() : (close.empty() ? end : end + close.size());
                out_.text.append(text.substr(i, end - i));
                i = end;
                continue;
            }
            out_.text.append(text.substr(i, next - i));
            const auto name = reference_at(text, next);
            const auto entity = entities_.find(std::string(name));
            if (name.empty() || predefined(name) || (entity == entities_.end() && !character_entity(name))) {
                out_.text += '&';  // the parser's business (a character reference, or an error)
                i = next + 1;
                continue;
            }
            mark(source_offset + next, true);
            if (!expand(name, source_offset + next)) return false;
            i = next + name.size() + 2;
            mark(source_offset + i, false);
        }
        return true;
    }

private:
    void mark(std::size_t source_offset, bool expansion) {
        if (!out_.stretches.empty() && out_.stretches.back().text_offset == out_.text.size()) out_.stretches.pop_back();
        out_.stretches.push_back({out_.text.size(), source_offset, expansion});
    }

    // Appends the replacement text of the reference to `name` made at `at`.
    bool expand(std::string_view name, std::size_t at) {
        const auto found = entities_.find(std::string(name));
        if (found == entities_.end()) return add(*character_entity(name), at);
        const EntityDeclaration& entity = *found->second;
        if (!entity.external_id.empty()) {
            out_.dropped.push_back({at, "left out (&" + entity.name + "; is " + entity.external_id +
                                            ": fascicle never reads external entities)"});
            return true;
        }
        if (std::find(open_.begin(), open_.end(), entity.name) != open_.end()) {
            out_.error = SourceIssue{at, "the entity \"" + entity.name + "\" refers to itself (through " +
                                             std::to_string(open_.size()) + " references): refused"};
            return false;
        }
        if (open_.size() >= max_entity_nesting) {
            out_.error = SourceIssue{at, "entity references nested more than " + std::to_string(max_entity_nesting) +
                                             " deep (an entity's text refers to an entity whose text refers to ...): "
                                             "refused"};
            return false;
        }
        open_.push_back(entity.name);
        const std::string_view value = entity.value;
        std::size_t i = 0;
        while (i < value.size()) {
            const auto amp = value.find('&', i);
            if (!add(value.substr(i, amp == std::string_view::npos ? std::string_view::npos : amp - i), at)) return false;
            if (amp == std::string_view::npos) break;
            const auto inner = reference_at(value, amp);
            if (inner.empty() || predefined(inner) ||
                (entities_.find(std::string(inner)) == entities_.end() && !character_entity(inner))) {
                if (!add("&", at)) return false;
                i = amp + 1;
                continue;
            }
            if (!expand(inner, at)) return false;
            i = amp + inner.size() + 2;
        }
        open_.pop_back();
        return true;
    }

    bool add(std::string_view text, std::size_t at) {
        added_ += text.size();
        if (added_ > limit_) {
            out_.error = SourceIssue{at, "entity references expand the document by more than " +
                                             describe_bytes(limit_) +
                                             ", the most fascicle allows: refused as an entity amplification "
                                             "(\"billion laughs\")"};
            return false;
        }
        out_.text.append(text);
        return true;
    }

    std::uint64_t limit_;
    std::uint64_t added_ = 0;
    ExpandedSource& out_;
    std::map<std::string, const EntityDeclaration*> entities_;
    std::vector<std::string> open_;
};

// The offset of the DOCTYPE in the prolog; npos when there is none.
std::size_t find_doctype(std::string_view s) {
    std::size_t i = 0;
    while (true) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) ++i;
        const auto rest = s.substr(i);
        if (rest.starts_with("<!DOCTYPE")) return i;
        std::string_view close = rest.starts_with("<?") ? "?>" : rest.starts_with("<!--") ? "-->" : "";
        if (close.empty()) return std::string_view::npos;
        const auto end = s.find(close, i);
        if (end == std::string_view::npos) return std::string_view::npos;
        i = end + close.size();
    }
}

}  // namespace

std::size_t ExpandedSource::source_offset(std::size_t text_offset) const {
    auto it = std::upper_bound(stretches.begin(), stretches.end(), text_offset,
                               [](std::size_t o, const Stretch& s) { return o < s.text_offset; });
    if (it == stretches.begin()) return text_offset;
    --it;
    return it->expansion ? it->source_offset : it->source_offset + (text_offset - it->text_offset);
}

ExpandedSource expand_entities(std::string_view source, std::uint64_t limit) {
    ExpandedSource out;
    out.text.reserve(source.size());
    const auto doctype_at = find_doctype(source);
    DoctypeDeclarations doctype;
    std::size_t body = 0;
    if (doctype_at != std::string_view::npos) {
        const auto length = doctype_length(source.substr(doctype_at));
        if (length != std::string_view::npos) {
            doctype = read_doctype(source.substr(doctype_at, length));
            body = doctype_at + length;
            if (doctype.other_declaration != std::string_view::npos)
                out.notes.push_back({doctype_at + doctype.other_declaration,
                                     "the DOCTYPE's declarations other than entities are not applied (fascicle "
                                     "processes no DTD)"});
            if (!doctype.external_dtd.empty())
                out.notes.push_back({doctype_at, "the DTD the DOCTYPE names (" + doctype.external_dtd +
                                                     ") is not read: fascicle fetches nothing; DocBook 4's character "
                                                     "entities are known without it"});
        }
    }
    out.text.append(source.substr(0, body));
    out.stretches.push_back({0, 0, false});
    Expander expander(doctype, limit, out);
    expander.copy(source.substr(body), body);
    return out;
}

}  // namespace fascicle::docbook
