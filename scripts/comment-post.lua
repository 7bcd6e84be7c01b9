-- wrk script: POST a comment with a distinct body per request (so duplicate detection passes),
-- carrying the CSRF cookie/token and a signed form token fetched by bench.sh.
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  -- a different sequence per thread and per run: a second run must not repeat the first's
  -- comments (they would be refused as duplicates)
  run = os.time()
  math.randomseed(run * 64 + id)
end

request = function()
  counter = counter + 1
  local body = "_csrf=" .. os.getenv("BENCH_CSRF") .. "&formToken=" .. os.getenv("BENCH_FORM_TOKEN")
    .. "&name=Bench&email=bench%40example.org&_remember=on&parentId=&homepage="
    .. "&body=Benchmark+comment+" .. run .. "-" .. id .. "-" .. counter .. "-" .. math.random(1, 1000000000)
  local headers = {}
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  headers["Cookie"] = "XSRF-TOKEN=" .. os.getenv("BENCH_XSRF_COOKIE")
  return wrk.format("POST", os.getenv("BENCH_POST_PATH"), headers, body)
end
