# WhatsApp client: CPU per handshake + login, in memory and against an in-process wasim
# (results in docs/PERFORMANCE.md, section "WhatsApp client").
add_executable(bench_waclient_handshake ${CMAKE_CURRENT_LIST_DIR}/waclient_handshake.cpp)
target_link_libraries(bench_waclient_handshake PRIVATE wagate_wa wasim_lib wagate_warnings)
