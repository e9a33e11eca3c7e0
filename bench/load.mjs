// The load generator, run by bench/run.ts as a process of its own so that it does not share an
// event loop with what it measures. Argument: JSON {url, connections, seconds, warmupSeconds, headers}.
// Drives autocannon, records every 2xx response's latency itself (autocannon's histogram has whole
// milliseconds and no p95) and prints one JSON line with exact percentiles.
import autocannon from "autocannon";

const options = JSON.parse(process.argv[2] ?? "{}");
const { url, connections = 10, seconds = 10, warmupSeconds = 1, headers = {} } = options;

function run(duration, latencies) {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections, duration, headers, timeout: 10 }, (error, result) => (error ? reject(error) : resolve(result)));
    if (latencies) {
      instance.on("response", (_client, statusCode, _bytes, responseTime) => {
        if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
      });
    }
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

if (warmupSeconds > 0) await run(warmupSeconds, null);
const latencies = [];
const startedAt = process.hrtime.bigint();
const result = await run(seconds, latencies);
const elapsedSeconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
const sorted = Float64Array.from(latencies).sort();
process.stdout.write(
  JSON.stringify({
    url,
    connections,
    seconds: result.duration,
    elapsedSeconds,
    ok: latencies.length,
    rps: latencies.length / result.duration,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : null,
    autocannon: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99, rpsMean: result.requests.average },
    bytesPerResponse: result["2xx"] > 0 ? result.throughput.total / result["2xx"] : 0,
    statusCodes: result.statusCodeStats,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  }) + "\n",
);
