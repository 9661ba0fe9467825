#include <fascicle/ir.hpp>
#include <fascicle/text.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace fascicle {

std::string_view alignment_name(Alignment a) {
    switch (a) {
        case Alignment::left: return "left";
        case Alignment::center: return "center";
        case Alignment::right: return "right";
        case Alignment::unspecified: break;
    }
    return {};
}

namespace {

// The typed fields by key, in the order entries() and dump() list them.
struct Field {
    const char* key;
    std::string Metadata::*member;
};
constexpr Field fields[] = {
    {"title", &Metadata::title},
    {"subtitle", &Metadata::subtitle},
    {"language", &Metadata::language},
    {"identifier", &Metadata::identifier},
    {"identifier-scheme", &Metadata::identifier_scheme},
    {"date", &Metadata::date},
    {"publisher", &Metadata::publisher},
    {"description", &Metadata::description},
    {"rights", &Metadata::rights},
    {"series", &Metadata::series},
    {"series-position", &Metadata::series_position},
    {"cover", &Metadata::cover},
};

// The creator keys and their MARC relator codes.
struct Role {
    const char* key;
    const char* code;
};
constexpr Role roles[] = {
    {"author", "aut"}, {"editor", "edt"}, {"translator", "trl"}, {"illustrator", "ill"}, {"contributor", "ctb"},
};

std::string join(const std::vector<std::string>& parts, const char* separator) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += separator;
        out += p;
    }
    return out;
}

// "a; b ;c" as {"a", "b", "c"}, blanks left out.
std::vector<std::string> split_list(const std::string& value) {
    std::vector<std::string> out;
    std::string part;
    std::istringstream in(value);
    while (std::getline(in, part, ';')) {
        auto b = part.find_first_not_of(' ');
        auto e = part.find_last_not_of(' ');
        if (b != std::string::npos) out.push_back(part.substr(b, e - b + 1));
    }
    return out;
}

const Role* role_by_key(const std::string& key) {
    for (const auto& r : roles)
        if (key == r.key) return &r;
    return nullptr;
}

}  // namespace

void Metadata::set(const std::string& key, const std::string& value) {
    if (const Role* r = role_by_key(key)) {
        creators.push_back({value, r->code, {}});
        return;
    }
    if (key == "authors") {
        set_authors(split_list(value));
        return;
    }
    if (key == "subject" || key == "subjects" || key == "keywords") {
        for (auto& s : split_list(value)) subjects.push_back(std::move(s));
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
    if (key == "authors") return join(names("aut"), "; ");
    if (const Role* r = role_by_key(key)) return join(names(r->code), "; ");
    if (key == "subject" || key == "subjects" || key == "keywords") return join(subjects, "; ");
    for (const auto& f : fields)
        if (key == f.key) return this->*f.member;
    auto it = extra.find(key);
    return it == extra.end() ? std::string() : it->second;
}

void Metadata::set_authors(const std::vector<std::string>& names) {
    std::erase_if(creators, [](const Creator& c) { return c.role == "aut"; });
    for (const auto& name : names) creators.push_back({name, "aut", {}});
}

std::vector<std::string> Metadata::names(std::string_view role) const {
    std::vector<std::string> out;
    for (const auto& c : creators)
        if (c.role == role) out.push_back(c.name);
    return out;
}

std::vector<std::pair<std::string, std::string>> Metadata::entries() const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& f : fields)
        if (!(this->*f.member).empty()) out.emplace_back(f.key, this->*f.member);
    for (const auto& c : creators) {
        const char* key = "creator";
        for (const auto& r : roles)
            if (c.role == r.code) key = r.key;
        out.emplace_back(key, c.name);
    }
    for (const auto& s : subjects) out.emplace_back("subject", s);
    for (const auto& [k, v] : extra)
        if (!v.empty()) out.emplace_back(k, v);
    return out;
}

void Metadata::merge_from(const Metadata& other) {
    for (const auto& f : fields)
        if (!(other.*f.member).empty()) this->*f.member = other.*f.member;
    if (!other.creators.empty()) creators = other.creators;
    if (!other.subjects.empty()) subjects = other.subjects;
    for (const auto& [k, v] : other.extra)
        if (!v.empty()) extra[k] = v;
}

