// The code points of a text and the byte offset each starts at, by index: either decoded into
// arrays or, for ASCII text (most text), the bytes themselves, so that the escaping of ASCII
// text decodes nothing and holds nothing per character.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace fascicle::markdown {

class CodePointView {
public:
    // ASCII text: code point i is byte i.
    explicit CodePointView(std::string_view ascii) : ascii_(ascii.data()), size_(ascii.size()) {}
    // Decoded text: `offsets` has one more entry than `code_points`, the text's size.
    CodePointView(const std::vector<char32_t>& code_points, const std::vector<std::size_t>& offsets)
        : wide_(code_points.data()), offsets_(offsets.data()), size_(code_points.size()) {}

    std::size_t size() const { return size_; }
    char32_t operator[](std::size_t i) const { return wide_ ? wide_[i] : static_cast<unsigned char>(ascii_[i]); }
    // Where code point i starts; offset(size()) is where the text ends.
    std::size_t offset(std::size_t i) const { return wide_ ? offsets_[i] : i; }

private:
    const char* ascii_ = nullptr;
    const char32_t* wide_ = nullptr;
    const std::size_t* offsets_ = nullptr;
    std::size_t size_ = 0;
};

}  // namespace fascicle::markdown
