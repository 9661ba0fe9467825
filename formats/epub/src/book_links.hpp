// Links between the documents of a book, resolved once every document is read: a link to a
// document's element becomes an internal reference to the article and id that document became,
// and the first link to a note (an aside epub:type="footnote", an item of a notes section, in any
// document) becomes the note itself, there. Notes no link points at stay in their document.
#pragma once

#include "article_assembler.hpp"
#include "xhtml_content.hpp"

#include <fascicle/ir.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace fascicle::epub::reader {

class BookLinks {
public:
    // A document read as `article` (whose id is final), with its ids and its notes. The ids
    // Fascicle's writer made ("<article xml id>.<local id>") become the local ids again.
    void add_document(const std::string& entry, Article& article, const DocumentIds& ids,
                      std::vector<ContentNote> notes);

    // Turns the references the walker left ("<entry>#<fragment>") in `article` into references
    // to articles and ids, or into notes; `entry` is the document the article was read from. A
    // link to an entry that is no article of the book is a link again, relative to `entry`.
    void resolve(Article& article, const std::string& entry);

    // The notes of `entry` that no link pointed at, as blocks to end its article with.
    std::vector<Block> unreferenced_notes(const std::string& entry);

private:
    struct Document {
        std::string article_id;
        std::set<std::string> article_ids;             // XML ids that name the article itself
        std::map<std::string, std::string> sections;   // XML id -> section id
        std::set<std::string> kept;                    // ids the article's blocks and inlines carry
    };
    struct Note {
        std::string entry;
        std::string id;
        std::vector<Block> blocks;
        std::string placed_in;  // the article it went to; empty while no link pointed at it
    };

    static std::string local_id(const std::string& article_id, const std::string& xml_id);
    void resolve(std::vector<Block>& blocks, const std::string& article_id, const std::string& from_entry);
    void resolve(std::vector<Inline>& inlines, const std::string& article_id, const std::string& from_entry);

    std::map<std::string, Document> documents_;  // by entry
    std::map<std::string, Note> notes_;          // by "<entry>#<id>"
    std::vector<std::string> note_order_;
};

}  // namespace fascicle::epub::reader
