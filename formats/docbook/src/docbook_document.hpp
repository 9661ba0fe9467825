// One DocBook document being read: which of its elements are DocBook's, and where the warnings
// about what the reader does not map go.
#pragma once

#include "xml_source.hpp"

#include <fascicle/diagnostics.hpp>

#include <map>
#include <string>
#include <string_view>

namespace fascicle::docbook {

inline constexpr std::string_view docbook_namespace = "http://docbook.org/ns/docbook";
inline constexpr std::string_view xlink_namespace = "http://www.w3.org/1999/xlink";

class DocBookDocument {
public:
    // `docbook_namespace_uri` is the namespace of the document's DocBook elements: DocBook 5's,
    // or empty for a document in no namespace (DocBook 4 and older).
    DocBookDocument(const XmlSource& source, std::string docbook_namespace_uri, DiagnosticSink& diagnostics)
        : source_(source), namespace_(std::move(docbook_namespace_uri)), diagnostics_(diagnostics) {}

    const XmlSource& source() const { return source_; }

    // An element's DocBook name ("para"); empty for an element of another namespace.
    std::string_view name(pugi::xml_node element) const;

    void warning(pugi::xml_node node, const std::string& message);
    void note(pugi::xml_node node, const std::string& message);

    // Warns that `element` is not mapped where it is and says what became of its text
    // (`what_is_kept`, e.g. "its text is kept as a paragraph"). After the first few warnings
    // about one element name, only counts them; finish() reports the counts.
    void unmapped(pugi::xml_node element, std::string_view what_is_kept);
    void finish();

    // While one is alive, unmapped() says nothing: for reading a title only to look at it, so
    // that the reading that keeps it warns once.
    class Quiet {
    public:
        explicit Quiet(DocBookDocument& document) : document_(document) { ++document_.quiet_; }
        ~Quiet() { --document_.quiet_; }
        Quiet(const Quiet&) = delete;
        Quiet& operator=(const Quiet&) = delete;

    private:
        DocBookDocument& document_;
    };

private:
    struct Unmapped {
        std::size_t count = 0;
        TextPosition first;
    };
    static constexpr std::size_t warnings_per_name = 5;

    const XmlSource& source_;
    std::string namespace_;
    DiagnosticSink& diagnostics_;
    std::map<std::string, Unmapped> unmapped_;
    int quiet_ = 0;
};

}  // namespace fascicle::docbook
