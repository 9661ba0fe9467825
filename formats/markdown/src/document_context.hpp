// What the readers of one Markdown document share: where problems go, what was lost, where
// images and sibling documents are, and the options that change how text is read.
#pragma once

#include "image_files.hpp"
#include "input_diagnostics.hpp"
#include "sibling_documents.hpp"

#include <fascicle/loss_report.hpp>

namespace fascicle::markdown {

struct DocumentContext {
    InputDiagnostics& diagnostics;
    LossReport& losses;
    ImageFiles& images;
    const SiblingDocuments& siblings;
    bool dollar_math = false;  // --markdown-math dollars: $tex$ and $$tex$$ are math
};

}  // namespace fascicle::markdown
