# Messaging (gateway/wa/message, gateway/wa/signal, gateway/wa/client's MessageFeature): the pure
# parsers, and incoming stanzas through the feature with a real Signal session. Sources are
# compiled into the targets so that libFuzzer's coverage reaches them.
get_property(wa_noise_sources GLOBAL PROPERTY WAGATE_WA_NOISE_SOURCES)
get_property(wa_binary_sources GLOBAL PROPERTY WAGATE_WA_BINARY_SOURCES)
get_property(wa_message_sources GLOBAL PROPERTY WAGATE_WA_MESSAGE_SOURCES)
get_property(wa_signal_sources GLOBAL PROPERTY WAGATE_WA_SIGNAL_SOURCES)
wagate_add_fuzzer(fuzz_stanzas
  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_stanzas.cpp ${wa_message_sources} ${wa_signal_sources}
          ${wa_noise_sources} ${wa_binary_sources}
  LIBS wagate_core wagate_waproto Qt6::Core OpenSSL::Crypto PkgConfig::SODIUM PkgConfig::SIGNAL ZLIB::ZLIB)
add_dependencies(fuzz_stanzas wagate_wa_tokens)

set(_client ${PROJECT_SOURCE_DIR}/gateway/wa/client)
wagate_add_fuzzer(fuzz_messages
  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_messages.cpp ${_client}/messagefeature.cpp ${_client}/messagefeature.h
          ${_client}/signalsession.cpp ${_client}/authstate.cpp
          ${wa_message_sources} ${wa_signal_sources} ${wa_noise_sources} ${wa_binary_sources}
  LIBS wagate_core wagate_waproto wagate_waclientproto Qt6::Core OpenSSL::Crypto PkgConfig::SODIUM PkgConfig::SIGNAL
       ZLIB::ZLIB)
add_dependencies(fuzz_messages wagate_wa_tokens)
