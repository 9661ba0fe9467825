#include "pdf_test_support.hpp"

#include <fascicle/host/plugin_registry.hpp>

#include <gtest/gtest.h>

namespace fascicle::pdf::test {

namespace {

// The registry holding the docbook plugin, alive from before the first test to after the last:
// the newest live registry is the one make_loaded_writer asks.
class DocBookPluginLoaded final : public ::testing::Environment {
public:
    void SetUp() override {
        registry_ = std::make_unique<host::PluginRegistry>();
        ASSERT_TRUE(registry_->load_file(FASCICLE_DOCBOOK_PLUGIN))
            << FASCICLE_DOCBOOK_PLUGIN << ": "
            << (registry_->rejected().empty() ? std::string("not a plugin") : registry_->rejected().front().reason);
    }
    void TearDown() override { registry_.reset(); }

private:
    std::unique_ptr<host::PluginRegistry> registry_;
};

[[maybe_unused]] const ::testing::Environment* const docbook_plugin_loaded =
    ::testing::AddGlobalTestEnvironment(new DocBookPluginLoaded);

}  // namespace

std::shared_ptr<Writer> docbook_writer() {
    std::string why_not;
    auto writer = make_loaded_writer("docbook", why_not);
    EXPECT_TRUE(writer) << why_not;
    return writer;
}

}  // namespace fascicle::pdf::test
