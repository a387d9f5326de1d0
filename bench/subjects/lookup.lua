-- wrk script: GET /api/v1/subjects/{code} with codes drawn at random from a file (existing and missing).
-- env: BENCH_TOKEN (bearer token), BENCH_CODES (file, one code per line), BENCH_PATH (format, %s = code),
--      BENCH_PACE_MS (optional: each connection waits this long before each request, so the load is a fixed rate,
--      connections * 1000 / (pace + latency) per second, instead of as fast as the hub answers; see run.sh paced_lookup)
local codes = {}
local token = os.getenv("BENCH_TOKEN")
local path = os.getenv("BENCH_PATH") or "/api/v1/subjects/%s"
local pace = tonumber(os.getenv("BENCH_PACE_MS") or "")

function init(args)
  for line in io.lines(os.getenv("BENCH_CODES")) do codes[#codes + 1] = line end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

-- wrk calls delay() only when the script defines it: defined only for a paced run.
if pace then
  function delay()
    return pace
  end
end

function request()
  local code = codes[math.random(#codes)]
  return wrk.format("GET", string.format(path, code), { ["Authorization"] = "Bearer " .. token })
end

function done(summary, latency, requests)
  local statuses = summary.errors.status
  io.write(string.format("non2xx %d\n", statuses))
end
