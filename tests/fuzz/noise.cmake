# Frame reassembly (both sides) and the Noise handshake parsers with certificate verification
# (gateway/wa/crypto, gateway/wa/noise). Their sources are compiled into each target rather than
# linked from wagate_wa, so that libFuzzer sees their branches.
get_property(wa_noise_sources GLOBAL PROPERTY WAGATE_WA_NOISE_SOURCES)
foreach(target fuzz_frames fuzz_handshake)
  wagate_add_fuzzer(${target}
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/${target}.cpp ${wa_noise_sources}
    LIBS wagate_core wagate_waproto Qt6::Core OpenSSL::Crypto PkgConfig::SODIUM)
endforeach()
