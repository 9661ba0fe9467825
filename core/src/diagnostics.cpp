#include <fascicle/diagnostics.hpp>

namespace fascicle {

std::string Diagnostic::format() const {
    std::string out;
    if (!file.empty()) {
        out += file;
        if (line) {
            out += ':' + std::to_string(line);
            if (column) out += ':' + std::to_string(column);
        }
        out += ": ";
    }
    switch (severity) {
        case Severity::note: out += "note: "; break;
        case Severity::warning: out += "warning: "; break;
        case Severity::error: out += "error: "; break;
    }
    return out + message;
}

}  // namespace fascicle
