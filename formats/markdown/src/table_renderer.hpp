// A table as a GFM pipe table when one can hold it, else as an HTML table (a Markdown HTML
// block): CommonMark has no tables, and a pipe table has no spans, no foot, no header cells
// outside its one header row, and cells of one line.
#pragma once

#include "html_renderer.hpp"
#include "inline_renderer.hpp"

#include <fascicle/ir.hpp>

#include <string>
#include <vector>

namespace fascicle::markdown {

class TableRenderer {
public:
    TableRenderer(Flavor flavor, const InlineRenderer& inlines, const HtmlRenderer& html)
        : flavor_(flavor), inlines_(inlines), html_(html) {}

    // GFM, at most one head row (none: the pipe table gets an empty one), no foot, no row or
    // column spans, header cells only in the head, cell alignment only the column's, and every
    // cell empty or one paragraph.
    bool fits_pipe_table(const Table& table) const;

    // The pipe table, its columns padded to line up (by display width). Column widths are not
    // written: a pipe table has none (pandoc reads widths from very long rows only).
    std::vector<std::string> pipe_table(const Table& table) const;

    // <table> with its caption, its id as the anchor, column widths, thead, tbody and tfoot,
    // th with scope, rowspan and colspan, and the cells' content as HTML.
    std::vector<std::string> html_table(const Block& table) const;

private:
    std::string cell_markdown(const TableCell& cell) const;

    Flavor flavor_;
    const InlineRenderer& inlines_;
    const HtmlRenderer& html_;
};

}  // namespace fascicle::markdown
