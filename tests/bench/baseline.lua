-- wrk script: the same connections and headers against a route that is answered before any
-- authentication or store work (a 404), as the in-run baseline of the HTTP layer itself.
local headers = { ["Host"] = "127.0.0.1" }
request = function()
  return wrk.format("GET", "/api/v1/nothing-here", headers)
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d rps=%.0f p50_us=%d p99_us=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99)))
end
