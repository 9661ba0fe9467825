# quire_add_plugin(<name> SOURCES <file>... [LIBRARIES <target>...] [ASSETS <file>...]
#                  [OUTPUT_DIRECTORY <dir>] [NO_INSTALL])
#
# Builds a Quire format plugin: a MODULE library named quire-<name>.so that links the SDK,
# with hidden visibility so that only its two entry points are exported.
#
# ASSETS are embedded in the plugin at build time: for an asset "epub.css" the plugin includes
# <quire_asset/epub_css.hpp> and reads `quire_asset::epub_css` (a std::string_view).
#
# The plugin is built into OUTPUT_DIRECTORY (default: the folder the quire CLI searches) and
# installed into the versioned plugin folder under the prefix unless NO_INSTALL is given.
set(_quire_plugin_cmake_dir "${CMAKE_CURRENT_LIST_DIR}")

function(quire_add_plugin name)
  cmake_parse_arguments(ARG "NO_INSTALL" "OUTPUT_DIRECTORY" "SOURCES;LIBRARIES;ASSETS" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "quire_add_plugin(${name}): SOURCES is required")
  endif()
  if(NOT ARG_OUTPUT_DIRECTORY)
    set(ARG_OUTPUT_DIRECTORY "${QUIRE_PLUGIN_OUTPUT_DIRECTORY}")
  endif()

  set(target quire-${name})
  add_library(${target} MODULE ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE Quire::sdk ${ARG_LIBRARIES})
  if(TARGET quire_warnings)
    target_link_libraries(${target} PRIVATE quire_warnings)
  endif()
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    LIBRARY_OUTPUT_DIRECTORY "${ARG_OUTPUT_DIRECTORY}")

  if(ARG_ASSETS)
    set(asset_dir "${CMAKE_CURRENT_BINARY_DIR}/${target}-assets")
    foreach(asset IN LISTS ARG_ASSETS)
      get_filename_component(asset_path "${asset}" ABSOLUTE)
      get_filename_component(asset_name "${asset}" NAME)
      string(MAKE_C_IDENTIFIER "${asset_name}" asset_id)
      set(header "${asset_dir}/quire_asset/${asset_id}.hpp")
      add_custom_command(OUTPUT "${header}"
        COMMAND "${CMAKE_COMMAND}" -DINPUT=${asset_path} -DOUTPUT=${header} -DID=${asset_id}
                -P "${_quire_plugin_cmake_dir}/QuireEmbedAsset.cmake"
        DEPENDS "${asset_path}" "${_quire_plugin_cmake_dir}/QuireEmbedAsset.cmake"
        COMMENT "Embedding ${asset_name} in ${target}"
        VERBATIM)
      target_sources(${target} PRIVATE "${header}")
    endforeach()
    target_include_directories(${target} PRIVATE "${asset_dir}")
  endif()

  if(NOT ARG_NO_INSTALL AND QUIRE_PLUGIN_INSTALL_DIRECTORY)
    install(TARGETS ${target} LIBRARY DESTINATION "${QUIRE_PLUGIN_INSTALL_DIRECTORY}")
  endif()
endfunction()
