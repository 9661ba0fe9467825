#include "xml_output.hpp"

#include "xml_text.hpp"


namespace fascicle::epub {

void append_xml_declaration(pugi::xml_document& document) {
    pugi::xml_node declaration = document.append_child(pugi::node_declaration);
    declaration.append_attribute("version").set_value("1.0");
    declaration.append_attribute("encoding").set_value("UTF-8");
}

void append_text(pugi::xml_node parent, std::string_view text) {
    const std::string safe = xml_safe_text(text);
    parent.append_child(pugi::node_pcdata).set_value(safe.c_str());
}

pugi::xml_node append_text_element(pugi::xml_node parent, const char* name, std::string_view text) {
    pugi::xml_node element = parent.append_child(name);
    append_text(element, text);
    return element;
}

void set_attribute(pugi::xml_node node, const char* name, std::string_view value) {
    const std::string safe = xml_safe_text(value);
    node.append_attribute(name).set_value(safe.c_str());
}

namespace {

// Elements whose content is text: whitespace added inside them would be shown.
bool holds_text(std::string_view name) {
    static constexpr std::string_view names[] = {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "a", "em", "strong", "code", "span",
        "title", "text", "dc:title", "dc:creator", "dc:description", "dc:rights", "dc:publisher"};
    for (auto n : names)
        if (n == name) return true;
    return false;
}

// pugixml indents an element child unless a text node comes right before it: an empty text node
// before each element child, and after the last one, keeps the content as it is.
void shield_text_content(pugi::xml_node node) {
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
        if (child.type() != pugi::node_element) continue;
        if (holds_text(child.name())) {
            for (pugi::xml_node inner = child.first_child(); inner; inner = inner.next_sibling()) {
                if (inner.type() != pugi::node_element) continue;
                if (inner.previous_sibling().type() != pugi::node_pcdata)
                    child.insert_child_before(pugi::node_pcdata, inner);
            }
            if (child.last_child().type() == pugi::node_element) child.append_child(pugi::node_pcdata);
        }
        shield_text_content(child);
    }
}

constexpr const char* indentation = "  ";

}  // namespace

void save_indented(pugi::xml_document& document, std::ostream& out) {
    shield_text_content(document);
    document.save(out, indentation, pugi::format_indent, pugi::encoding_utf8);
}

namespace {

// Appends what pugixml writes to a string: cheaper than a string stream.
class StringWriter : public pugi::xml_writer {
public:
    explicit StringWriter(std::string& out) : out_(out) {}
    void write(const void* data, size_t size) override { out_.append(static_cast<const char*>(data), size); }

private:
    std::string& out_;
};

}  // namespace

std::string save_indented(pugi::xml_document& document) {
    shield_text_content(document);
    std::string out;
    StringWriter writer(out);
    document.save(writer, indentation, pugi::format_indent, pugi::encoding_utf8);
    return out;
}

void save_indented(pugi::xml_document& document, pugi::xml_node placeholder, std::size_t count,
                   const std::function<void(std::size_t, pugi::xml_node)>& append_children, std::ostream& out) {
    if (count == 0) {  // an element left empty prints as such: <ol />
        placeholder.parent().remove_child(placeholder);
        save_indented(document, out);
        return;
    }
    // The document printed with the placeholder on a line of its own, whose indentation gives
    // the depth the runs are printed at.
    constexpr std::string_view mark = "fascicle-streamed-children";
    placeholder.set_name(std::string(mark).c_str());
    const std::string text = save_indented(document);
    const std::size_t at = text.find("<" + std::string(mark));
    const std::size_t line_begin = text.rfind('\n', at) + 1;
    const std::size_t line_end = text.find('\n', at) + 1;
    const auto depth = static_cast<unsigned>((at - line_begin) / std::string_view(indentation).size());

    out.write(text.data(), static_cast<std::streamsize>(line_begin));
    pugi::xml_writer_stream writer(out);
    for (std::size_t i = 0; i < count; ++i) {
        pugi::xml_document run;
        append_children(i, run);
        shield_text_content(run);
        for (pugi::xml_node child : run.children())
            child.print(writer, indentation, pugi::format_indent, pugi::encoding_utf8, depth);
    }
    out.write(text.data() + line_end, static_cast<std::streamsize>(text.size() - line_end));
}

}  // namespace fascicle::epub
