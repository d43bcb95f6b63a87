// Markdown tables of benchmark runs (JSON lines of run.sh): every run, then the medians of each scenario and
// implementation with their ratio to Node's.   node summarize.js runs.jsonl [more.jsonl...]
"use strict";

const fs = require("node:fs");

const runs = process.argv.slice(2).flatMap((file) => fs.readFileSync(file, "utf8").split("\n").filter(Boolean)
  .map((line) => JSON.parse(line)));

/** The sum over a run's servers of what `value` gives for each (a server's name: s1, s2...). */
const sumOfServers = (run, value) => Object.keys(run.peakRssMB).reduce((sum, server) => sum + value(server), 0);

/** What one run says, in the units of the tables. */
function figures(run) {
  const serverCpu = sumOfServers(run, (server) => run.cpu[server] || 0);
  return {
    delivered: run.deliveredPerSec,
    p50: run.latencyMs ? run.latencyMs.p50 : null,
    p99: run.latencyMs ? run.latencyMs.p99 : null,
    echoP99: run.echoRttMs ? run.echoRttMs.p99 : null,
    serverCpu,
    // % of one core / deliveries per second = core-seconds per delivery; in µs
    cpuPerDelivery: run.deliveredPerSec > 0 ? serverCpu / 100 / run.deliveredPerSec * 1e6 : null,
    // the JVM's JIT compilers in the window: what is left of the warm-up (runs before 2026-12-02 do not have it)
    jitShare: run.cpu.serversJit !== undefined && serverCpu > 0 ? run.cpu.serversJit / serverCpu * 100 : null,
    redisCpu: run.cpu.redis,
    loadCpu: run.cpu.load,
    // at a fixed rate (latency) the load generator's work is the same whatever the servers: the servers' CPU over its
    // own in the same run takes out how fast the shared machine was during that run
    cpuPerLoadCpu: run.config.rate > 0 && run.cpu.load > 0 ? serverCpu / run.cpu.load : null,
    rss: sumOfServers(run, (server) => run.peakRssMB[server]),
    // once warm: the peak may be the JIT's work during the warm-up (runs before 2026-12-01 do not have it)
    rssWindowEnd: run.rssMB && run.rssMB.windowEnd ? sumOfServers(run, (server) => run.rssMB.windowEnd[server]) : null,
    // what connecting added to the servers' RSS, where the clients stay idle (no publisher)
    rssPer1000Clients: run.rssMB && run.config.publishers === 0
      ? sumOfServers(run, (server) => run.rssMB.connected[server] - run.rssMB.beforeConnect[server])
        / run.config.clients * 1000 : null,
    startup: run.startupS,
    lost: run.lost, extra: run.extra, wrongRoom: run.wrongRoom, others: run.cpu.others,
  };
}

const median = (values) => {
  const sorted = values.filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const show = (value, digits = 1) => (value === null || value === undefined ? "–" : value.toFixed(digits));
const ratio = (value, base) => (value === null || !base ? "–" : (value / base).toFixed(2) + "×");

const lines = ["### Every run", "",
  "| scenario | impl | rep | ok | delivered/s | p50 / p99 ms | echo p99 ms | server CPU % | of which the JIT's % | µs CPU / delivery | Redis CPU % | load generator CPU % | peak RSS Σ MB | RSS Σ MB at the window's end | RSS Δ MB / 1 000 idle clients | start-up s | lost | extra | others % |",
  "|---|---|---:|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"];
for (const run of runs) {
  const f = figures(run);
  lines.push(`| ${run.scenario} | ${run.impl} | ${run.repetition || ""} | ${run.ok ? "yes" : "**no**"} | ${f.delivered} | ${show(f.p50)} / ${show(f.p99)} | ${show(f.echoP99)} | ${show(f.serverCpu, 0)} | ${show(f.jitShare, 0)} | ${show(f.cpuPerDelivery, 2)} | ${show(f.redisCpu)} | ${show(f.loadCpu)} | ${f.rss} | ${show(f.rssWindowEnd, 0)} | ${show(f.rssPer1000Clients)} | ${show(f.startup, 2)} | ${f.lost} | ${f.extra} | ${show(f.others, 0)} |`);
}
lines.push("", "### Medians, and ratio to `node`", "",
  "| scenario | impl | runs | delivered/s | ×node | p99 ms | ×node | µs CPU / delivery | ×node | server CPU ÷ load generator's, at a fixed rate | ×node | peak RSS Σ MB | ×node | RSS Σ MB at the window's end | ×node | RSS Δ MB / 1 000 idle clients | start-up s |",
  "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
const groups = new Map();
for (const run of runs) {
  const key = `${run.scenario}\u0000${run.impl}`;
  groups.set(key, [...(groups.get(key) || []), figures(run)]);
}
const medians = new Map([...groups].map(([key, list]) => [key, Object.fromEntries(
  Object.keys(list[0]).map((name) => [name, median(list.map((f) => f[name]))]))]));
for (const [key, m] of medians) {
  const [scenario, impl] = key.split("\u0000");
  const node = medians.get(`${scenario}\u0000node`) || {};
  lines.push(`| ${scenario} | ${impl} | ${groups.get(key).length} | ${show(m.delivered, 0)} | ${ratio(m.delivered, node.delivered)} | ${show(m.p99)} | ${ratio(m.p99, node.p99)} | ${show(m.cpuPerDelivery, 2)} | ${ratio(m.cpuPerDelivery, node.cpuPerDelivery)} | ${show(m.cpuPerLoadCpu, 2)} | ${ratio(m.cpuPerLoadCpu, node.cpuPerLoadCpu)} | ${show(m.rss, 0)} | ${ratio(m.rss, node.rss)} | ${show(m.rssWindowEnd, 0)} | ${ratio(m.rssWindowEnd, node.rssWindowEnd)} | ${show(m.rssPer1000Clients)} | ${show(m.startup, 2)} |`);
}
console.log(lines.join("\n"));
