// Running a program the tests check output with (jing, pdftotext, qpdf, the fascicle CLI), its
// standard output and error together.
#pragma once

#include <string>
#include <vector>

namespace fascicle::test {

struct ProgramOutput {
    int exit_code = -1;  // -1 when killed by a signal
    std::string output;  // standard output and error together
};

// Runs a program with arguments (each passed as one word) and collects what it prints.
ProgramOutput run_program(const std::vector<std::string>& arguments);

}  // namespace fascicle::test
