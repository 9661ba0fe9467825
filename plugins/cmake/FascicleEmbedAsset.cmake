# cmake -DINPUT=file -DOUTPUT=header -DID=identifier -P FascicleEmbedAsset.cmake
# Writes a header holding the file's bytes as `fascicle_asset::<ID>` (a std::string_view).
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
string(REGEX REPLACE "(([^,]*,){16})" "\\1\n  " bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${INPUT}; do not edit.\n#pragma once\n#include <string_view>\n\n"
"namespace fascicle_asset {\ninline constexpr char ${ID}_bytes[] = {\n  ${bytes}'\\0'};\n"
"inline constexpr std::string_view ${ID}{${ID}_bytes, ${size}};\n}  // namespace fascicle_asset\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
