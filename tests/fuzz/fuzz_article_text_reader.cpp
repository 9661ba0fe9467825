// libFuzzer target: the article-text reader over arbitrary bytes.
#include "fuzz_reader.hpp"
#include "article_text_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fascicle::article_text::ArticleTextReader reader;
    fascicle::fuzz::read_bytes(reader, data, size);
    return 0;
}
