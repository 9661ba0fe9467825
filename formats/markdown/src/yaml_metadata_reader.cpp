#include "yaml_metadata_reader.hpp"

#include <yaml.h>

#include <optional>
#include <string>
#include <vector>

namespace fascicle::markdown {

namespace {

// A parsed YAML document: libyaml's parser and document, freed together.
class YamlDocument {
public:
    YamlDocument() { yaml_parser_initialize(&parser_); }
    ~YamlDocument() {
        if (loaded_) yaml_document_delete(&document_);
        yaml_parser_delete(&parser_);
    }
    YamlDocument(const YamlDocument&) = delete;
    YamlDocument& operator=(const YamlDocument&) = delete;

    bool load(const std::string& text) {
        yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()), text.size());
        loaded_ = yaml_parser_load(&parser_, &document_) != 0;
        return loaded_;
    }
    const yaml_parser_t& parser() const { return parser_; }
    yaml_node_t* root() { return yaml_document_get_root_node(&document_); }
    yaml_node_t* node(int index) { return yaml_document_get_node(&document_, index); }

private:
    yaml_parser_t parser_;
    yaml_document_t document_;
    bool loaded_ = false;
};

// Reads one block's nodes into metadata.
class MetadataReader {
public:
    MetadataReader(YamlDocument& document, std::size_t first_line, InputDiagnostics& diagnostics, Metadata& into)
        : document_(document), first_line_(first_line), diagnostics_(diagnostics), into_(into) {}

    void read_mapping(yaml_node_t* mapping) {
        for (auto* pair = mapping->data.mapping.pairs.start; pair < mapping->data.mapping.pairs.top; ++pair) {
            yaml_node_t* key = document_.node(pair->key);
            yaml_node_t* value = document_.node(pair->value);
            if (!key || !value) continue;
            auto name = scalar(key);
            if (!name || name->empty()) {
                warning(key, "a metadata key that is not a plain string is ignored");
                continue;
            }
            read_entry(*name, value);
        }
    }

private:
    void read_entry(const std::string& key, yaml_node_t* value) {
        if (is_null(value)) return;
        if (key == "author" || key == "authors") return read_authors(key, value);
        const std::string field = key == "lang"       ? "language"
                                  : key == "abstract" ? "description"
                                                      : key;
        if (auto text = scalar(value)) return into_.set(field, *text);
        if (value->type == YAML_SEQUENCE_NODE && !is_single_valued(field)) {
            std::string joined;
            for (const auto& item : scalar_items(key, value)) joined += (joined.empty() ? "" : "; ") + item;
            if (!joined.empty()) into_.set(field, joined);
            return;
        }
        warning(value, "the metadata key '" + key + "' holds " + shape(value) +
                           ", which Fascicle metadata cannot hold: it is ignored");
    }

    // A string, "A; B", a list of strings, or a list of {name: ...} as pandoc's EPUB metadata has.
    void read_authors(const std::string& key, yaml_node_t* value) {
        if (auto text = scalar(value)) {
            into_.set(key == "authors" ? "authors" : "author", *text);
            return;
        }
        if (value->type != YAML_SEQUENCE_NODE) {
            warning(value, "the metadata key '" + key + "' holds " + shape(value) +
                               ": expected a name or a list of names; it is ignored");
            return;
        }
        for (const auto& name : scalar_items(key, value)) into_.creators.push_back(Creator{name, "aut", {}});
    }

    // The strings of a list; an item {name: X} gives X, any other item a warning.
    std::vector<std::string> scalar_items(const std::string& key, yaml_node_t* sequence) {
        std::vector<std::string> out;
        for (auto* item = sequence->data.sequence.items.start; item < sequence->data.sequence.items.top; ++item) {
            yaml_node_t* node = document_.node(*item);
            if (!node || is_null(node)) continue;
            if (auto text = scalar(node)) {
                out.push_back(*text);
            } else if (auto name = mapping_name(node)) {
                out.push_back(*name);
            } else {
                warning(node, "an item of the metadata key '" + key + "' holds " + shape(node) +
                                  ", which Fascicle metadata cannot hold: it is ignored");
            }
        }
        return out;
    }

    std::optional<std::string> mapping_name(yaml_node_t* node) {
        if (node->type != YAML_MAPPING_NODE) return std::nullopt;
        for (auto* pair = node->data.mapping.pairs.start; pair < node->data.mapping.pairs.top; ++pair) {
            yaml_node_t* key = document_.node(pair->key);
            yaml_node_t* value = document_.node(pair->value);
            if (key && value && scalar(key) == "name") return scalar(value);
        }
        return std::nullopt;
    }

    static bool is_single_valued(const std::string& field) {
        for (const char* f : {"title", "language", "identifier", "date", "publisher", "description", "rights"})
            if (field == f) return true;
        return false;
    }

    static std::optional<std::string> scalar(yaml_node_t* node) {
        if (node->type != YAML_SCALAR_NODE) return std::nullopt;
        return std::string(reinterpret_cast<const char*>(node->data.scalar.value), node->data.scalar.length);
    }

    // YAML's null: an empty or "~"/"null" plain value (a quoted one is a string).
    static bool is_null(yaml_node_t* node) {
        if (node->type != YAML_SCALAR_NODE || node->data.scalar.style != YAML_PLAIN_SCALAR_STYLE) return false;
        const std::string v = *scalar(node);
        return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL";
    }

    static std::string shape(yaml_node_t* node) {
        switch (node->type) {
            case YAML_SEQUENCE_NODE: return "a list";
            case YAML_MAPPING_NODE: return "a mapping";
            default: return "a value";
        }
    }

    void warning(yaml_node_t* node, std::string message) {
        diagnostics_.warning(first_line_ + node->start_mark.line, node->start_mark.column + 1, std::move(message));
    }

    YamlDocument& document_;
    std::size_t first_line_;
    InputDiagnostics& diagnostics_;
    Metadata& into_;
};

}  // namespace

void read_yaml_metadata(const MetadataBlock& block, InputDiagnostics& diagnostics, Metadata& into) {
    YamlDocument document;
    if (!document.load(block.yaml)) {
        const yaml_parser_t& p = document.parser();
        std::string message = "the metadata block is not valid YAML: ";
        message += p.problem ? p.problem : "unknown error";
        if (p.context)
            message += " (" + std::string(p.context) + " at line " +
                       std::to_string(block.yaml_line + p.context_mark.line) + ":" +
                       std::to_string(p.context_mark.column + 1) + ")";
        diagnostics.error(block.yaml_line + p.problem_mark.line, p.problem_mark.column + 1, message);
        return;
    }
    yaml_node_t* root = document.root();
    if (!root) return;  // no YAML between the delimiters
    if (root->type != YAML_MAPPING_NODE) {
        diagnostics.error(block.yaml_line + root->start_mark.line, root->start_mark.column + 1,
                          "the metadata block must be a YAML mapping of keys to values (title: ..., author: ...), "
                          "not " + std::string(root->type == YAML_SEQUENCE_NODE ? "a list" : "a single value"));
        return;
    }
    MetadataReader(document, block.yaml_line, diagnostics, into).read_mapping(root);
}

}  // namespace fascicle::markdown
