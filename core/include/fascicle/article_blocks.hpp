// The blocks of a text writer's article (plain text, Markdown): runs of lines with one blank line
// between two, collected into a string (render_article, for -j) or written straight to a stream,
// so that an article written as it is rendered is never held whole twice.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fascicle {

class ArticleBlocks {
public:
    ArticleBlocks() = default;
    // `before_first` goes before the first block (the blank line(s) between two articles).
    ArticleBlocks(std::ostream& out, std::string_view before_first) : out_(&out), before_first_(before_first) {}

    void add(const std::vector<std::string>& lines) {
        if (lines.empty()) return;
        if (out_) {
            *out_ << (started_ ? std::string_view("\n") : before_first_);
            for (const auto& line : lines) *out_ << line << '\n';
        } else {
            if (started_) text_ += '\n';
            for (const auto& line : lines) text_.append(line).push_back('\n');
        }
        started_ = true;
    }
    void add(const std::string& line) { add(std::vector<std::string>{line}); }
    bool started() const { return started_; }
    std::string take() { return std::move(text_); }

private:
    std::ostream* out_ = nullptr;
    std::string_view before_first_;
    std::string text_;
    bool started_ = false;
};

}  // namespace fascicle