void Metadata::fill_missing_from(const Metadata& other) {
    for (const auto& f : fields)
        if ((this->*f.member).empty()) this->*f.member = other.*f.member;
    if (creators.empty()) creators = other.creators;
    if (subjects.empty()) subjects = other.subjects;
    for (const auto& [k, v] : other.extra) extra.emplace(k, v);
}

bool Attributes::has_class(std::string_view name) const {
    for (const auto& c : classes)
        if (c == name) return true;
    return false;
}

std::string Attributes::get(std::string_view key) const {
    for (const auto& [k, v] : pairs)
        if (k == key) return v;
    return {};
}

std::string_view Block::admonition() const {
    if (kind != Kind::division) return {};
    for (const auto& c : attributes.classes)
        for (auto a : admonition_classes)
            if (c == a) return a;
    return {};
}

std::vector<std::vector<std::size_t>> cell_columns(const std::vector<TableRow>& rows) {
    std::vector<std::vector<std::size_t>> out;
    std::vector<int> covered;  // per grid column: how many more rows a cell above covers
    for (const auto& row : rows) {
        std::vector<std::size_t> starts;
        std::size_t column = 0;
        for (const auto& cell : row.cells) {
            while (column < covered.size() && covered[column] > 0) ++column;
            starts.push_back(column);
            const auto span = static_cast<std::size_t>(std::max(cell.column_span, 1));
            if (covered.size() < column + span) covered.resize(column + span, 0);
            for (std::size_t k = column; k < column + span; ++k) covered[k] = std::max(cell.row_span, 1);
            column += span;
        }
        for (auto& c : covered) c = std::max(c - 1, 0);
        out.push_back(std::move(starts));
    }
    return out;
}

std::vector<Inline> title_inlines(std::string text) {
    std::vector<Inline> out;
    if (!text.empty()) out.push_back(Inline::plain(std::move(text)));
    return out;
}

std::string Section::title_text() const { return plain_text(title); }
std::string Article::title_text() const { return plain_text(title); }

std::pair<std::string_view, std::string_view> split_reference(std::string_view target) {
    const auto hash = target.find('#');
    if (hash == std::string_view::npos) return {target, {}};
    return {target.substr(0, hash), target.substr(hash + 1)};
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
            case Inline::Kind::code:
            case Inline::Kind::image: out += i.text; break;
            case Inline::Kind::line_break: out += '\n'; break;
            case Inline::Kind::math: out += i.math.tex; break;
            case Inline::Kind::note:
            case Inline::Kind::raw: break;
            default: out += plain_text(i.children); break;
        }
    }
    return out;
}

namespace {

void append_line(std::string& out, const std::string& text) {
    if (text.empty()) return;
    if (!out.empty()) out += '\n';
    out += text;
}

void append_blocks(std::string& out, const std::vector<Block>& blocks) {
    for (const auto& b : blocks) append_line(out, plain_text(b));
}

}  // namespace

