// A plugin built against the API 1.1 headers (tests/plugins/api-1.1), as a plugin author's old
// build would be: the host must refuse it, naming both versions, before touching its descriptor.
#include <fascicle/plugin.hpp>

#include <sstream>

namespace api1 {

class ParagraphCounter : public fascicle::Writer {
public:
    fascicle::Status begin_book(const fascicle::Metadata&, fascicle::WriteContext& ctx) override {
        ctx_ = &ctx;
        return fascicle::Status::ok;
    }
    fascicle::Status write_article(const fascicle::Article& article) override {
        ctx_->output.stream() << article.title << '\n';  // a 1.x title is a string
        return fascicle::Status::ok;
    }
    fascicle::Status end_book() override { return fascicle::Status::ok; }

private:
    fascicle::WriteContext* ctx_ = nullptr;
};

fascicle::PluginDescriptor describe() {
    fascicle::PluginDescriptor d;
    d.name = "test-api1";
    d.version = "1.0.0";
    fascicle::FormatInfo f;
    f.name = "test-api1";
    f.extensions = {".api1"};
    f.make_writer = [] { return std::make_unique<ParagraphCounter>(); };
    d.formats.push_back(std::move(f));
    return d;
}

}  // namespace api1

FASCICLE_PLUGIN(api1::describe)
