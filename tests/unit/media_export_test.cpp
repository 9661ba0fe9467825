#include <fascicle/media_export.hpp>

#include "test_support.hpp"

#include <gtest/gtest.h>

namespace {

using fascicle::test::read_file;
using fascicle::test::write_file;

TEST(ExportMedia, CopiesEachImageBesideTheDocument) {
    fascicle::test::TempDir dir;
    write_file(dir / "in/images/a.png", "PNG bytes");
    fascicle::Resources resources;
    resources.add(fascicle::file_resource("images/a.png", "image/png", dir / "in/images/a.png"));
    fascicle::test::RecordingDiagnostics diagnostics;
    EXPECT_TRUE(fascicle::export_media({"images/a.png"}, resources, dir / "out", diagnostics)) << diagnostics.text();
    EXPECT_EQ(read_file(dir / "out/images/a.png"), "PNG bytes");
    EXPECT_FALSE(std::filesystem::exists(dir / "out/images/a.png.part"));
}

TEST(ExportMedia, AnImageAlreadyWhereItGoesIsLeftAsItIs) {
    // The output beside its input: the image is its own target, and must not be truncated.
    fascicle::test::TempDir dir;
    write_file(dir / "images/a.png", "PNG bytes");
    fascicle::Resources resources;
    resources.add(fascicle::file_resource("images/a.png", "image/png", dir / "images/a.png"));
    fascicle::test::RecordingDiagnostics diagnostics;
    EXPECT_TRUE(fascicle::export_media({"images/a.png"}, resources, dir.path(), diagnostics)) << diagnostics.text();
    EXPECT_EQ(read_file(dir / "images/a.png"), "PNG bytes");
}

TEST(ExportMedia, AnUnreadableImageIsAnErrorAndLeavesNoFile) {
    fascicle::test::TempDir dir;
    fascicle::Resources resources;
    resources.add(fascicle::file_resource("a.png", "image/png", dir / "missing.png"));
    fascicle::test::RecordingDiagnostics diagnostics;
    EXPECT_FALSE(fascicle::export_media({"a.png"}, resources, dir / "out", diagnostics));
    ASSERT_EQ(diagnostics.error_count(), 1u) << diagnostics.text();
    EXPECT_EQ(diagnostics.all[0].message, "cannot read the image 'a.png'");
    EXPECT_FALSE(std::filesystem::exists(dir / "out/a.png"));
    EXPECT_FALSE(std::filesystem::exists(dir / "out/a.png.part"));
}

}  // namespace
