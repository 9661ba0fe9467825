// Where each file lives in the container. Paths are relative to the package folder (where the
// package document is), as the manifest and the navigation name them.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

namespace fascicle::epub::layout {

inline constexpr std::string_view package_folder = "EPUB/";
inline constexpr std::string_view package_document = "package.opf";
inline constexpr std::string_view navigation = "nav.xhtml";
inline constexpr std::string_view ncx = "toc.ncx";
inline constexpr std::string_view stylesheet = "css/epub.css";
inline constexpr std::string_view cover_page = "text/cover.xhtml";
inline constexpr std::string_view title_page = "text/title-page.xhtml";
// Content documents are all in text/: this is how they name the stylesheet and the images.
inline constexpr std::string_view from_text_folder = "../";

// The book's images and other resources, by their names: "media/images/engine.png".
inline std::string media(const std::string& resource_name) { return "media/" + resource_name; }

// "chapter-0001.xhtml" for the first article: numbered, so that any article id gives a
// portable file name, and sorted as the spine is. How chapters link to each other.
inline std::string chapter_file(std::size_t number) {
    char digits[24];
    std::snprintf(digits, sizeof digits, "%04zu", number);
    return std::string("chapter-") + digits + ".xhtml";
}
// "text/chapter-0001.xhtml": how the package names it.
inline std::string chapter(std::size_t number) { return "text/" + chapter_file(number); }

}  // namespace fascicle::epub::layout
