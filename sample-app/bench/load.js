// The load generator of the benchmark: opens every client (socket.io-client 4.8, websocket only), publishes
// `bcast` events, receives the `msg` broadcasts, and prints one JSON line of results (progress on stderr).
//
//   node load.js --urls=http://127.0.0.1:18101,... [--clients=30] [--rooms=1] [--publishers=1] [--rate=0]
//                [--window=16] [--size=64] [--warmup=5] [--warmup-rate=<rate>] [--rate-warmup=0] [--duration=20]
//                [--drain=5] [--echo-rate=0]
//                [--pids=redis:123,s1:456] [--scenario=...] [--impl=...]
//
// Receiver i connects to urls[i % N] in room r(i % rooms); publishers are sockets of their own, publisher j on
// urls[j % N], its k-th message to room r((j + k * publishers) % rooms). --rate=0: closed loop, each publisher keeps
// --window messages in flight, a slot freed when every member of the room received the message (or after 5 s);
// --rate>0: that many messages a second in all, evenly spaced. --warmup-rate (default: --rate) is the rate of the
// warm-up; --warmup-rate=0 with --rate>0 warms up closed loop, lets the warm-up's messages complete, then publishes
// at --rate, so that a server's JIT compiles its hot paths before a low-rate window measures them; --rate-warmup=S
// then publishes at --rate for S seconds more before the window, for the paths that rate makes hot. Only the measured
// window counts: messages published in it must reach every member of their room (lost, extra, wrongRoom), their
// latency is publish to receipt on this process's clock, deliveredPerSec is every receipt in the window. cpu: % of one
// core in the window, of this process (load), of each --pids process, of the JIT compiler threads of the servers
// that are JVMs (serversJit), and of everything else on the machine (others: noise). rssMB: the resident memory of
// each --pids process before the clients connect (with --publishers=0, idle connections, once it has settled), once
// they all have, and at the end of the window (what a server holds once warm; its peak, which run.sh reports, may
// come from the JIT's work during the warm-up).
"use strict";

const fs = require("node:fs");
const os = require("node:os");
const { parseArgs } = require("node:util");
const { io } = require("socket.io-client");

const { values: args } = parseArgs({
  options: Object.fromEntries(["urls", "clients", "rooms", "publishers", "rate", "window", "size", "warmup",
    "warmup-rate", "rate-warmup", "duration", "drain", "echo-rate", "pids", "scenario", "impl"]
    .map((name) => [name, { type: "string" }])),
});
const number = (name, fallback) => (args[name] === undefined ? fallback : Number(args[name]));
const cfg = {
  urls: (args.urls || "").split(",").filter(Boolean),
  clients: number("clients", 30),
  rooms: number("rooms", 1),
  publishers: number("publishers", 1),
  rate: number("rate", 0),
  window: number("window", 16),
  size: number("size", 64),
  warmup: number("warmup", 5),
  warmupRate: number("warmup-rate", number("rate", 0)),
  // seconds more at the measured rate when the warm-up ran at another: the JIT of a JVM compiles again for the paths
  // a new rate makes hot, and took a quarter of a node's CPU in the first 10 s at it
  rateWarmup: number("rate-warmup", 0),
  duration: number("duration", 20),
  drain: number("drain", 5),
  echoRate: number("echo-rate", 0),
};
const MESSAGE_TIMEOUT_MS = 5000;
const log = (line) => process.stderr.write(`[load] ${line}\n`);
const nowUs = () => Math.round((performance.timeOrigin + performance.now()) * 1000);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Values recorded in a growable Float64Array, summarised by percentiles. */
class Samples {
  constructor() { this.values = new Float64Array(1 << 16); this.count = 0; }
  add(value) {
    if (this.count === this.values.length) {
      const bigger = new Float64Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.count++] = value;
  }
  summary() {
    if (this.count === 0) return null;
    const sorted = this.values.slice(0, this.count).sort();
    const at = (p) => +sorted[Math.min(this.count - 1, Math.floor(p * this.count))].toFixed(2);
    let sum = 0;
    for (let i = 0; i < this.count; i++) sum += sorted[i];
    return { count: this.count, mean: +(sum / this.count).toFixed(2), p50: at(0.5), p90: at(0.9), p99: at(0.99),
      p999: at(0.999), max: +sorted[this.count - 1].toFixed(2) };
  }
}

