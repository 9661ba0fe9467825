// The sample corpus read in-process with the article-text reader, as one book: what the
// writers' tests convert (library fascicle_test_sample_corpus, built with the article-text format).
#pragma once

#include <fascicle/ir.hpp>

namespace fascicle::test {

// The five samples in file-name order, titled as samples/corpus/book.ini titles the book.
Book sample_corpus_book();

}  // namespace fascicle::test
