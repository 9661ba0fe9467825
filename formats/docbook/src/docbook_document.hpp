// One DocBook document being read: which of its elements are DocBook's, and where the warnings
// about what the reader does not map go.
#pragma once

#include "xml_source.hpp"

#include <fascicle/diagnostics.hpp>
#include <fascicle/loss_report.hpp>
#include <fascicle/plugin.hpp>

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fascicle::docbook {

inline constexpr std::string_view docbook_namespace = "http://docbook.org/ns/docbook";
inline constexpr std::string_view xlink_namespace = "http://www.w3.org/1999/xlink";

class DocBookDocument {
public:
    // `docbook_namespace_uri` is the namespace of the document's DocBook elements: DocBook 5's,
    // or empty for a document in no namespace (DocBook 4 and older).
    // Elements in the DocBook 5 namespace and in none (DocBook 4, and the hybrids of the two that
    // real documents are) are DocBook's.
    DocBookDocument(const XmlSource& source, const Options& options, DiagnosticSink& diagnostics, Resources& resources)
        : source_(source), options_(options), diagnostics_(diagnostics), resources_(resources) {}

    const XmlSource& source() const { return source_; }

    // An element's DocBook name ("para"); empty for an element of another namespace.
    std::string_view name(pugi::xml_node element) const;

    void warning(pugi::xml_node node, const std::string& message);
    void note(pugi::xml_node node, const std::string& message);

    // Records that `element` is not mapped where it is, and what became of it (`fate`: "kept as
    // its text", "left out"); finish() reports each kind once per file (fascicle::LossReport).
    void unmapped(pugi::xml_node element, std::string_view fate);
    // Records a loss of another kind than an element ("processing instruction").
    void lost(pugi::xml_node at, std::string_view what, std::string_view fate);
    // Reports what was lost; false when --fail-on-loss made that an error.
    bool finish();

    // The resource an imagedata's fileref names, registered in the book's resources: its name
    // there, or the fileref as it is when the file is not to be read (a URL, a missing file, a
    // file outside the document's folder: each a warning).
    std::string image(pugi::xml_node imagedata, const std::string& fileref);

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
    const XmlSource& source_;
    const Options& options_;
    DiagnosticSink& diagnostics_;
    Resources& resources_;
    std::vector<std::pair<std::string, LossReport>> losses_;  // by file, in the order met
    int quiet_ = 0;
};

}  // namespace fascicle::docbook
