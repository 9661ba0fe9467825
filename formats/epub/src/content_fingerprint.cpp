#include "content_fingerprint.hpp"

#include <uuid.h>

#include <algorithm>

namespace fascicle::epub {

namespace {

// The namespace of Fascicle's content UUIDs (a random UUID, fixed once).
constexpr std::array<unsigned char, 16> fascicle_content_namespace = {
    0x19, 0x56, 0x12, 0x1b, 0xdb, 0x62, 0x4c, 0x0d, 0x9a, 0x78, 0x93, 0x27, 0x0f, 0xd9, 0xaa, 0x2a};

// An unambiguous serialization of an article: every field is ended by a separator that text
// cannot hold (control characters are dropped from our XML output anyway), so that moving text
// from one field to the next changes the bytes.
class ArticleSerializer {
public:
    static constexpr std::size_t long_field = 1 << 16;

    std::string take() { return std::move(out_); }

    void field(char tag, std::string_view text) {
        out_ += tag;
        if (text.size() > long_field) {
            // A long text (a paragraph may be hundreds of megabytes) stands as its own digest,
            // hashed where it is rather than copied; '\x1e' tells it from a text.
            uuid_t digest;
            uuid_generate_sha1(digest, fascicle_content_namespace.data(), text.data(), text.size());
            static constexpr char hex[] = "0123456789abcdef";
            for (unsigned char byte : digest) {
                out_ += hex[byte >> 4];
                out_ += hex[byte & 15];
            }
            out_ += '\x1e';
            return;
        }
        out_ += text;
        out_ += '\x1f';
    }

    void article(const Article& a) {
        field('A', a.id);
        title('T', a.title);
        blocks('S', a.summary);
        blocks('I', a.introduction);
        for (const auto& s : a.sections) section(s);
        blocks('C', a.conclusion);
    }

private:
    void section(const Section& s) {
        field('{', s.id);
        title('H', s.title);
        blocks('B', s.blocks);
        for (const auto& sub : s.subsections) section(sub);
        field('}', {});
    }

    // A plain title as its text (as when titles were strings), one with markup as its dump.
    void title(char tag, const std::vector<Inline>& t) {
        const bool plain = std::all_of(t.begin(), t.end(), [](const Inline& i) { return i.kind == Inline::Kind::text; });
        field(tag, plain ? plain_text(t) : dump(t));
    }

    void blocks(char tag, const std::vector<Block>& bs) {
        field(tag, {});
        for (const auto& b : bs) block(b);
        field(')', {});
    }

    void block(const Block& b) {
        switch (b.kind) {
            case Block::Kind::paragraph: field('p', {}); inlines(b.inlines); break;
            case Block::Kind::code_block: field('c', b.text); break;
            case Block::Kind::block_quote: blocks('q', b.children); break;
            case Block::Kind::list:
                field(b.ordered ? 'o' : 'u', b.ordered ? std::to_string(b.start) : std::string());
                for (const auto& item : b.items) blocks('i', item);
                break;
            default: field('X', dump(b)); break;  // the kinds of API 2.0: their whole dump
        }
        field(';', {});
    }

    void inlines(const std::vector<Inline>& is) {
        for (const auto& i : is) {
            switch (i.kind) {
                case Inline::Kind::text: field('t', i.text); break;
                case Inline::Kind::code: field('k', i.text); break;
                case Inline::Kind::line_break: field('n', {}); break;
                case Inline::Kind::emphasis: field('e', {}); inlines(i.children); field(']', {}); break;
                case Inline::Kind::strong: field('s', {}); inlines(i.children); field(']', {}); break;
                case Inline::Kind::link: field('l', i.target); inlines(i.children); field(']', {}); break;
                default: field('x', dump(std::vector<Inline>{i})); break;  // the kinds of API 2.0
            }
        }
    }

    std::string out_;
};

void fold(std::array<unsigned char, 16>& state, const std::array<unsigned char, 16>& ns,
          std::string_view bytes) {
    uuid_t out;
    uuid_generate_sha1(out, ns.data(), bytes.data(), bytes.size());
    std::copy(out, out + 16, state.begin());
}

}  // namespace

ContentFingerprint::ContentFingerprint(std::string_view book_title) {
    ArticleSerializer s;
    s.field('B', book_title);
    fold(state_, fascicle_content_namespace, s.take());
}

ContentFingerprint::Digest ContentFingerprint::digest(const Article& article) {
    ArticleSerializer s;
    s.article(article);
    Digest out;
    fold(out, fascicle_content_namespace, s.take());
    return out;
}

void ContentFingerprint::add(const Digest& article_digest) {
    // The state so far is the namespace of the next step.
    const auto previous = state_;
    fold(state_, previous, {reinterpret_cast<const char*>(article_digest.data()), article_digest.size()});
}

std::string ContentFingerprint::uuid() const {
    char text[37];
    uuid_unparse_lower(state_.data(), text);
    return text;
}

}  // namespace fascicle::epub
