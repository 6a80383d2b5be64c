# Binary node encode/decode throughput (results in docs/PERFORMANCE.md, section "Binary nodes").
add_executable(bench_nodecodec ${CMAKE_CURRENT_LIST_DIR}/nodecodec.cpp)
target_link_libraries(bench_nodecodec PRIVATE wagate_wa wagate_warnings)
