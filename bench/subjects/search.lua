-- wrk script: GET /api/v1/subjects?name=... with 2-4 character fragments drawn from a file.
local fragments = {}
local token = os.getenv("BENCH_TOKEN")

function init(args)
  for line in io.lines(os.getenv("BENCH_FRAGMENTS")) do fragments[#fragments + 1] = line end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

local function urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
  local fragment = fragments[math.random(#fragments)]
  return wrk.format("GET", "/api/v1/subjects?size=20&name=" .. urlencode(fragment),
    { ["Authorization"] = "Bearer " .. token })
end
