# wasim connection benchmark: wasim_load holds many logged-in, kept-alive connections against a
# separate wasim process (tests/bench/wasim-connections runs both and measures wasim).
add_executable(wasim_load wasim_load.cpp)
target_link_libraries(wasim_load PRIVATE wasim_lib wagate_warnings)
