// Plugins that must be refused, one per build of this file (BROKEN_KIND selects which):
//   wrong_major, newer_minor  - an API version this host does not support
//   no_descriptor             - the version entry point without the descriptor one
//   duplicate                 - a format name that test-lines already took
//   throwing                  - loads fine, but its reader and writer throw
#include <fascicle/plugin.hpp>

#include <stdexcept>

namespace broken {

class ThrowingReader : public fascicle::Reader {
public:
    fascicle::Status read(const fascicle::Input&, fascicle::ReadContext&, fascicle::ArticleSink&) override {
        throw std::runtime_error("reader exploded");
    }
};

class ThrowingWriter : public fascicle::Writer {
public:
    fascicle::Status begin_book(const fascicle::Metadata&, fascicle::WriteContext&) override {
        throw std::runtime_error("writer exploded");
    }
    fascicle::Status write_article(const fascicle::Article&) override { return fascicle::Status::ok; }
    fascicle::Status end_book() override { return fascicle::Status::ok; }
};

fascicle::PluginDescriptor describe() {
    fascicle::PluginDescriptor d;
    d.name = "broken-" BROKEN_KIND;
    d.version = "0.0.1";
    fascicle::FormatInfo f;
    f.name = std::string(BROKEN_KIND) == "duplicate" ? "test-lines" : "test-" BROKEN_KIND;
    f.extensions = {".broken"};
    f.make_reader = [] { return std::make_unique<ThrowingReader>(); };
    f.make_writer = [] { return std::make_unique<ThrowingWriter>(); };
    d.formats.push_back(std::move(f));
    return d;
}

std::uint32_t version() { return fascicle::ApiVersion{BROKEN_MAJOR, BROKEN_MINOR}.packed(); }
const fascicle::PluginDescriptor& descriptor() {
    static const fascicle::PluginDescriptor d = describe();
    return d;
}

}  // namespace broken

BOOST_DLL_ALIAS(broken::version, fascicle_plugin_api_version)
#ifndef BROKEN_NO_DESCRIPTOR
BOOST_DLL_ALIAS(broken::descriptor, fascicle_plugin)
#endif
