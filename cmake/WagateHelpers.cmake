# Warnings are errors in our own code; generated code (protobuf) links without these.
add_library(wagate_warnings INTERFACE)
target_compile_options(wagate_warnings INTERFACE -Wall -Wextra -Werror -Wno-error=deprecated-declarations
  # GCC 12 reports std::variant members (our Result<T>) as maybe-uninitialized at -O2, a known false
  # positive; it stays a warning there rather than failing the build.
  $<$<AND:$<CXX_COMPILER_ID:GNU>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>>:-Wno-error=maybe-uninitialized>)

# wagate_add_test(NAME SOURCES file... LIBS lib... [LABELS l...] [TIMEOUT s])
# One executable is one CTest test, run offscreen with the source tree known to it.
function(wagate_add_test name)
  cmake_parse_arguments(T "" "TIMEOUT" "SOURCES;LIBS;LABELS;ENVIRONMENT" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test wagate_warnings ${T_LIBS})
  target_compile_definitions(${name} PRIVATE WAGATE_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
                                             WAGATE_BINARY_DIR="${PROJECT_BINARY_DIR}")
  add_test(NAME ${name} COMMAND ${name})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 300)
  endif()
  set_tests_properties(${name} PROPERTIES TIMEOUT ${T_TIMEOUT}
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=wagate.*.debug=false\\;wagate.*.info=false;${T_ENVIRONMENT}")
  if(T_LABELS)
    set_tests_properties(${name} PROPERTIES LABELS "${T_LABELS}")
  endif()
endfunction()
