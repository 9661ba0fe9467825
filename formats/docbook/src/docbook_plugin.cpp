// The docbook plugin: the "docbook" format (DocBook 5 XML), read and written.
#include "docbook_reader.hpp"
#include "docbook_writer.hpp"
#include "xinclude_resolver.hpp"

#include <fascicle/loss_report.hpp>

#include <fascicle/input_limits.hpp>
#include <fascicle/plugin.hpp>

namespace {

fascicle::OptionSpec division_option_spec() {
    return {fascicle::docbook::division_option, "chapter|article",
            "DocBook, PDF: what each article becomes in the book: a chapter (the default) or an article"};
}

fascicle::PluginDescriptor describe_docbook_plugin() {
    using namespace fascicle;
    PluginDescriptor plugin;
    plugin.name = "docbook";
    plugin.version = "1.0.0";
    plugin.description = "DocBook 5 books";

    FormatInfo docbook;
    docbook.name = "docbook";
    docbook.description =
        "DocBook 5 XML: writes a book of chapters, valid against the DocBook 5.0 schema; reads DocBook 5 and 4 (any division, or a bare table or figure, as the root)";
    docbook.extensions = {".xml", ".dbk"};
    docbook.make_reader = [] { return std::make_unique<docbook::DocBookReader>(); };
    docbook.make_writer = [] { return std::make_unique<docbook::DocBookWriter>(); };
    docbook.options = {division_option_spec(),
                       {docbook::extract_media_option, "DIR",
                        "DocBook: write the book's images into DIR and refer to them there (default: beside the "
                        "output, by their names)"},
                       max_input_size_spec(), max_nesting_spec(), fail_on_loss_spec(),
                       {docbook::allow_outside_option, "",
                        "DocBook reader: XIncludes and images may name files outside the input's folder (refused "
                        "by default)"}};
    plugin.formats.push_back(std::move(docbook));

    return plugin;
}

}  // namespace

FASCICLE_PLUGIN(describe_docbook_plugin)
