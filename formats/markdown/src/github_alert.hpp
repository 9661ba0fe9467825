// GitHub's alerts: a block quote whose first line is "[!NOTE]", "[!TIP]", "[!IMPORTANT]",
// "[!WARNING]" or "[!CAUTION]" is an admonition (GFM; pandoc's alerts extension). Our GFM
// writer writes admonitions so.
#pragma once

#include <cmark-gfm.h>

#include <string>

namespace fascicle::markdown {

// The admonition class ("note", "tip"...) of a block quote that is an alert, its marker line
// removed from the tree; empty (and the tree untouched) when the quote is not an alert.
std::string take_alert_marker(cmark_node* quote);

}  // namespace fascicle::markdown
