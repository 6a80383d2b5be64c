# Binary node decoder (gateway/wa/binary), plain and zlib-compressed frames. The codec's sources are
# compiled into the target, not linked from wagate_wa, so that they carry coverage instrumentation.
get_property(wa_binary_sources GLOBAL PROPERTY WAGATE_WA_BINARY_SOURCES)
wagate_add_fuzzer(fuzz_nodes
  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_nodes.cpp ${wa_binary_sources}
  LIBS wagate_core Qt6::Core ZLIB::ZLIB)
add_dependencies(fuzz_nodes wagate_wa_tokens)
