-- wrk script for bench/consent-writes.sh: POSTs valid consent bodies with distinct visitor ids
-- and the site's Origin; counts 201 and other answers per thread.
-- Globals on purpose: done() reads each thread's counts with thread:get().
counter = 0
created = 0
other = 0
prefix = "w"
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 100 + id)
  prefix = "w" .. tostring(math.random(100000, 999999)) .. "t" .. tostring(id)
end

request = function()
  counter = counter + 1
  local body = '{"visitorId":"' .. prefix .. "n" .. counter .. 'xxxxxxxx","version":1,"method":"ACCEPT_ALL",'
    .. '"choices":{"analytics":true,"tracking":true},"language":"fr","pageUrl":"https://www.bench.test/fr/page?q=1"}'
  return wrk.format("POST", nil, {
    ["Content-Type"] = "text/plain;charset=UTF-8",
    ["Origin"] = "https://www.bench.test",
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0"
  }, body)
end

response = function(status, headers, body)
  if status == 201 then created = created + 1 else other = other + 1 end
end

done = function(summary, latency, requests)
  local c, o = 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    o = o + t:get("other")
  end
  io.write(string.format("RESULT created=%d other=%d errors=%d seconds=%.2f rps=%.0f p50=%.2f p90=%.2f p99=%.2f p999=%.2f max=%.2f\n",
    c, o, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.duration / 1e6, c / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000))
end
