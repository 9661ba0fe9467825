# fascicle_add_plugin(<name> SOURCES <file>... [LIBRARIES <target>...] [ASSETS <file>...]
#                  [OUTPUT_DIRECTORY <dir>] [INSTALL_DESTINATION <dir>] [COMPONENT <component>] [NO_INSTALL])
#
# Builds a Fascicle format plugin: a MODULE library named fascicle-<name>.so that links the SDK,
# with hidden visibility so that only its two entry points are exported.
#
# ASSETS are embedded in the plugin at build time: for an asset "epub.css" the plugin includes
# <fascicle_asset/epub_css.hpp> and reads `fascicle_asset::epub_css` (a std::string_view).
#
# OUTPUT_DIRECTORY is where the plugin is built. Default: FASCICLE_PLUGIN_OUTPUT_DIRECTORY when set
# (in the Fascicle tree: the folder the fascicle CLI searches), otherwise the current binary folder.
#
# `cmake --install` puts the plugin into INSTALL_DESTINATION (relative to CMAKE_INSTALL_PREFIX, or
# absolute). Default: FASCICLE_PLUGIN_INSTALL_DIRECTORY, the versioned plugin folder under the prefix
# (lib/fascicle/plugins-3). NO_INSTALL leaves the plugin out of the install. COMPONENT is its install
# component (default: FASCICLE_PLUGIN_INSTALL_COMPONENT when set, else CMake's default one).
function(fascicle_add_plugin name)
  cmake_parse_arguments(ARG "NO_INSTALL" "OUTPUT_DIRECTORY;INSTALL_DESTINATION;COMPONENT" "SOURCES;LIBRARIES;ASSETS" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "fascicle_add_plugin(${name}): SOURCES is required")
  endif()
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "fascicle_add_plugin(${name}): unknown arguments: ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT ARG_OUTPUT_DIRECTORY)
    if(FASCICLE_PLUGIN_OUTPUT_DIRECTORY)
      set(ARG_OUTPUT_DIRECTORY "${FASCICLE_PLUGIN_OUTPUT_DIRECTORY}")
    else()
      set(ARG_OUTPUT_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}")
    endif()
  endif()
  if(NOT ARG_INSTALL_DESTINATION)
    set(ARG_INSTALL_DESTINATION "${FASCICLE_PLUGIN_INSTALL_DIRECTORY}")
  endif()

  set(target fascicle-${name})
  add_library(${target} MODULE ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE Fascicle::sdk ${ARG_LIBRARIES})
  if(TARGET fascicle_warnings)
    target_link_libraries(${target} PRIVATE fascicle_warnings)
  endif()
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    LIBRARY_OUTPUT_DIRECTORY "${ARG_OUTPUT_DIRECTORY}"
    INSTALL_RPATH "${FASCICLE_PLUGIN_INSTALL_RPATH}")

  if(ARG_ASSETS)
    # Beside this file, in the source tree and in an installed package alike.
    set(embed_script "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/FascicleEmbedAsset.cmake")
    set(asset_dir "${CMAKE_CURRENT_BINARY_DIR}/${target}-assets")
    foreach(asset IN LISTS ARG_ASSETS)
      get_filename_component(asset_path "${asset}" ABSOLUTE)
      get_filename_component(asset_name "${asset}" NAME)
      string(MAKE_C_IDENTIFIER "${asset_name}" asset_id)
      set(header "${asset_dir}/fascicle_asset/${asset_id}.hpp")
      add_custom_command(OUTPUT "${header}"
        COMMAND "${CMAKE_COMMAND}" -DINPUT=${asset_path} -DOUTPUT=${header} -DID=${asset_id}
                -P "${embed_script}"
        DEPENDS "${asset_path}" "${embed_script}"
        COMMENT "Embedding ${asset_name} in ${target}"
        VERBATIM)
      target_sources(${target} PRIVATE "${header}")
    endforeach()
    target_include_directories(${target} PRIVATE "${asset_dir}")
  endif()

  if(NOT ARG_NO_INSTALL AND ARG_INSTALL_DESTINATION)
    if(NOT ARG_COMPONENT AND FASCICLE_PLUGIN_INSTALL_COMPONENT)
      set(ARG_COMPONENT "${FASCICLE_PLUGIN_INSTALL_COMPONENT}")
    endif()
    set(component_args)
    if(ARG_COMPONENT)
      set(component_args COMPONENT "${ARG_COMPONENT}")
    endif()
    install(TARGETS ${target} LIBRARY DESTINATION "${ARG_INSTALL_DESTINATION}" ${component_args})
  endif()
endfunction()
