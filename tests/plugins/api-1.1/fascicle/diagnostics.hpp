// Diagnostics: what went wrong or looks odd, and where (file:line:column).
#pragma once

#include <cstddef>
#include <string>

namespace fascicle {

enum class Severity { note, warning, error };

struct Diagnostic {
    Severity severity = Severity::error;
    std::string file;         // as the user named it; empty when not about a file
    std::size_t line = 0;     // 1-based; 0 when unknown
    std::size_t column = 0;   // 1-based byte column; 0 when unknown
    std::string message;

    // "file:line:column: error: message", leaving out what is unknown.
    std::string format() const;
};

// Where readers, writers and the pipeline report. Implementations decide what to print or keep.
class DiagnosticSink {
public:
    virtual ~DiagnosticSink() = default;
    virtual void report(const Diagnostic& diagnostic) = 0;

    void error(std::string file, std::size_t line, std::size_t column, std::string message) {
        report({Severity::error, std::move(file), line, column, std::move(message)});
    }
    void warning(std::string file, std::size_t line, std::size_t column, std::string message) {
        report({Severity::warning, std::move(file), line, column, std::move(message)});
    }
    void note(std::string file, std::size_t line, std::size_t column, std::string message) {
        report({Severity::note, std::move(file), line, column, std::move(message)});
    }
};

}  // namespace fascicle
