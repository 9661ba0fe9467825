// Links to another Markdown document beside the input ("other.md", "other.md#usage"): that
// document is an article of the same book when it is read in the same run, so the link becomes
// an internal reference to it ("other", "other#usage").
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace fascicle::markdown {

class SiblingDocuments {
public:
    // `folder`: the input's folder; empty for standard input, which has no siblings.
    explicit SiblingDocuments(std::filesystem::path folder) : folder_(std::move(folder)) {}

    // The reference target a link to `url` becomes, or nullopt when it is not a link to a
    // Markdown file in the input's folder. The article id is the file's name without extension,
    // as the host names articles; the fragment is made an id as the reader makes section ids
    // (slugify), which GitHub's heading fragments already are.
    std::optional<std::string> reference_for(std::string_view url) const;

private:
    std::filesystem::path folder_;
};

}  // namespace fascicle::markdown
