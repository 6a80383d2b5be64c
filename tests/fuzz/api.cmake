# HTTP request framing ahead of QtHttpServer. Compiled into the fuzzer for coverage, as the others.
wagate_add_fuzzer(fuzz_bodylimiter
  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_bodylimiter.cpp
          ${PROJECT_SOURCE_DIR}/gateway/api/bodylimiter.cpp
  LIBS Qt6::Core)
target_include_directories(fuzz_bodylimiter PRIVATE ${PROJECT_SOURCE_DIR}/gateway)