std::string plain_text(const Block& block) {
    std::string out;
    switch (block.kind) {
        case Block::Kind::paragraph: return plain_text(block.inlines);
        case Block::Kind::code_block: return block.text;
        case Block::Kind::display_math: return block.math.tex;
        case Block::Kind::thematic_break: return {};
        case Block::Kind::raw:  // what it shows, when the reader knew
        case Block::Kind::block_quote:
        case Block::Kind::division: append_blocks(out, block.children); return out;
        case Block::Kind::figure:
            append_blocks(out, block.children);
            append_line(out, plain_text(block.caption));
            return out;
        case Block::Kind::list:
            for (const auto& item : block.items) append_blocks(out, item);
            return out;
        case Block::Kind::definition_list:
            for (const auto& d : block.definitions) {
                append_line(out, plain_text(d.term));
                for (const auto& definition : d.definitions) append_blocks(out, definition);
            }
            return out;
        case Block::Kind::line_block:
            for (const auto& line : block.lines) out += (out.empty() ? "" : "\n") + plain_text(line);
            return out;
        case Block::Kind::table:
            append_line(out, plain_text(block.caption));
            for (const auto* part : {&block.table.head, &block.table.body, &block.table.foot})
                for (const auto& row : *part)
                    for (const auto& cell : row.cells) append_blocks(out, cell.blocks);
            return out;
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Resources

namespace {

class OwnedStringStream : public std::istream {
public:
    explicit OwnedStringStream(std::shared_ptr<const std::string> bytes)
        : std::istream(&buffer_), bytes_(std::move(bytes)) {
        char* data = const_cast<char*>(bytes_->data());  // read-only: the get area is never written
        buffer_.pubsetbuf(data, static_cast<std::streamsize>(bytes_->size()));
    }

private:
    struct Buffer : std::streambuf {
        std::streambuf* setbuf(char* s, std::streamsize n) override {
            setg(s, s, s + n);
            return this;
        }
    };
    Buffer buffer_;
    std::shared_ptr<const std::string> bytes_;
};

}  // namespace

Resource file_resource(std::string name, std::string media_type, const std::filesystem::path& file) {
    Resource r;
    r.name = std::move(name);
    r.media_type = std::move(media_type);
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    r.size = ec ? 0 : size;
    r.source = file.string();
    r.open = [file]() -> std::unique_ptr<std::istream> {
        auto in = std::make_unique<std::ifstream>(file, std::ios::binary);
        if (!*in) return nullptr;
        return in;
    };
    return r;
}

Resource memory_resource(std::string name, std::string media_type, std::string bytes) {
    Resource r;
    r.name = std::move(name);
    r.media_type = std::move(media_type);
    r.size = bytes.size();
    r.source = "<memory>";
    auto shared = std::make_shared<const std::string>(std::move(bytes));
    r.open = [shared]() -> std::unique_ptr<std::istream> { return std::make_unique<OwnedStringStream>(shared); };
    return r;
}

std::string media_type_for(std::string_view file_name) {
    static constexpr std::pair<std::string_view, std::string_view> types[] = {
        {".png", "image/png"},      {".jpg", "image/jpeg"},      {".jpeg", "image/jpeg"},
        {".gif", "image/gif"},      {".svg", "image/svg+xml"},   {".webp", "image/webp"},
        {".css", "text/css"},       {".ttf", "font/ttf"},        {".otf", "font/otf"},
        {".woff", "font/woff"},     {".woff2", "font/woff2"},    {".mp3", "audio/mpeg"},
        {".mp4", "video/mp4"},      {".js", "application/javascript"},
    };
    const auto dot = file_name.rfind('.');
    if (dot == std::string_view::npos) return {};
    std::string ext(file_name.substr(dot));
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const auto& [e, type] : types)
        if (ext == e) return std::string(type);
    return {};
}

bool Resources::add(Resource resource) {
    std::lock_guard lock(mutex_);
    if (by_name_.count(resource.name)) return false;
    auto owned = std::make_unique<Resource>(std::move(resource));
    by_name_.emplace(owned->name, owned.get());
    list_.push_back(std::move(owned));
    return true;
}

const Resource* Resources::find(std::string_view name) const {
    std::lock_guard lock(mutex_);
    auto it = by_name_.find(name);
    return it == by_name_.end() ? nullptr : it->second;
}

std::vector<const Resource*> Resources::all() const {
    std::lock_guard lock(mutex_);
    std::vector<const Resource*> out;
    for (const auto& r : list_) out.push_back(r.get());
    return out;
}

std::size_t Resources::size() const {
    std::lock_guard lock(mutex_);
    return list_.size();
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
        line() << "title: ";
        title(a.title);
        if (a.heading_level) out_ << " level " << a.heading_level;
        out_ << '\n';
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

    // (public for the dumps of one block or one run of inlines)
    void one_block(const Block& b) { block(b); }
    void some_inlines(const std::vector<Inline>& is) { inlines(is); }

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
        line() << "section " << s.id << ' ';
        title(s.title);
        attributes(s.attributes);
        if (s.heading_level) out_ << " level " << s.heading_level;
        out_ << '\n';
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

    // A title of plain text as one quoted string (as before titles held markup), else its inlines.
    void title(const std::vector<Inline>& is) {
        bool plain = true;
        for (const auto& i : is) plain = plain && i.kind == Inline::Kind::text;
        if (plain)
            out_ << quoted(plain_text(is));
        else
            inlines(is);
    }

    void attributes(const Attributes& a) {
        if (a.empty()) return;
        out_ << " {";
        const char* sep = "";
        if (!a.id.empty()) out_ << std::exchange(sep, " ") << '#' << a.id;
        for (const auto& c : a.classes) out_ << std::exchange(sep, " ") << '.' << c;
        if (!a.language.empty()) out_ << std::exchange(sep, " ") << "lang=" << a.language;
        for (const auto& [k, v] : a.pairs) out_ << std::exchange(sep, " ") << k << '=' << quoted(v);
        out_ << '}';
    }

    void math(const Math& m) {
        if (!m.tex.empty()) out_ << " tex=" << quoted(m.tex);
        if (!m.mathml.empty()) out_ << " mathml=" << quoted(m.mathml);
    }

    void rows(const char* part, const std::vector<TableRow>& list) {
        for (const auto& row : list) {
            line() << part << " row\n";
            Indent in(*this);
            for (const auto& cell : row.cells) {
                line() << (cell.header ? "th" : "td");
                if (cell.row_span != 1) out_ << " rowspan=" << cell.row_span;
                if (cell.column_span != 1) out_ << " colspan=" << cell.column_span;
                if (cell.alignment != Alignment::unspecified) out_ << " align=" << alignment_name(cell.alignment);
                out_ << '\n';
                Indent in2(*this);
                for (const auto& c : cell.blocks) block(c);
            }
        }
    }

    void block(const Block& b) {
        switch (b.kind) {
            case Block::Kind::paragraph:
                line() << "para ";
                inlines(b.inlines);
                attributes(b.attributes);
                out_ << '\n';
                return;
            case Block::Kind::code_block:
                line() << "code ";
                if (!b.format.empty()) out_ << b.format << ' ';
                out_ << quoted(b.text);
                attributes(b.attributes);
                out_ << '\n';
                return;
            case Block::Kind::block_quote: {
                line() << "quote";
                attributes(b.attributes);
                out_ << '\n';
                Indent in(*this);
                for (const auto& c : b.children) block(c);
                if (!b.attribution.empty()) {
                    line() << "attribution ";
                    inlines(b.attribution);
                    out_ << '\n';
                }
                return;
            }
            case Block::Kind::list: {
                line() << (b.ordered ? "ordered-list start=" + std::to_string(b.start) : "list");
                if (b.style != ListStyle::decimal) out_ << " style=" << static_cast<int>(b.style);
                if (!b.tight) out_ << " loose";
                attributes(b.attributes);
                out_ << '\n';
                Indent in(*this);
                for (std::size_t n = 0; n < b.items.size(); ++n) {
                    line() << "item";
                    if (n < b.tasks.size() && b.tasks[n] != Task::none)
                        out_ << (b.tasks[n] == Task::checked ? " [x]" : " [ ]");
                    out_ << '\n';
                    Indent in2(*this);
                    for (const auto& c : b.items[n]) block(c);
                }
                return;
            }
            case Block::Kind::division:
                line() << "div";
                attributes(b.attributes);
                out_ << '\n';
                break;
            case Block::Kind::definition_list: {
                line() << "definitions";
                attributes(b.attributes);
                out_ << '\n';
                Indent in(*this);
                for (const auto& d : b.definitions) {
                    line() << "term ";
                    inlines(d.term);
                    out_ << '\n';
                    Indent in2(*this);
                    for (const auto& definition : d.definitions) {
                        line() << "definition\n";
                        Indent in3(*this);
                        for (const auto& c : definition) block(c);
                    }
                }
                return;
            }
            case Block::Kind::line_block: {
                line() << "lines";
                attributes(b.attributes);
                out_ << '\n';
                Indent in(*this);
                for (const auto& l : b.lines) {
                    line() << "line ";
                    inlines(l);
                    out_ << '\n';
                }
                return;
            }
            case Block::Kind::table: {
                line() << "table";
                attributes(b.attributes);
                out_ << '\n';
                Indent in(*this);
                if (!b.caption.empty()) {
                    line() << "caption ";
                    inlines(b.caption);
                    out_ << '\n';
                }
                line() << "columns";
                for (const auto& c : b.table.columns)
                    out_ << ' ' << (c.alignment == Alignment::unspecified ? "-" : alignment_name(c.alignment)) << ':'
                         << c.width;
                out_ << '\n';
                rows("head", b.table.head);
                rows("body", b.table.body);
                rows("foot", b.table.foot);
                return;
            }
            case Block::Kind::figure:
                line() << "figure";
                attributes(b.attributes);
                out_ << '\n';
                if (!b.caption.empty()) {
                    Indent in(*this);
                    line() << "caption ";
                    inlines(b.caption);
                    out_ << '\n';
                }
                break;
            case Block::Kind::thematic_break:
                line() << "hr";
                attributes(b.attributes);
                out_ << '\n';
                return;
            case Block::Kind::display_math:
                line() << "math";
                math(b.math);
                attributes(b.attributes);
                out_ << '\n';
                return;
            case Block::Kind::raw:
                line() << "raw " << b.format << ' ' << quoted(b.text) << '\n';
                if (b.children.empty()) return;
                break;  // what it shows: its children
        }
        Indent in(*this);  // division, figure, raw: the children
        for (const auto& c : b.children) block(c);
    }

    void wrapped(const char* name, const Inline& i) {
        out_ << name << '(';
        inlines(i.children);
        out_ << ')';
        attributes(i.attributes);
    }

    void inlines(const std::vector<Inline>& is) {
        for (const auto& i : is) {
            switch (i.kind) {
                case Inline::Kind::text: out_ << quoted(i.text); break;
                case Inline::Kind::code: out_ << "code(" << quoted(i.text) << ')'; break;
                case Inline::Kind::line_break: out_ << "br"; break;
                case Inline::Kind::emphasis: wrapped("em", i); break;
                case Inline::Kind::strong: wrapped("strong", i); break;
                case Inline::Kind::strikethrough: wrapped("strike", i); break;
                case Inline::Kind::superscript: wrapped("sup", i); break;
                case Inline::Kind::subscript: wrapped("sub", i); break;
                case Inline::Kind::small_caps: wrapped("smallcaps", i); break;
                case Inline::Kind::span: wrapped("span", i); break;
                case Inline::Kind::link:
                    out_ << "link(" << quoted(i.target) << ' ';
                    if (!i.title.empty()) out_ << "title=" << quoted(i.title) << ' ';
                    inlines(i.children);
                    out_ << ')';
                    break;
                case Inline::Kind::reference:
                    out_ << "ref(" << quoted(i.target) << ' ';
                    inlines(i.children);
                    out_ << ')';
                    break;
                case Inline::Kind::image:
                    out_ << "image(" << quoted(i.target) << " alt=" << quoted(i.text);
                    if (!i.title.empty()) out_ << " title=" << quoted(i.title);
                    out_ << ')';
                    attributes(i.attributes);
                    break;
                case Inline::Kind::math:
                    out_ << "math(";
                    math(i.math);
                    out_ << ')';
                    break;
                case Inline::Kind::raw: out_ << "raw(" << i.format << ' ' << quoted(i.text) << ')'; break;
                case Inline::Kind::note: {
                    out_ << "note";
                    attributes(i.attributes);
                    out_ << "(\n";
                    {
                        Indent in(*this);
                        Indent in2(*this);
                        for (const auto& b : i.blocks) block(b);
                    }
                    line() << "  )";
                    break;
                }
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

std::string dump(const Block& block) {
    Dumper d;
    d.one_block(block);
    return d.str();
}

std::string dump(const std::vector<Inline>& inlines) {
    Dumper d;
    d.some_inlines(inlines);
    return d.str();
}

std::string dump(const Book& book) {
    std::string out = "book\n" + dump(book.metadata);
    for (const auto& a : book.articles) out += dump(a);
    return out;
}

}  // namespace fascicle
