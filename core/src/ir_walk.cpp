#include <fascicle/ir_walk.hpp>

namespace fascicle {

void walk(const std::vector<Inline>& inlines, const IrVisitor& visitor) {
    for (const auto& i : inlines) {
        if (visitor.inline_) visitor.inline_(i);
        walk(i.children, visitor);
        walk(i.blocks, visitor);
    }
}

void walk(const std::vector<Block>& blocks, const IrVisitor& visitor) {
    for (const auto& b : blocks) {
        if (visitor.block) visitor.block(b);
        walk(b.inlines, visitor);
        walk(b.children, visitor);
        walk(b.attribution, visitor);
        walk(b.caption, visitor);
        for (const auto& item : b.items) walk(item, visitor);
        for (const auto& d : b.definitions) {
            walk(d.term, visitor);
            for (const auto& definition : d.definitions) walk(definition, visitor);
        }
        for (const auto& line : b.lines) walk(line, visitor);
        for (const auto* part : {&b.table.head, &b.table.body, &b.table.foot})
            for (const auto& row : *part)
                for (const auto& cell : row.cells) walk(cell.blocks, visitor);
    }
}

void walk(const Article& article, const IrVisitor& visitor) {
    walk(article.title, visitor);
    walk(article.summary, visitor);
    walk(article.introduction, visitor);
    auto sections = [&](auto& self, const std::vector<Section>& list) -> void {
        for (const auto& s : list) {
            if (visitor.section) visitor.section(s);
            walk(s.title, visitor);
            walk(s.blocks, visitor);
            self(self, s.subsections);
        }
    };
    sections(sections, article.sections);
    walk(article.conclusion, visitor);
}

}  // namespace fascicle