// ------------------------------------------------------------------ CPU from /proc (Linux)
const pids = (args.pids || "").split(",").filter(Boolean).map((entry) => {
  const [name, pid] = entry.split(":");
  return { name, pid: Number(pid) };
});
/** utime + stime of a process (/proc/<pid>/stat) or of one of its threads (/proc/<pid>/task/<tid>/stat). */
function ticksIn(statFile) {
  try {
    const stat = fs.readFileSync(statFile, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch (err) {
    return null;
  }
}
const ticksOf = (pid) => ticksIn(`/proc/${pid}/stat`);
/** Resident memory of every --pids process now, in MB. */
function rssSnapshot() {
  return Object.fromEntries(pids.map((p) => {
    try {
      const line = fs.readFileSync(`/proc/${p.pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
      return [p.name, Math.round(Number(line.split(/\s+/)[1]) / 1024)];
    } catch (err) {
      return [p.name, null];
    }
  }));
}
/**
 * Waits until no --pids process's RSS moves by more than 1 MB in a second (at most 15 s), so that what connecting
 * adds is not mixed with what a server still frees (a JVM trimming its native heap) or allocates after it is ready.
 */
async function rssSettled() {
  let previous = rssSnapshot();
  for (let waited = 0; waited < 15; waited++) {
    await sleep(1000);
    const now = rssSnapshot();
    if (Object.keys(now).every((name) => Math.abs((now[name] || 0) - (previous[name] || 0)) <= 1)) return;
    previous = now;
  }
}
/** CPU ticks of a JVM's JIT compiler threads (HotSpot names them "C1 CompilerThreadN", "C2 CompilerThreadN"). */
function compilerTicksOf(pid) {
  try {
    return fs.readdirSync(`/proc/${pid}/task`).reduce((sum, task) => {
      const comm = fs.readFileSync(`/proc/${pid}/task/${task}/comm`, "utf8");
      return /^C[12] CompilerThre/.test(comm) ? sum + (ticksIn(`/proc/${pid}/task/${task}/stat`) || 0) : sum;
    }, 0);
  } catch (err) {
    return null; // a thread ended between the listing and the read, or the process did
  }
}
function machineTicks() {
  const fields = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1, 9).map(Number);
  return { total: fields.reduce((a, b) => a + b, 0), idle: fields[3] + fields[4], steal: fields[7] || 0 };
}
function cpuSnapshot() {
  return { at: performance.now(), self: process.cpuUsage(), pids: pids.map((p) => ticksOf(p.pid)),
    compilers: pids.map((p) => (p.name === "redis" ? null : compilerTicksOf(p.pid))), machine: machineTicks() };
}
function cpuBetween(a, b) {
  const seconds = (b.at - a.at) / 1000;
  const ticksPerSecond = 100; // CLK_TCK on Linux
  const round = (x) => Math.round(x * 10) / 10;
  const cpu = { load: round((b.self.user - a.self.user + b.self.system - a.self.system) / 1e4 / seconds) };
  pids.forEach((p, i) => {
    cpu[p.name] = a.pids[i] === null || b.pids[i] === null ? null
      : round((b.pids[i] - a.pids[i]) / ticksPerSecond / seconds * 100);
  });
  // the servers' JIT compilers, in % of a core (0 for Node's: V8's compiler threads are not told apart by name)
  const compilerTicks = a.compilers.reduce((sum, before, i) => (before === null || b.compilers[i] === null ? sum
    : sum + Math.max(0, b.compilers[i] - before)), 0); // a JVM may end a compiler thread it started
  cpu.serversJit = round(compilerTicks / ticksPerSecond / seconds * 100);
  const cores = os.cpus().length;
  const total = b.machine.total - a.machine.total;
  cpu.machineBusy = round((1 - (b.machine.idle - a.machine.idle) / total) * 100 * cores);
  cpu.machineSteal = round((b.machine.steal - a.machine.steal) / total * 100 * cores);
  const ours = pids.reduce((sum, p) => sum + (cpu[p.name] || 0), cpu.load);
  cpu.others = round(Math.max(0, cpu.machineBusy - ours));
  cpu.cores = cores;
  return cpu;
}

// ------------------------------------------------------------------ state
const members = new Array(cfg.rooms).fill(0);
for (let i = 0; i < cfg.clients; i++) members[i % cfg.rooms]++;
const pad = "x".repeat(cfg.size);
let phase = "connect"; // connect, warmup, settle, measure, drain, done
const counts = { published: 0, expected: 0, delivered: 0, receivedInWindow: 0, extra: 0, wrongRoom: 0,
  timeouts: 0, disconnects: 0 };
const inflight = new Map(); // pub * 2^32 + seq -> { room, missing, measured, publisher, timer }
const latency = new Samples();
const echoRtt = new Samples();
const sockets = [];
let measuredOutstanding = 0;

function connect(url, room) {
  return new Promise((resolve, reject) => {
    const socket = io(url, { transports: ["websocket"], forceNew: true, reconnection: false,
      query: room === null ? {} : { room } });
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
    socket.on("disconnect", () => { if (phase !== "done") counts.disconnects++; });
    sockets.push(socket);
  });
}

function onMessage(payload, room) {
  if (phase === "measure") counts.receivedInWindow++;
  if (!payload || payload.room !== room) {
    counts.wrongRoom++;
    return;
  }
  const entry = inflight.get(payload.pub * 4294967296 + payload.seq);
  if (!entry) {
    counts.extra++; // a message already complete, or never sent
    return;
  }
  if (entry.measured) {
    counts.delivered++;
    latency.add((nowUs() - payload.ts) / 1000);
  }
  if (--entry.missing === 0) complete(payload.pub * 4294967296 + payload.seq, entry);
}

function complete(key, entry) {
  inflight.delete(key);
  clearTimeout(entry.timer);
  if (entry.measured) measuredOutstanding--;
  if (entry.publisher.closedLoop && (phase === "warmup" || phase === "measure")) entry.publisher.send();
}

function publisher(index, socket) {
  let seq = 0;
  const self = {
    closedLoop: cfg.warmupRate === 0,
    send() {
      const room = (index + seq * cfg.publishers) % cfg.rooms;
      seq++;
      const key = index * 4294967296 + seq;
      const measured = phase === "measure";
      const entry = { room, missing: members[room], measured, publisher: self };
      if (members[room] === 0) return;
      entry.timer = setTimeout(() => {
        if (inflight.get(key) === entry) {
          counts.timeouts++;
          complete(key, entry);
        }
      }, MESSAGE_TIMEOUT_MS);
      inflight.set(key, entry);
      if (measured) {
        counts.published++;
        counts.expected += members[room];
        measuredOutstanding++;
      }
      socket.emit("bcast", { room: `r${room}`, pub: index, seq, ts: nowUs(), pad });
    },
  };
  return self;
}

/** Closed loop (rate 0): each publisher keeps its window of messages in flight; else rate messages a second. */
function startPublishing(publishers, rate) {
  if (rate === 0) {
    publishers.forEach((p) => { for (let w = 0; w < cfg.window; w++) p.send(); });
    return null;
  }
  let next = 0;
  const perTick = rate / 100; // every 10 ms
  let owed = 0;
  return setInterval(() => {
    for (owed += perTick; owed >= 1; owed--) publishers[next++ % publishers.length].send();
  }, 10);
}

async function main() {
  if (cfg.urls.length === 0) throw new Error("--urls is required");
  const watchdog = setTimeout(() => { log("watchdog: giving up"); process.exit(2); },
    (60 + cfg.warmup + cfg.duration + cfg.drain + 30) * 1000);
  watchdog.unref();

  if (cfg.publishers === 0) await rssSettled(); // idle connections: their RSS is what this run measures
  log(`connecting ${cfg.clients} receivers and ${cfg.publishers} publishers to ${cfg.urls.length} servers`);
  const rssBeforeConnect = rssSnapshot();
  const started = Date.now();
  for (let first = 0; first < cfg.clients; first += 50) {
    await Promise.all(Array.from({ length: Math.min(50, cfg.clients - first) }, (_, k) => {
      const i = first + k;
      const room = `r${i % cfg.rooms}`;
      return connect(cfg.urls[i % cfg.urls.length], room).then((socket) => {
        socket.on("msg", (payload) => onMessage(payload, room));
      });
    }));
  }
  const publishers = await Promise.all(Array.from({ length: cfg.publishers },
    (_, j) => connect(cfg.urls[j % cfg.urls.length], null).then((socket) => publisher(j, socket))));
  const echoSocket = cfg.echoRate > 0 ? await connect(cfg.urls[0], null) : null;
  const connectMs = Date.now() - started;
  await sleep(1000); // let the servers finish their room subscriptions
  const rssConnected = rssSnapshot();

  phase = "warmup";
  log(`warmup ${cfg.warmup}s`);
  let ticker = startPublishing(publishers, cfg.warmupRate);
  let echoTicker = null;
  if (echoSocket) {
    echoTicker = setInterval(() => {
      const sent = performance.now();
      echoSocket.emit("echo", { sent }, () => { if (phase === "measure") echoRtt.add(performance.now() - sent); });
    }, 1000 / cfg.echoRate);
  }
  await sleep(cfg.warmup * 1000);
  if (cfg.warmupRate !== cfg.rate) {
    phase = "settle";
    clearInterval(ticker);
    const settleStarted = Date.now();
    while (inflight.size > 0 && Date.now() - settleStarted < MESSAGE_TIMEOUT_MS) await sleep(20);
    publishers.forEach((p) => { p.closedLoop = cfg.rate === 0; });
    ticker = startPublishing(publishers, cfg.rate);
    if (cfg.rateWarmup > 0) {
      phase = "warmup";
      log(`warmup ${cfg.rateWarmup}s at the measured rate`);
      await sleep(cfg.rateWarmup * 1000);
    }
  }

  phase = "measure";
  log(`measuring ${cfg.duration}s`);
  const before = cpuSnapshot();
  await sleep(cfg.duration * 1000);
  const after = cpuSnapshot();
  const rssWindowEnd = rssSnapshot();
  phase = "drain";
  clearInterval(ticker);
  clearInterval(echoTicker);
  const drainStarted = Date.now();
  while (measuredOutstanding > 0 && Date.now() - drainStarted < cfg.drain * 1000) await sleep(20);
  phase = "done";

  const lost = counts.expected - counts.delivered;
  const result = {
    ok: lost === 0 && counts.wrongRoom === 0 && counts.disconnects === 0,
    scenario: args.scenario || null, impl: args.impl || null, date: new Date().toISOString(),
    config: cfg, connectMs, windowS: cfg.duration,
    publishedPerSec: Math.round(counts.published / cfg.duration),
    deliveredPerSec: Math.round(counts.receivedInWindow / cfg.duration),
    published: counts.published, expected: counts.expected, delivered: counts.delivered, lost,
    extra: counts.extra, wrongRoom: counts.wrongRoom, timeouts: counts.timeouts, disconnects: counts.disconnects,
    latencyMs: latency.summary(), echoRttMs: echoRtt.summary(), cpu: cpuBetween(before, after),
    rssMB: { beforeConnect: rssBeforeConnect, connected: rssConnected, windowEnd: rssWindowEnd },
  };
  process.stdout.write(JSON.stringify(result) + "\n");
  sockets.forEach((socket) => socket.close());
  process.exit(0);
}

main().catch((err) => {
  log(`failed: ${err && err.stack || err}`);
  process.exit(1);
});
