# JWT and JWK parsing. The parsers are compiled into the fuzzer itself so libFuzzer's coverage
# instrumentation sees their branches (the gateway library is built without it).
wagate_add_fuzzer(fuzz_jwt
  SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_jwt.cpp
          ${PROJECT_SOURCE_DIR}/gateway/auth/jws.cpp
          ${PROJECT_SOURCE_DIR}/gateway/auth/jwk.cpp
          ${PROJECT_SOURCE_DIR}/gateway/auth/jwt.cpp
  LIBS wagate_core Qt6::Core OpenSSL::Crypto)
