// The sample corpus read in-process with the article-text reader, as one book.
#pragma once

#include <quire/ir.hpp>

namespace quire::plain::test {

// The five samples in file-name order, titled as samples/corpus/book.ini titles the book.
Book sample_book();

}  // namespace quire::plain::test
