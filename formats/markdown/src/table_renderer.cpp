#include "table_renderer.hpp"

#include <text_layout/display_width.hpp>

#include <algorithm>

namespace fascicle::markdown {

namespace {

bool is_one_paragraph_or_empty(const std::vector<Block>& blocks) {
    return blocks.empty() || (blocks.size() == 1 && blocks[0].kind == Block::Kind::paragraph);
}

Alignment column_alignment(const Table& table, std::size_t column) {
    return column < table.columns.size() ? table.columns[column].alignment : Alignment::unspecified;
}

std::string padded(const std::string& text, std::size_t width, Alignment alignment) {
    const std::size_t shown = text_layout::display_width(text);
    const std::size_t fill = width > shown ? width - shown : 0;
    switch (alignment) {
        case Alignment::right: return std::string(fill, ' ') + text;
        case Alignment::center: return std::string(fill / 2, ' ') + text + std::string(fill - fill / 2, ' ');
        default: return text + std::string(fill, ' ');
    }
}

// A delimiter row cell as wide as the cells above it and their padding: ":---", "---:", ":---:".
std::string delimiter(std::size_t width, Alignment alignment) {
    const std::size_t dashes = width + 2;
    switch (alignment) {
        case Alignment::left: return ":" + std::string(dashes - 1, '-');
        case Alignment::right: return std::string(dashes - 1, '-') + ":";
        case Alignment::center: return ":" + std::string(dashes - 2, '-') + ":";
        case Alignment::unspecified: break;
    }
    return std::string(dashes, '-');
}

}  // namespace

bool TableRenderer::fits_pipe_table(const Table& table) const {
    if (flavor_ != Flavor::gfm || table.head.size() > 1 || !table.foot.empty()) return false;
    for (const auto* part : {&table.head, &table.body}) {
        const bool head = part == &table.head;
        const auto columns = cell_columns(*part);
        for (std::size_t r = 0; r < part->size(); ++r) {
            for (std::size_t c = 0; c < (*part)[r].cells.size(); ++c) {
                const TableCell& cell = (*part)[r].cells[c];
                if (cell.row_span != 1 || cell.column_span != 1 || (cell.header && !head)) return false;
                if (!is_one_paragraph_or_empty(cell.blocks)) return false;
                const std::size_t column = columns[r][c];
                if (cell.alignment != Alignment::unspecified && cell.alignment != column_alignment(table, column))
                    return false;
            }
        }
    }
    return true;
}

std::string TableRenderer::cell_markdown(const TableCell& cell) const {
    if (cell.blocks.empty()) return {};
    const Block& paragraph = cell.blocks[0];
    std::vector<Inline> content;
    if (const auto* links = html_.links(); links && !paragraph.attributes.id.empty())
        content.push_back(anchor_inline(links->anchor(paragraph.attributes.id)));
    content.insert(content.end(), paragraph.inlines.begin(), paragraph.inlines.end());
    return inlines_.table_cell(content);
}

std::vector<std::string> TableRenderer::pipe_table(const Table& table) const {
    std::size_t width = table.columns.size();
    for (const auto* part : {&table.head, &table.body})
        for (const auto& row : *part) width = std::max(width, row.cells.size());
    if (width == 0) return {};

    // Every row as the Markdown of its cells, the head first (an empty one when there is none).
    std::vector<std::vector<std::string>> rows;
    rows.emplace_back(width);
    if (!table.head.empty())
        for (std::size_t c = 0; c < table.head[0].cells.size(); ++c) rows[0][c] = cell_markdown(table.head[0].cells[c]);
    for (const auto& row : table.body) {
        rows.emplace_back(width);
        for (std::size_t c = 0; c < row.cells.size(); ++c) rows.back()[c] = cell_markdown(row.cells[c]);
    }

    std::vector<std::size_t> widths(width, 3);
    for (const auto& row : rows)
        for (std::size_t c = 0; c < width; ++c) widths[c] = std::max(widths[c], text_layout::display_width(row[c]));
    auto alignment = [&](std::size_t c) { return column_alignment(table, c); };

    std::vector<std::string> out;
    auto add_row = [&](const std::vector<std::string>& cells) {
        std::string line = "|";
        for (std::size_t c = 0; c < width; ++c) line += " " + padded(cells[c], widths[c], alignment(c)) + " |";
        out.push_back(std::move(line));
    };
    add_row(rows[0]);
    std::string rule = "|";
    for (std::size_t c = 0; c < width; ++c) rule += delimiter(widths[c], alignment(c)) + "|";
    out.push_back(std::move(rule));
    for (std::size_t r = 1; r < rows.size(); ++r) add_row(rows[r]);
    return out;
}

std::vector<std::string> TableRenderer::html_table(const Block& table) const {
    std::string html;
    XmlStream xml(html);
    html_.table(xml, table);
    return html_block_lines(html);
}

}  // namespace fascicle::markdown
