# The pair-success parser and verifier (gateway/wa/client/pairsuccess.cpp) over the node codec,
# crypto and protobuf schema. Sources are compiled into the target, not linked from wagate_wa, so
# that libFuzzer's coverage instrumentation reaches them.
get_property(wa_noise_sources GLOBAL PROPERTY WAGATE_WA_NOISE_SOURCES)
get_property(wa_binary_sources GLOBAL PROPERTY WAGATE_WA_BINARY_SOURCES)
wagate_add_fuzzer(fuzz_pairsuccess
  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_pairsuccess.cpp ${PROJECT_SOURCE_DIR}/gateway/wa/client/pairsuccess.cpp
          ${wa_noise_sources} ${wa_binary_sources}
  LIBS wagate_core wagate_waproto Qt6::Core OpenSSL::Crypto PkgConfig::SODIUM ZLIB::ZLIB)
add_dependencies(fuzz_pairsuccess wagate_wa_tokens)
