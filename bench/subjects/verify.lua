-- wrk script: public GET /api/v1/credentials/verify?token=... with e-credential tokens drawn from a file.
local tokens = {}

function init(args)
  for line in io.lines(os.getenv("BENCH_ECREDENTIALS")) do tokens[#tokens + 1] = line end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function request()
  return wrk.format("GET", "/api/v1/credentials/verify?token=" .. tokens[math.random(#tokens)])
end
