-- wrk script: keyset pages with the filters clients use, each starting after a random code of the catalog; a filter
-- on a sector starts inside that sector (the code drawn belongs to it).
--   30% no filter; 20% sector; 15% sector + status; 15% type + status; 10% items of the sector the caller's department
--   has not claimed (the console's "to claim" list); 5% sub-items of a main item (page numbers, counted);
--   5% text in the name (trigram index) without a count.
local draws = {}
local parents = {}
local token = os.getenv("BENCH_TOKEN")
local texts = { "食品生产企业", "排污单位", "医疗机构", "质量安全", "从业人员资质", "行政处罚", "旅馆业" }

local function urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  for line in io.lines(os.getenv("BENCH_CURSORS")) do
    local cursor, sector = line:match("^(%S+)%s+(%S+)")
    draws[#draws + 1] = { cursor = cursor, sector = sector }
  end
  for line in io.lines(os.getenv("BENCH_PARENTS")) do parents[#parents + 1] = line end
  for i, text in ipairs(texts) do texts[i] = urlencode(text) end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function request()
  local draw = draws[math.random(#draws)]
  local after = "&after=" .. draw.cursor
  local r = math.random(100)
  local query
  if r <= 30 then
    query = after
  elseif r <= 50 then
    query = "&sector=" .. draw.sector .. after
  elseif r <= 65 then
    query = "&sector=" .. draw.sector .. "&status=IN_USE" .. after
  elseif r <= 80 then
    query = "&type=INSPECTION&status=IN_USE" .. after
  elseif r <= 90 then
    query = "&claimed=false&status=IN_USE&sector=" .. draw.sector .. after
  elseif r <= 95 then
    query = "&parent=" .. parents[math.random(#parents)]
  else
    query = "&count=none&q=" .. texts[math.random(#texts)]
  end
  return wrk.format("GET", "/api/v1/items?size=20" .. query, { ["Authorization"] = "Bearer " .. token })
end
