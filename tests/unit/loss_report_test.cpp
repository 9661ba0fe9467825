#include <fascicle/loss_report.hpp>

#include "test_support.hpp"

#include <gtest/gtest.h>

namespace {

using fascicle::LossReport;

TEST(LossReport, OneWarningPerKindWithTheFirstLineAndTheCount) {
    fascicle::test::RecordingDiagnostics diagnostics;
    LossReport loss("book.epub:OEBPS/ch1.xhtml");
    loss.add("<script> element", 12);
    loss.add("<video> element", 20, "kept as its fallback text");
    loss.add("<script> element", 30);
    loss.add("<script> element", 31);
    EXPECT_FALSE(loss.empty());
    EXPECT_TRUE(loss.report({}, diagnostics));
    EXPECT_TRUE(loss.empty());
    ASSERT_EQ(diagnostics.all.size(), 2u);
    EXPECT_EQ(diagnostics.all[0].format(), "book.epub:OEBPS/ch1.xhtml:12: warning: 3 <script> elements left out (the first is here)");
    EXPECT_EQ(diagnostics.all[1].format(), "book.epub:OEBPS/ch1.xhtml:20: warning: 1 <video> element kept as its fallback text");
}

TEST(LossReport, FailOnLossMakesTheReportsErrors) {
    fascicle::test::RecordingDiagnostics diagnostics;
    LossReport loss("a.xml");
    loss.add("processing instruction", 3);
    EXPECT_FALSE(loss.report({{fascicle::fail_on_loss_option, "true"}}, diagnostics));
    ASSERT_EQ(diagnostics.all.size(), 1u);
    EXPECT_EQ(diagnostics.all[0].format(), "a.xml:3: error: 1 processing instruction left out (--fail-on-loss)");
    // Nothing lost: nothing reported, no failure, with or without the option.
    EXPECT_TRUE(loss.report({{fascicle::fail_on_loss_option, "true"}}, diagnostics));
    EXPECT_EQ(diagnostics.all.size(), 1u);
}

TEST(LossReport, PluralsOfRegularNouns) {
    EXPECT_EQ(fascicle::plural_of("element"), "elements");
    EXPECT_EQ(fascicle::plural_of("glossary entry"), "glossary entries");
    EXPECT_EQ(fascicle::plural_of("display"), "displays");
    EXPECT_EQ(fascicle::plural_of("task box"), "task boxes");
    EXPECT_EQ(fascicle::plural_of("<switch>"), "<switch>s");
}

}  // namespace
