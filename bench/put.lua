-- wrk script: PUT a whole 25-answer sheet to a random participant of one round.
-- The answers are drawn afresh for every request, so practically every PUT stores a new revision.
-- Environment: BENCH_ROUND (round id), BENCH_LO..BENCH_HI (participant unit ids, contiguous);
-- BENCH_QUESTIONS (default 25): fewer questions make a sheet the service refuses (400) before any SQL;
-- BENCH_EXPECT (optional): a status every response must have; the others are counted as "unexpected".
local round = os.getenv("BENCH_ROUND")
local lo = tonumber(os.getenv("BENCH_LO"))
local hi = tonumber(os.getenv("BENCH_HI"))
local questions = tonumber(os.getenv("BENCH_QUESTIONS") or "25")
local answers = { "IMPLEMENTED", "PARTIAL", "NOT_IMPLEMENTED", "UNKNOWN" }
local expect = tonumber(os.getenv("BENCH_EXPECT") or "")
local counter = 0
local threads = {}

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
  threads[counter] = thread
end

-- Only when a status is expected: a response hook makes wrk parse every response in Lua.
if expect then
  unexpected = 0
  function response(status)
    if status ~= expect then
      unexpected = unexpected + 1
    end
  end
end

function init(args)
  math.randomseed(os.time() * 100 + (tid or 0))
end

wrk.method = "PUT"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_KEY")

function request()
  local unit = math.random(lo, hi)
  local items = {}
  for q = 1, questions do
    items[q] = '{"question":' .. q .. ',"answer":"' .. answers[math.random(4)] .. '"}'
  end
  local body = '{"respondent":"bench","answers":[' .. table.concat(items, ",") .. ']}'
  return wrk.format(nil, "/api/v1/rounds/" .. round .. "/submissions/" .. unit, nil, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  local off = 0
  for _, thread in ipairs(threads) do
    off = off + (thread:get("unexpected") or 0)
  end
  io.write(string.format(
    'WRKJSON {"requests":%d,"duration_us":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"mean_us":%.1f,'
      .. '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},"unexpected":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.mean, e.connect, e.read, e.write, e.status, e.timeout, off))
end
