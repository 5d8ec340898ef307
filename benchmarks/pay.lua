-- wrk script: POST one debit per request, a unique idempotency key each, over a list of MyKey IDs.
-- env: WRK_PATH, WRK_IDS (comma-separated), WRK_AUTH (optional bearer token), WRK_EXTRA (extra JSON fields)
local ids = {}
for id in string.gmatch(os.getenv("WRK_IDS") or "", "[^,]+") do table.insert(ids, id) end
local path = os.getenv("WRK_PATH") or "/pay"
local extra = os.getenv("WRK_EXTRA") or ""
local headers = {["Content-Type"] = "application/json"}
if os.getenv("WRK_AUTH") then headers["Authorization"] = "Bearer " .. os.getenv("WRK_AUTH") end
local threads = {}
local counter = 0
local prefix = ""

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

function init(args)
  math.randomseed(os.time() * 1000 + tid)
  prefix = string.format("%d-%d-%d-", os.time(), tid, math.random(1, 1000000000))
end

function request()
  counter = counter + 1
  local id = ids[math.random(1, #ids)]
  local body = string.format('{"mykey_id":"%s","points":1,"idempotency_key":"%s%d"%s}', id, prefix, counter, extra)
  return wrk.format("POST", path, headers, body)
end
