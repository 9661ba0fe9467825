// Diagnostics about one Markdown input: each names the input, and an error marks the read failed.
#pragma once

#include <fascicle/diagnostics.hpp>

#include <cstddef>
#include <string>

namespace fascicle::markdown {

class InputDiagnostics {
public:
    InputDiagnostics(DiagnosticSink& sink, std::string file) : sink_(sink), file_(std::move(file)) {}

    void error(std::size_t line, std::size_t column, std::string message) {
        failed_ = true;
        sink_.error(file_, line, column, std::move(message));
    }
    void warning(std::size_t line, std::size_t column, std::string message) {
        sink_.warning(file_, line, column, std::move(message));
    }
    void note(std::size_t line, std::size_t column, std::string message) {
        sink_.note(file_, line, column, std::move(message));
    }
    bool failed() const { return failed_; }

private:
    DiagnosticSink& sink_;
    std::string file_;
    bool failed_ = false;
};

}  // namespace fascicle::markdown
