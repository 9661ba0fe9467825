#include "hostile_text.hpp"

namespace fascicle::markdown::test {

namespace {

const std::string ascii_punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

std::size_t pick(std::mt19937& random, std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(random);
}

}  // namespace

std::vector<std::string> hostile_paragraphs() {
    std::vector<std::string> out;
    for (char ch : ascii_punctuation) {
        const std::string c(1, ch);
        for (const std::string& p : {
                 c, c + c, c + c + c, c + c + c + c, c + " " + c + " " + c,
                 c + "word", "word" + c, c + " word", "word " + c, "word " + c + " word",
                 "word" + c + "word", "word " + c + c + " word", c + "word" + c, c + c + "word" + c + c,
                 "  " + c + " word", "\t" + c + " word", "word " + c + "  ", "word " + c + "\\",
                 "1" + c + " word", "123456789" + c + " word", "1234567890" + c + " word",
                 "(" + c + ")", "[" + c + "]", "\\" + c, c + "\\", "&" + c, "<" + c + ">", "`" + c + "`",
                 "word\n" + c + " word", "word\n" + c + c + c, "word " + c + "\nword", "x" + c + "\n" + c + "x",
             })
            out.push_back(p);
    }
    for (const char* p : {
             "1. item", "1) item", "2. not first", "0. zero", "# heading", "###### six", "####### seven",
             "#hashtag", "> quote", ">> nested", "- dash", "+ plus", "* star", "_ under", "-", "+", "*",
             "~~~", "~~~ fence", "```", "``` fence", "````", "***", "---", "___", "===", "- - -", "* * *",
             "_ _ _", "a\n===", "a\n---", "a\n=", "a\n-", "    indented", "\tindented", "<div>", "<div>x</div>",
             "<!-- comment -->", "<?php ?>", "<![CDATA[x]]>", "<!DOCTYPE html>", "<http://example.com>",
             "<a@b.co>", "<em>not emphasis</em>", "a <b> c", "x<y", "x < y", "&amp;", "&copy;", "&#35;",
             "&#x23;", "&#X1F600;", "&#0;", "&nosuchentity;", "AT&T", "a & b", "&", "&;", "&#;", "[x](y)",
             "[x]", "[x]: /url", "[x]: /url \"title\"", "![img](src)", "!", "![", "\\", "\\\\", "\\\\\\",
             "a\\", "a\\\nb", "C:\\Users\\me", "\\*not emphasis\\*", "|a|b|", "| a | b |\n|---|---|",
             "a | b\n--|--", "trailing spaces  ", "trailing spaces  \nnext", "trailing backslash\\",
             "*a*", "_a_", "**a**", "__a__", "*a", "a*", "**", "snake_case_name", "2 * 3 * 4", "2*3*4",
             "a * b", "~~strike~~", "~x~", "www.example.com", "http://example.com/a_b_c", "a@b.co",
             "`code`", "``code``", "` `", "a `b", "[^1]", "[ ] task", "[x] done", "\"quoted\" 'single'",
             "$math$", "{braces}", "^caret", "?!.,;:", "@user", "%percent", "/slash/", "=equals",
             "  leading", "trailing  ", "   ", "\n", "\nleading newline", "trailing newline\n",
             "two\n\nnewlines", "a\r\nb", "nbsp\u00A0*x*\u00A0", "é*é*é", "日本*語*", "😀 * 😀",
         })
        out.push_back(p);
    return out;
}

Article hostile_punctuation_article() {
    const auto paragraphs = hostile_paragraphs();
    Article a;
    a.id = "hostile";
    a.title = fascicle::title_inlines("Hostile # title *with* [punctuation] #");
    a.summary.push_back(Block::paragraph("> not a quote in a quote"));
    a.summary.push_back(Block::paragraph("- not a list in a quote"));
    for (const auto& p : paragraphs) a.introduction.push_back(Block::paragraph(p));
    // Section titles from the same traps, a few paragraphs under each.
    for (std::size_t k = 0; k < paragraphs.size(); k += 7) {
        Section s;
        s.id = "s" + std::to_string(k);
        s.title = fascicle::title_inlines(paragraphs[k]);
        s.blocks.push_back(Block::paragraph(paragraphs[(k + 3) % paragraphs.size()]));
        a.sections.push_back(std::move(s));
    }
    a.conclusion.push_back(Block::paragraph("# the end #"));
    return a;
}

std::string random_text(std::mt19937& random, std::size_t max_length) {
    static const std::vector<std::string> pieces = [] {
        std::vector<std::string> p;
        for (char c : ascii_punctuation) p.emplace_back(1, c);
        for (const char* s : {"a", "Z", "0", "1", "9", "x", " ", " ", " ", " ", " ", "\n", "\t", "\r",
                              "1.", "&amp;", "&#35;", "é", "中", "\u00A0", "😀", "ß", "\u2028", "_", "*"})
            p.emplace_back(s);
        return p;
    }();
    std::string out;
    const std::size_t length = pick(random, max_length + 1);
    for (std::size_t k = 0; k < length; ++k) out += pieces[pick(random, pieces.size())];
    return out;
}

std::vector<Inline> random_inlines(std::mt19937& random, int depth) {
    std::vector<Inline> out;
    const std::size_t count = 1 + pick(random, 4);
    for (std::size_t k = 0; k < count; ++k) {
        Inline i;
        const std::size_t roll = pick(random, depth > 0 ? 10 : 6);
        if (roll < 4) {
            i = Inline::plain(random_text(random, 12));
        } else if (roll == 4) {
            i.kind = Inline::Kind::code;
            i.text = random_text(random, 8);
        } else if (roll == 5) {
            i.kind = Inline::Kind::line_break;
        } else if (roll <= 7) {
            i.kind = roll == 6 ? Inline::Kind::emphasis : Inline::Kind::strong;
            i.children = random_inlines(random, depth - 1);
        } else {
            i.kind = Inline::Kind::link;
            i.children = random_inlines(random, depth - 1);
            std::string target = "t" + random_text(random, 10);
            for (auto& ch : target)
                if (ch == '\n' || ch == '\r') ch = '_';  // a URL holds no line break
            i.target = target;
        }
        out.push_back(std::move(i));
    }
    return out;
}

}  // namespace fascicle::markdown::test
