// libFuzzer target: the SDK's XML writer (fascicle::XmlStream), which every XML format writes
// through. The input is split at its first two NUL bytes into a text, an attribute value and a
// fragment (a MathML formula, say). Whatever they hold, the document written must parse, give
// back the text and the value as XmlStream::carried() says, and a fragment that is refused must
// leave nothing behind.
#include <fascicle/xml_stream.hpp>

#include <pugixml.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

std::string_view next_part(std::string_view& input) {
    const auto nul = input.find('\0');
    const std::string_view part = input.substr(0, nul);
    input.remove_prefix(nul == std::string_view::npos ? input.size() : nul + 1);
    return part;
}

void check(bool ok) {
    if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::string_view text = next_part(input);
    const std::string_view value = next_part(input);
    const std::string_view fragment = input;

    std::string out;
    fascicle::XmlStream xml(out);
    xml.declaration();
    xml.open_block("root", {{"value", std::string(value)}});
    xml.open_inline("p");
    xml.text(text);
    xml.close();
    const std::size_t before = out.size();
    const bool copied = xml.fragment(fragment, {{"alttext", std::string(value)}});
    if (!copied) check(out.size() == before);
    xml.close();

    // As a reader sees it: references decoded, nothing else normalized.
    pugi::xml_document document;
    const unsigned flags = (pugi::parse_default | pugi::parse_ws_pcdata) & ~pugi::parse_wconv_attribute & ~pugi::parse_eol;
    check(static_cast<bool>(document.load_buffer(out.data(), out.size(), flags, pugi::encoding_utf8)));
    const pugi::xml_node root = document.child("root");
    check(root.attribute("value").value() == fascicle::XmlStream::carried(value));
    check(root.child("p").text().get() == fascicle::XmlStream::carried(text));
    if (copied) {
        pugi::xml_node copy = root.child("p").next_sibling();
        while (copy && copy.type() != pugi::node_element) copy = copy.next_sibling();
        check(copy && copy.attribute("alttext").value() == fascicle::XmlStream::carried(value));
    }
    return 0;
}
