// Plugins that must be refused, one per build of this file (BROKEN_KIND selects which):
//   wrong_major, newer_minor  - an API version this host does not support
//   no_descriptor             - the version entry point without the descriptor one
//   duplicate                 - a format name that test-lines already took
//   throwing                  - loads fine, but its reader and writer throw
#include <quire/plugin.hpp>

#include <stdexcept>

namespace broken {

class ThrowingReader : public quire::Reader {
public:
    quire::Status read(const quire::Input&, quire::ReadContext&, quire::ArticleSink&) override {
        throw std::runtime_error("reader exploded");
    }
};

class ThrowingWriter : public quire::Writer {
public:
    quire::Status begin_book(const quire::Metadata&, quire::WriteContext&) override {
        throw std::runtime_error("writer exploded");
    }
    quire::Status write_article(const quire::Article&) override { return quire::Status::ok; }
    quire::Status end_book() override { return quire::Status::ok; }
};

quire::PluginDescriptor describe() {
    quire::PluginDescriptor d;
    d.name = "broken-" BROKEN_KIND;
    d.version = "0.0.1";
    quire::FormatInfo f;
    f.name = std::string(BROKEN_KIND) == "duplicate" ? "test-lines" : "test-" BROKEN_KIND;
    f.extensions = {".broken"};
    f.make_reader = [] { return std::make_unique<ThrowingReader>(); };
    f.make_writer = [] { return std::make_unique<ThrowingWriter>(); };
    d.formats.push_back(std::move(f));
    return d;
}

std::uint32_t version() { return quire::ApiVersion{BROKEN_MAJOR, BROKEN_MINOR}.packed(); }
const quire::PluginDescriptor& descriptor() {
    static const quire::PluginDescriptor d = describe();
    return d;
}

}  // namespace broken

BOOST_DLL_ALIAS(broken::version, quire_plugin_api_version)
#ifndef BROKEN_NO_DESCRIPTOR
BOOST_DLL_ALIAS(broken::descriptor, quire_plugin)
#endif
