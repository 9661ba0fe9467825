// What the PDF tests share: the docbook plugin this build made, loaded for the whole test program
// (the PDF writer typesets the DocBook its writer writes, reached through make_loaded_writer), and
// running the tools that look into a PDF.
#pragma once

#include <fascicle/plugin.hpp>

#include <run_program.hpp>

#include <memory>
#include <string>
#include <vector>

namespace fascicle::pdf::test {

using CommandResult = fascicle::test::ProgramOutput;
inline CommandResult run_command(const std::vector<std::string>& arguments) {
    return fascicle::test::run_program(arguments);
}

// A writer of the docbook format, from the loaded plugin.
std::shared_ptr<Writer> docbook_writer();

}  // namespace fascicle::pdf::test
