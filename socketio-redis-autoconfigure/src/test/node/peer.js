// A Node.js Socket.IO server clustered through @socket.io/redis-adapter, driven by the Java interop tests.
//
//   node peer.js --redis-port 6379 [--redis-host 127.0.0.1] [--port 0] [--key socket.io]
//   (or REDIS_PORT, REDIS_HOST, PORT, KEY_PREFIX in the environment)
//
// Clients join the rooms of their `room` handshake query (`room=a,b`), as the Java test nodes do.
// stdout: one JSON object a line, for each thing that happens:
//   {"type":"ready","port":1234,"uid":"abc123"}
//   {"type":"event","client":"c1","event":"news","args":[...]}
//   {"type":"done","id":"x",...}   {"type":"error","id":"x","message":"..."}
// stdin: one JSON command a line, each answered with "done" (or "error") carrying its id:
//   {"cmd":"connectClient","id":"c1","rooms":"r1"}      a socket.io-client named c1 (done: its socketId)
//   {"cmd":"closeClient","id":"c1"}
//   {"cmd":"emit","id":"x","rooms":["r1"],"except":[],"event":"news","args":[...]}   io.to().except().emit()
"use strict";

const { parseArgs } = require("node:util");
const { createServer } = require("node:http");
const readline = require("node:readline");
const { Server } = require("socket.io");
const { io: connect } = require("socket.io-client");
const { createAdapter } = require("@socket.io/redis-adapter");
const { createClient } = require("redis");

const { values: options } = parseArgs({
  options: {
    "redis-host": { type: "string", default: process.env.REDIS_HOST || "127.0.0.1" },
    "redis-port": { type: "string", default: process.env.REDIS_PORT || "6379" },
    port: { type: "string", default: process.env.PORT || "0" },
    key: { type: "string", default: process.env.KEY_PREFIX || "socket.io" },
  },
});

const clients = new Map();
let io, pub, sub, httpPort;

function print(line) {
  process.stdout.write(JSON.stringify(line) + "\n");
}

async function start() {
  pub = createClient({ url: `redis://${options["redis-host"]}:${options["redis-port"]}` });
  sub = pub.duplicate();
  for (const client of [pub, sub]) {
    client.on("error", (err) => process.stderr.write(`redis: ${err}\n`));
  }
  await Promise.all([pub.connect(), sub.connect()]);

  const httpServer = createServer();
  io = new Server(httpServer, { adapter: createAdapter(pub, sub, { key: options.key }) });
  io.on("connection", (socket) => {
    const rooms = socket.handshake.query.room;
    if (typeof rooms === "string" && rooms !== "") {
      socket.join(rooms.split(","));
    }
  });
  await new Promise((resolve) => httpServer.listen(Number(options.port), "127.0.0.1", resolve));
  httpPort = httpServer.address().port;

  // the adapter subscribes without telling when it is done: wait until Redis counts its last subscription
  const adapter = io.of("/").adapter;
  const lastChannel = `${options.key}-response#/#${adapter.uid}#`;
  while ((await pub.pubSubNumSub(lastChannel))[lastChannel] < 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  print({ type: "ready", port: httpPort, uid: adapter.uid });
}

const commands = {
  async connectClient({ id, rooms = "" }) {
    const socket = connect(`http://127.0.0.1:${httpPort}`, {
      transports: ["websocket"],
      forceNew: true,
      reconnection: false,
      query: rooms ? { room: rooms } : {},
    });
    socket.onAny((event, ...args) => print({ type: "event", client: id, event, args }));
    clients.set(id, socket);
    await new Promise((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("connect_error", reject);
    });
    return { socketId: socket.id };
  },

  async closeClient({ id }) {
    clients.get(id)?.disconnect();
    clients.delete(id);
  },

  async emit({ rooms = [], except = [], event, args = [] }) {
    io.to(rooms).except(except).emit(event, ...args);
  },
};

async function run(line) {
  let command = {};
  try {
    command = JSON.parse(line);
    const handler = commands[command.cmd];
    if (!handler) {
      throw new Error(`unknown command '${command.cmd}'`);
    }
    print({ type: "done", id: command.id, ...(await handler(command)) });
  } catch (err) {
    print({ type: "error", id: command.id, message: String(err && err.message || err) });
  }
}

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  for (const socket of clients.values()) socket.disconnect();
  if (io) await new Promise((resolve) => io.close(() => resolve()));
  await Promise.allSettled([pub, sub].filter((client) => client?.isOpen).map((client) => client.quit()));
  process.exit(0);
}

process.on("SIGTERM", stop);
process.on("SIGINT", stop);

// commands run one after the other, in order, so that emits reach Redis in the order they were sent
let queue = start().catch((err) => {
  process.stderr.write(`peer failed to start: ${err && err.stack || err}\n`);
  process.exit(1);
});
const input = readline.createInterface({ input: process.stdin });
input.on("line", (line) => {
  if (line.trim() !== "") queue = queue.then(() => run(line));
});
input.on("close", () => queue.then(stop));
