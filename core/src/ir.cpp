#include <fascicle/ir.hpp>
#include <fascicle/text.hpp>

#include <sstream>

namespace fascicle {

namespace {

// The typed fields by key, in the order entries() and dump() list them.
struct Field {
    const char* key;
    std::string Metadata::*member;
};
constexpr Field fields[] = {
    {"title", &Metadata::title},         {"language", &Metadata::language},
    {"identifier", &Metadata::identifier}, {"date", &Metadata::date},
    {"publisher", &Metadata::publisher}, {"description", &Metadata::description},
    {"rights", &Metadata::rights},
};

std::string join(const std::vector<std::string>& parts, const char* separator) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += separator;
        out += p;
    }
    return out;
}

}  // namespace

void Metadata::set(const std::string& key, const std::string& value) {
    if (key == "author") {
        authors.push_back(value);
        return;
    }
    if (key == "authors") {
        authors.clear();
        std::string part;
        std::istringstream in(value);
        while (std::getline(in, part, ';')) {
            auto b = part.find_first_not_of(' ');
            auto e = part.find_last_not_of(' ');
            if (b != std::string::npos) authors.push_back(part.substr(b, e - b + 1));
        }
        return;
    }
    for (const auto& f : fields) {
        if (key == f.key) {
            this->*f.member = value;
            return;
        }
    }
    extra[key] = value;
}

std::string Metadata::get(const std::string& key) const {
    if (key == "author" || key == "authors") return join(authors, "; ");
    for (const auto& f : fields)
        if (key == f.key) return this->*f.member;
    auto it = extra.find(key);
    return it == extra.end() ? std::string() : it->second;
}

std::vector<std::pair<std::string, std::string>> Metadata::entries() const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& f : fields)
        if (!(this->*f.member).empty()) out.emplace_back(f.key, this->*f.member);
    for (const auto& a : authors) out.emplace_back("author", a);
    for (const auto& [k, v] : extra)
        if (!v.empty()) out.emplace_back(k, v);
    return out;
}

void Metadata::merge_from(const Metadata& other) {
    for (const auto& f : fields)
        if (!(other.*f.member).empty()) this->*f.member = other.*f.member;
    if (!other.authors.empty()) authors = other.authors;
    for (const auto& [k, v] : other.extra)
        if (!v.empty()) extra[k] = v;
}

std::string article_xml_id(const std::string& article_id) { return to_ncname(article_id, "a-"); }

std::string part_xml_id(const std::string& article_id, const std::string& local_id) {
    return article_xml_id(article_id) + "." + to_ncname(local_id, "s-");
}

std::string plain_text(const std::vector<Inline>& inlines) {
    std::string out;
    for (const auto& i : inlines) {
        switch (i.kind) {
            case Inline::Kind::text:
            case Inline::Kind::code: out += i.text; break;
            case Inline::Kind::line_break: out += '\n'; break;
            default: out += plain_text(i.children); break;
        }
    }
    return out;
}

std::string plain_text(const Block& block) {
    switch (block.kind) {
        case Block::Kind::paragraph: return plain_text(block.inlines);
        case Block::Kind::code_block: return block.text;
        case Block::Kind::block_quote: {
            std::string out;
            for (const auto& b : block.children) out += (out.empty() ? "" : "\n") + plain_text(b);
            return out;
        }
        case Block::Kind::list: {
            std::string out;
            for (const auto& item : block.items)
                for (const auto& b : item) out += (out.empty() ? "" : "\n") + plain_text(b);
            return out;
        }
    }
    return {};
}

namespace {

class Dumper {
public:
    std::string str() const { return out_.str(); }

    void metadata(const Metadata& m) {
        for (const auto& [k, v] : m.entries()) line() << k << ": " << quoted(v) << '\n';
    }

    void article(const Article& a) {
        line() << "article " << a.id << '\n';
        Indent in(*this);
        line() << "title: " << quoted(a.title) << '\n';
        if (!a.source.empty()) line() << "source: " << a.source.generic_string() << '\n';
        if (!a.metadata.entries().empty()) {
            line() << "metadata\n";
            Indent in2(*this);
            metadata(a.metadata);
        }
        blocks("summary", a.summary);
        blocks("introduction", a.introduction);
        for (const auto& s : a.sections) section(s);
        blocks("conclusion", a.conclusion);
    }

private:
    struct Indent {
        explicit Indent(Dumper& d) : d(d) { d.depth_++; }
        ~Indent() { d.depth_--; }
        Dumper& d;
    };

    std::ostream& line() {
        for (int i = 0; i < depth_; ++i) out_ << "  ";
        return out_;
    }

    static std::string quoted(const std::string& s) {
        std::string out = "\"";
        for (char c : s) {
            if (c == '"' || c == '\\') out += '\\';
            if (c == '\n') {
                out += "\\n";
                continue;
            }
            out += c;
        }
        return out + '"';
    }

    void section(const Section& s) {
        line() << "section " << s.id << ' ' << quoted(s.title) << '\n';
        Indent in(*this);
        for (const auto& b : s.blocks) block(b);
        for (const auto& sub : s.subsections) section(sub);
    }

    void blocks(const char* name, const std::vector<Block>& bs) {
        if (bs.empty()) return;
        line() << name << '\n';
        Indent in(*this);
        for (const auto& b : bs) block(b);
    }

    void block(const Block& b) {
        switch (b.kind) {
            case Block::Kind::paragraph:
                line() << "para ";
                inlines(b.inlines);
                out_ << '\n';
                break;
            case Block::Kind::code_block: line() << "code " << quoted(b.text) << '\n'; break;
            case Block::Kind::block_quote: {
                line() << "quote\n";
                Indent in(*this);
                for (const auto& c : b.children) block(c);
                break;
            }
            case Block::Kind::list: {
                line() << (b.ordered ? "ordered-list start=" + std::to_string(b.start) : "list") << '\n';
                Indent in(*this);
                for (const auto& item : b.items) {
                    line() << "item\n";
                    Indent in2(*this);
                    for (const auto& c : item) block(c);
                }
                break;
            }
        }
    }

    void inlines(const std::vector<Inline>& is) {
        for (const auto& i : is) {
            switch (i.kind) {
                case Inline::Kind::text: out_ << quoted(i.text); break;
                case Inline::Kind::code: out_ << "code(" << quoted(i.text) << ')'; break;
                case Inline::Kind::line_break: out_ << "br"; break;
                case Inline::Kind::emphasis: out_ << "em("; inlines(i.children); out_ << ')'; break;
                case Inline::Kind::strong: out_ << "strong("; inlines(i.children); out_ << ')'; break;
                case Inline::Kind::link:
                    out_ << "link(" << quoted(i.target) << ' ';
                    inlines(i.children);
                    out_ << ')';
                    break;
            }
        }
    }

    std::ostringstream out_;
    int depth_ = 0;
};

}  // namespace

std::string dump(const Metadata& metadata) {
    Dumper d;
    d.metadata(metadata);
    return d.str();
}

std::string dump(const Article& article) {
    Dumper d;
    d.article(article);
    return d.str();
}

std::string dump(const Book& book) {
    std::string out = "book\n" + dump(book.metadata);
    for (const auto& a : book.articles) out += dump(a);
    return out;
}

}  // namespace fascicle
