// Diagnostics about one EPUB: about the archive as a whole ("book.epub: error: ..."), or about
// one of its entries, where the position is in that entry
// ("book.epub(EPUB/package.opf):3:5: error: ..."), as ld names an archive's members.
#pragma once

#include "xml_entry.hpp"

#include <fascicle/diagnostics.hpp>

#include <string>

namespace fascicle::epub::reader {

class EpubDiagnostics {
public:
    EpubDiagnostics(DiagnosticSink& sink, std::string input_name) : sink_(sink), input_(std::move(input_name)) {}

    void error(const std::string& message) {
        failed_ = true;
        sink_.error(input_, 0, 0, message);
    }
    void error(const std::string& entry, XmlPosition at, const std::string& message) {
        failed_ = true;
        sink_.error(file(entry), at.line, at.column, message);
    }
    void warning(const std::string& message) { sink_.warning(input_, 0, 0, message); }
    void warning(const std::string& entry, XmlPosition at, const std::string& message) {
        sink_.warning(file(entry), at.line, at.column, message);
    }
    void note(const std::string& entry, const std::string& message) { sink_.note(file(entry), 0, 0, message); }

    bool failed() const { return failed_; }
    void mark_failed() { failed_ = true; }
    DiagnosticSink& sink() { return sink_; }
    std::string file(const std::string& entry) const { return input_ + "(" + entry + ")"; }

private:
    DiagnosticSink& sink_;
    std::string input_;
    bool failed_ = false;
};

}  // namespace fascicle::epub::reader
