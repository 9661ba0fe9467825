// Writes the feature book (every block and inline kind, a JPEG cover) to the path given, for the
// epubcheck test: the sample corpus has plain paragraphs only.
#include "epub_writer.hpp"
#include "test_books.hpp"

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: write_feature_epub OUTPUT.epub\n";
        return 64;
    }
    using namespace fascicle;
    test::FileOutput output(argv[1]);
    test::RecordingDiagnostics diagnostics;
    epub::EpubWriter writer(epub::test::stylesheet());
    const Options options{{"cover", FASCICLE_EPUB_TEST_DATA "/cover.jpg"}};
    const Status status = test::write_book(writer, epub::test::feature_book(), output, diagnostics, options);
    std::cerr << diagnostics.text();
    return status == Status::ok ? 0 : 1;
}
