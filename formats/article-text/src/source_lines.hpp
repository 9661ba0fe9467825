// The physical lines of an input, read whole in one pass: what the article-text grammar is parsed from.
#pragma once

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace fascicle::article_text {

struct SourceLine {
    std::string_view text;       // without its line end (and without the BOM on line 1)
    std::size_t number = 0;      // 1-based physical line number
    std::size_t column_base = 0; // bytes before `text` on its physical line (3 after a BOM)
};

class SourceLines {
public:
    // Reads every byte of `in`. Returns false when the stream failed before its end.
    bool read(std::istream& in);
    // Splits `bytes` (taken over) into lines: LF, CRLF and CR all end a line; a final line end
    // does not start another line. A leading UTF-8 byte-order mark is dropped.
    void assign(std::string bytes);

    const std::vector<SourceLine>& lines() const { return lines_; }

private:
    void split();

    std::string bytes_;
    std::vector<SourceLine> lines_;
};

}  // namespace fascicle::article_text
