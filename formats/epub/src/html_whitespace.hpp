// White space in XHTML text as a reading system shows it: core's html_whitespace.
#pragma once

#include <fascicle/html_whitespace.hpp>

namespace fascicle::epub::reader {

using html::collapse_whitespace;

}  // namespace fascicle::epub::reader
