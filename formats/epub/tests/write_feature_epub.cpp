// Writes a book to the path given, for the epubcheck tests: the EPUB tests' feature book (every
// kind of API 1, a JPEG cover), or with --every-kind the shared feature book of tests/support
// (every kind of the document model 2.0, with its image). The sample corpus has plain paragraphs only.
#include "epub_writer.hpp"
#include "test_books.hpp"

#include <feature_book.hpp>

#include <iostream>
#include <string_view>

int main(int argc, char** argv) {
    const bool every_kind = argc == 3 && std::string_view(argv[1]) == "--every-kind";
    if (argc != 2 && !every_kind) {
        std::cerr << "usage: write_feature_epub [--every-kind] OUTPUT.epub\n";
        return 64;
    }
    using namespace fascicle;
    test::FileOutput output(argv[argc - 1]);
    test::RecordingDiagnostics diagnostics;
    epub::EpubWriter writer(epub::test::stylesheet());
    Status status;
    if (every_kind) {
        test::FeatureBook features;
        test::make_feature_book(features);
        status = test::write_book(writer, features.book, output, diagnostics, {}, false, &features.resources);
    } else {
        const Options options{{"cover", FASCICLE_EPUB_TEST_DATA "/cover.jpg"}};
        status = test::write_book(writer, epub::test::feature_book(), output, diagnostics, options);
    }
    std::cerr << diagnostics.text();
    return status == Status::ok ? 0 : 1;
}
