-- wrk script: GET /api/v1/sessions/{id} with an API key, ids drawn at random from a seeded list.
-- Environment: BENCH_IDS (file: key on line 1, then one session id per line).
local key
local ids = {}
local first = true
for line in io.lines(os.getenv("BENCH_IDS")) do
  if first then key = line; first = false else ids[#ids + 1] = line end
end
local headers = { ["Authorization"] = "Bearer " .. key, ["Host"] = "127.0.0.1" }

request = function()
  return wrk.format("GET", "/api/v1/sessions/" .. ids[math.random(#ids)], headers)
end

local non200 = 0
response = function(status)
  if status ~= 200 then non200 = non200 + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d rps=%.0f p50_us=%d p99_us=%d errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99),
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
