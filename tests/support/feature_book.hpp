// The feature book: every block and inline kind of the document model, an image, a table with
// spans, notes, math and references across articles. Built through the IR, so every format's
// tests write the same book (and their golden files show what each makes of every kind).
#pragma once

#include <fascicle/ir.hpp>

namespace fascicle::test {

struct FeatureBook {
    Book book;
    Resources resources;  // the image the book shows ("images/engine.png", tests/data/feature)
};

// Fills `into` (Resources cannot be moved: its pointers stay valid).
void make_feature_book(FeatureBook& into);

}  // namespace fascicle::test
