// The sample corpus read in-process with the article-text reader, as one book.
#pragma once

#include <fascicle/ir.hpp>

namespace fascicle::plain::test {

// The five samples in file-name order, titled as samples/corpus/book.ini titles the book.
Book sample_book();

}  // namespace fascicle::plain::test
