// One autocannon run against one gateway (the runner pins this process to the load core). Reads
// its job as JSON on argv[2]; prints the result as one JSON line. A 2xx answer whose body holds
// "errors" counts as a mismatch, so an erroring gateway cannot look fast.
import autocannon from "autocannon";

const job = JSON.parse(process.argv[2]);
const times = [];
const instance = autocannon({
  url: job.url,
  method: "POST",
  headers: { "content-type": "application/json", ...job.headers },
  body: job.body,
  connections: job.connections,
  duration: job.duration,
  timeout: 10,
  verifyBody: (body) => !body.includes('"errors"'),
});
instance.on("response", (_client, statusCode, _bytes, responseTime) => {
  if (statusCode >= 200 && statusCode < 300) times.push(responseTime);
});
instance.on("done", (result) => {
  times.sort((a, b) => a - b);
  const at = (q) => (times.length === 0 ? null : times[Math.min(times.length - 1, Math.floor(q * times.length))]);
  process.stdout.write(
    `${JSON.stringify({
      seconds: job.duration,
      requests: result.requests.total,
      rps: result.requests.total / job.duration,
      p50: at(0.5),
      p95: at(0.95),
      p99: at(0.99),
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      mismatches: result.mismatches,
    })}\n`,
  );
});
