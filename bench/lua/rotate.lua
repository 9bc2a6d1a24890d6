-- wrk script of the Folio load benchmark.
--   wrk ... -s bench/lua/rotate.lua http://127.0.0.1:PORT -- PATHS_FILE
-- Sends requests (GET unless told otherwise) rotating over the request paths in PATHS_FILE (one per line, e.g.
-- /v1/invoices/<id>), so that a run touches thousands of different invoices or customers; each wrk thread starts at its
-- own offset. Headers given to wrk with -H (the Authorization header) go with every request. A line may carry its own
-- header after a tab ("/v1/invoices?limit=50<TAB>Authorization: Bearer folio_sk_..."), which then replaces a -H header
-- of the same name: that is how one run rotates over the keys of many organizations. An optional method and body
-- follow the paths file ("-- PATHS_FILE POST '{\"amount\":1}'"): the payment scenario posts to a different invoice
-- with every request.
-- done() prints one machine-readable line:
--   BENCH_RESULT requests=… rps=… p50_ms=… p90_ms=… p99_ms=… max_ms=… non2xx=… socket_errors=…

local threads = {}

function setup(thread)
  thread:set("thread_number", #threads)
  table.insert(threads, thread)
end

local paths = {}
local headers = {}
local index = 0
local method = "GET"
local body = nil

-- The -H headers with the line's own header added (or replacing one of the same name).
local function with_header(header, line)
  local name, value = header:match("^([^:]+):%s*(.-)%s*$")
  assert(name, "expected Name: value after the tab in " .. line)
  local merged = {}
  for key, existing in pairs(wrk.headers) do
    if key:lower() ~= name:lower() then
      merged[key] = existing
    end
  end
  merged[name] = value
  return merged
end

function init(args)
  local name = args[1]
  assert(name, "pass the paths file after --")
  method = args[2] or method
  body = args[3]
  if body then
    wrk.headers["Content-Type"] = "application/json"
  end
  local file = assert(io.open(name, "r"))
  for line in file:lines() do
    if #line > 0 then
      local path, header = line:match("^([^\t]+)\t(.+)$")
      paths[#paths + 1] = path or line
      if header then
        headers[#paths] = with_header(header, line)
      end
    end
  end
  file:close()
  assert(#paths > 0, "no paths in " .. name)
  -- Threads start far apart in the list (a prime stride), so they do not ask for the same ids at the same time.
  index = ((thread_number or 0) * 7919) % #paths
end

function request()
  index = index % #paths + 1
  return wrk.format(method, paths[index], headers[index], body)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  io.write(string.format(
    "BENCH_RESULT requests=%d rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f non2xx=%d socket_errors=%d\n",
    summary.requests,
    summary.requests / seconds,
    latency:percentile(50) / 1000,
    latency:percentile(90) / 1000,
    latency:percentile(99) / 1000,
    latency.max / 1000,
    errors.status,
    errors.connect + errors.read + errors.write + errors.timeout))
end
