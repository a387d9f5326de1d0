-- wrk script: GET /api/v1/subjects?name=... with 2-4 character fragments drawn from a file.
-- env: BENCH_TOKEN, BENCH_FRAGMENTS (file, one fragment per line), BENCH_PACE_MS (optional: each connection waits this
--      long before each request, for a fixed rate; see lookup.lua and run.sh paced)
local fragments = {}
local token = os.getenv("BENCH_TOKEN")
local pace = tonumber(os.getenv("BENCH_PACE_MS") or "")

function init(args)
  for line in io.lines(os.getenv("BENCH_FRAGMENTS")) do fragments[#fragments + 1] = line end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

-- wrk calls delay() only when the script defines it: defined only for a paced run.
if pace then
  function delay()
    return pace
  end
end

local function urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
  local fragment = fragments[math.random(#fragments)]
  return wrk.format("GET", "/api/v1/subjects?size=20&name=" .. urlencode(fragment),
    { ["Authorization"] = "Bearer " .. token })
end
