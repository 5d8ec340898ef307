-- wrk script: POST pre-made JSON bodies, one per request, from a file (one body per line).
-- For card payments with the resident's signed consent: every body has its own idempotency key and its own
-- signed statement (unique nonce), made before the run because signing is the card's work, not the cloud's.
-- env: WRK_PATH, WRK_BODIES (file), WRK_AUTH (bearer token). Thread t of n takes lines t, t+n, t+2n, ...;
-- a thread that runs out starts again from its first line (those requests are then replays: keep the file long).
local path = os.getenv("WRK_PATH") or "/v1/payments"
local headers = {["Content-Type"] = "application/json"}
if os.getenv("WRK_AUTH") then headers["Authorization"] = "Bearer " .. os.getenv("WRK_AUTH") end
local threads = {}
local bodies = {}
local next_body = 1

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

function init(args)
  local n = tonumber(os.getenv("WRK_THREADS") or "1")
  local i = 0
  for line in io.lines(os.getenv("WRK_BODIES")) do
    if i % n == tid - 1 then table.insert(bodies, line) end
    i = i + 1
  end
end

function request()
  local body = bodies[next_body]
  next_body = next_body % #bodies + 1
  return wrk.format("POST", path, headers, body)
end
