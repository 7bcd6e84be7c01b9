-- wrk script for scripts/search-abuse.sh: every request is a search no one asked for before (so it
-- misses the page cache and the results cache), as costly as a query may be: ten words, each with
-- a prefix (*) or fuzzy (~2) operator on a common stem, plus a unique nonsense word. With
-- SEARCH_ABUSE_SPREAD=1 each request also claims another client address in X-Forwarded-For (the
-- site trusts it from loopback, as from any private address), as many machines would.
local counter = 0
local threads = {}
statuses = {}

local stems = {"li", "ma", "ir", "re", "co", "de", "st", "pr", "sl", "bl", "ra", "se", "in", "pa", "tr"}
local fuzzy = {"liver", "iron", "sleep", "legs", "blood", "restless", "magnesium", "doctor", "ferritin", "dopamine"}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 64 + id)
  statuses = {}
end

local function word(i)
  if i % 2 == 0 then
    return stems[math.random(#stems)] .. "%2A"
  end
  return fuzzy[math.random(#fuzzy)] .. "%7E2"
end

request = function()
  counter = counter + 1
  local words = {}
  for i = 1, 9 do
    words[i] = word(i)
  end
  words[10] = "zq" .. id .. "x" .. counter .. "x" .. math.random(1, 1000000000)
  local headers = {}
  if os.getenv("SEARCH_ABUSE_SPREAD") == "1" then
    headers["X-Forwarded-For"] = "10." .. math.random(0, 255) .. "." .. math.random(0, 255) .. "." .. math.random(1, 254)
  end
  return wrk.format("GET", "/search?q=" .. table.concat(words, "+"), headers)
end

response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    local counts = thread:get("statuses")
    for status, n in pairs(counts) do
      total[status] = (total[status] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(total) do
    table.insert(parts, status .. ": " .. n)
  end
  table.sort(parts)
  io.write("search answers by status: " .. table.concat(parts, ", ") .. "\n")
end
