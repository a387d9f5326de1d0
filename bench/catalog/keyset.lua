-- wrk script: the catalog walked with the cursor, as pgbench runs it: nine in ten requests a keyset page after a
-- random code of the catalog (GET /api/v1/items?size=20&after=…), one in ten the first page without a count.
local cursors = {}
local token = os.getenv("BENCH_TOKEN")

function init(args)
  for line in io.lines(os.getenv("BENCH_CURSORS")) do
    cursors[#cursors + 1] = line:match("^(%S+)")
  end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function request()
  local path
  if math.random(10) == 1 then
    path = "/api/v1/items?size=20&count=none"
  else
    path = "/api/v1/items?size=20&after=" .. cursors[math.random(#cursors)]
  end
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end
