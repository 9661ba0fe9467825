// What a reader found in its input and could not map to the document model. Nothing is silently
// lost: a reader records each thing it drops, and reports one diagnostic per kind per document,
// naming the file, the line of the first one, how many there were and what became of them.
// Every reader declares --fail-on-loss with the spec below (the CLI merges options by name); with it
// the same reports are errors and the reader fails.
#pragma once

#include <fascicle/plugin.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fascicle {

inline constexpr const char* fail_on_loss_option = "fail-on-loss";

inline OptionSpec fail_on_loss_spec() {
    return {fail_on_loss_option, "",
            "readers: content an input holds that cannot be converted (an element or markup no format "
            "can hold) is an error, not a warning"};
}

// The plural of an English noun phrase whose last word is a regular noun: "element" -> "elements",
// "entry" -> "entries", "box" -> "boxes". A phrase whose noun is not the last word is given whole.
inline std::string plural_of(std::string_view noun) {
    std::string out(noun);
    auto ends = [&](std::string_view s) { return out.size() >= s.size() && out.compare(out.size() - s.size(), s.size(), s) == 0; };
    if (ends("y") && out.size() > 1 && std::string_view("aeiou").find(out[out.size() - 2]) == std::string_view::npos) {
        out.back() = 'i';
        return out + "es";
    }
    if (ends("s") || ends("x") || ends("ch") || ends("sh")) return out + "es";
    return out + "s";
}

class LossReport {
public:
    explicit LossReport(std::string file) : file_(std::move(file)) {}

    // One more `what` (a singular noun phrase: "<script> element", "processing instruction") was
    // dropped at `line` (0: unknown); `fate` says what became of it ("left out", "kept as its text").
    void add(std::string_view what, std::size_t line, std::string_view fate = "left out") {
        for (auto& k : kinds_) {
            if (k.what == what && k.fate == fate) {
                ++k.count;
                return;
            }
        }
        kinds_.push_back({std::string(what), std::string(fate), line, 1});
    }

    bool empty() const { return kinds_.empty(); }

    // Reports each kind once, in the order first met:
    //   "book.epub:12: warning: 3 <script> elements left out (the first is here)"
    // and clears the report. Errors instead of warnings when `options` hold fail-on-loss; returns
    // false when it reported an error (the reader then fails).
    bool report(const Options& options, DiagnosticSink& diagnostics) {
        const bool as_errors = options.count(fail_on_loss_option) != 0;
        for (const auto& k : kinds_) {
            std::string message = k.count == 1 ? "1 " + k.what : std::to_string(k.count) + " " + plural_of(k.what);
            message += " " + k.fate;
            if (k.count > 1 && k.line) message += " (the first is here)";
            if (as_errors) message += " (--fail-on-loss)";
            diagnostics.report({as_errors ? Severity::error : Severity::warning, file_, k.line, 0, std::move(message)});
        }
        const bool failed = as_errors && !kinds_.empty();
        kinds_.clear();
        return !failed;
    }

private:
    struct Kind {
        std::string what;
        std::string fate;
        std::size_t line;
        std::size_t count;
    };
    std::string file_;
    std::vector<Kind> kinds_;
};

}  // namespace fascicle
