# The Debian packages, made by CPack's DEB generator: in a build folder, after building,
#   cpack -G DEB        (or: cmake --build <folder> --target package)
#   fascicle            the CLI, the core library, the built-in plugins, the man page, the bash completion
#                       (install component "runtime")
#   libfascicle-dev     the plugin SDK: headers, the core library's link name, the CMake package
#                       (install component "development"); depends on fascicle of the same version
# Two packages, as Debian splits a tool from its -dev: a user of the converter gets no headers, and a
# plugin author's package pulls the runtime its plugins are loaded by. The core library stays in
# fascicle (no libfascicle-core0): its only users are the CLI and the plugins the CLI loads, and the
# plugin API version, not a separate soname policy, is what plugins are checked against.
# Installed under /usr: the CLI finds the core library ($ORIGIN/../lib) and the built-in plugins
# (../lib/fascicle/plugins-3 from its folder) there as in any prefix.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME fascicle)
set(CPACK_PACKAGE_VENDOR "Fascicle")
set(CPACK_PACKAGE_CONTACT "Fascicle developers <fascicle@example.org>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# Stripped, as Debian installs binaries: the CLI finds a plugin's entry points in its dynamic symbol
# table, which strip keeps (tests/package/deb_install.sh converts with the installed, stripped plugins).
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL runtime development)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # fascicle_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# Dependencies from the binaries: dpkg-shlibdeps reads every ELF file's NEEDED entries. It resolves the
# core library through the files' $ORIGIN RUNPATH inside the package, so it is not looked for on the
# system, and a dependency on it is not emitted (it is in the same package).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME fascicle)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION text)
# Each description's first line is its package's summary. CPack would put the project's DESCRIPTION
# in front of both unless the summary is CPack's own default, which it leaves out.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CMAKE_PROJECT_NAME} built using CMake")
set(CPACK_DEBIAN_RUNTIME_DESCRIPTION "document converter whose formats are plugins
Fascicle converts a corpus of articles into books: EPUB 3, DocBook 5, PDF, Markdown (CommonMark, GFM) \
and plain text; it reads article text, EPUB, DocBook and Markdown. Every format is a plugin found at run time.")
# The PDF output runs xsltproc with docbook-xsl-ns, then Apache FOP, with the fonts it embeds; FOP
# typesets MathML with JEuclid. The validators --validate runs, when they are installed.
set(CPACK_DEBIAN_RUNTIME_PACKAGE_RECOMMENDS "xsltproc, docbook-xsl-ns, fop, fonts-liberation2, parallel")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SUGGESTS "libjeuclid-fop-java, epubcheck, jing, docbook5-xml, cmark-gfm")

set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_NAME libfascicle-dev)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEVELOPMENT_DESCRIPTION "Fascicle plugin SDK: headers and CMake package
The headers a Fascicle format plugin includes (<fascicle/plugin.hpp>) and the CMake package that builds \
one: find_package(Fascicle) and fascicle_add_plugin(name SOURCES ...).")
# The headers include Boost's and pugixml's; FascicleConfig.cmake finds both (find_dependency).
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS
  "fascicle (= ${PROJECT_VERSION}), libboost-dev (>= 1.74), libpugixml-dev")
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_RECOMMENDS "cmake (>= 3.25), g++")

include(CPack)
