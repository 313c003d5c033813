-- wrk script: POST /api/v1/s/{survey}/responses, each request with the next
-- one-time code of a CSV (header `code`) and a unique idempotency key, as a
-- campaign's phones would. Threads take every n-th code so no code is sent
-- twice. Optional pacing: PACE_MS (the env variable) milliseconds before each
-- request of a connection, for a paced rate of connections × 1000 / PACE_MS.
-- Counts answers by status; a code list run dry sends an unknown code (404).
--   wrk ... -s survey_submit.lua URL -- CODES_FILE THREADS [PACE_MS]
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local file, nthreads = args[1], tonumber(args[2])
  pace = tonumber(args[3] or "0")
  codes = {}
  local i = 0
  for line in io.lines(file) do
    if i > 0 and (i - 1) % nthreads == id then table.insert(codes, line) end
    i = i + 1
  end
  next_code = 1
  statuses = {}
end

function delay()
  return pace
end

local districts = {"east", "west", "north"}

function request()
  local code = codes[next_code] or ("NOCODE" .. id .. "X" .. next_code)
  local n = next_code * 7 + id
  next_code = next_code + 1
  local body = string.format(
    '{"code":"%s","idempotency_key":"bench-%s","answers":{"district":"%s","q1":%d,"q2":%d,' ..
    '"q3":%d},"paradata":{"started_at_ms":1760000000000,"submitted_at_ms":1760000030000}}',
    code, code, districts[n % 3 + 1], n % 5 + 1, math.floor(n / 5) % 5 + 1, math.floor(n / 25) % 5 + 1)
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(total) do table.insert(parts, status .. ": " .. n) end
  table.sort(parts)
  io.write("survey statuses: " .. table.concat(parts, ", ") .. "\n")
end
