// The image files a Markdown document shows: a local file, relative to the input's folder and
// inside it, becomes one of the book's resources; a remote URL stays a URL.
#pragma once

#include <fascicle/ir.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

namespace fascicle::markdown {

class ImageFiles {
public:
    enum class Outcome {
        resource,  // target: the resource's name
        remote,    // target: the URL
        outside,   // the path leaves the input's folder: refused
        missing,   // no such file
    };
    struct Found {
        Outcome outcome;
        std::string target;
    };

    // `folder`: the input's folder (for standard input, the current one); resources are named by
    // their path under it, prefixed with `article_id` when another file took the name first.
    ImageFiles(std::filesystem::path folder, std::string article_id, Resources& resources)
        : folder_(absolute_or_as_is(folder)), article_id_(std::move(article_id)), resources_(resources) {}

    // What the image source `url` is; a local file found is registered as a resource.
    Found resolve(std::string_view url);

private:
    static std::filesystem::path absolute_or_as_is(const std::filesystem::path& folder) {
        std::error_code ec;
        auto out = std::filesystem::absolute(folder, ec);
        return ec ? folder : out;
    }

    std::filesystem::path folder_;
    std::string article_id_;
    Resources& resources_;
};

// True when `url` begins with a URI scheme ("https:", "data:") or is network-path relative ("//host").
bool has_scheme(std::string_view url);

// `text` with its %XX escapes decoded (others left as they are).
std::string percent_decoded(std::string_view text);

}  // namespace fascicle::markdown
