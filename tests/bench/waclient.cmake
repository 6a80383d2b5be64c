# WhatsApp client: CPU per handshake + login, in memory and against an in-process wasim
# (results in docs/PERFORMANCE.md, section "WhatsApp client").
add_executable(bench_waclient_handshake ${CMAKE_CURRENT_LIST_DIR}/waclient_handshake.cpp)
target_link_libraries(bench_waclient_handshake PRIVATE wagate_wa wasim_lib wagate_warnings)
# WhatsApp client: resident memory per idle logged-in connection against a wasim process
# (tests/bench/waclient-memory runs both).
add_executable(bench_waclient_memory ${CMAKE_CURRENT_LIST_DIR}/waclient_memory.cpp)
target_link_libraries(bench_waclient_memory PRIVATE wagate_gateway wagate_warnings)
