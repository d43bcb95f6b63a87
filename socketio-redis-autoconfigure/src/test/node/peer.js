// A Node.js Socket.IO server clustered through @socket.io/redis-adapter, driven by the Java interop tests.
//
//   node peer.js --redis-port 6379 [--redis-host 127.0.0.1] [--port 0] [--key socket.io]
//   (or REDIS_PORT, REDIS_HOST, PORT, KEY_PREFIX in the environment)
//   node peer.js --adapter sharded [--subscription-mode dynamic] [--cluster-nodes 127.0.0.1:7000,127.0.0.1:7001]
//       Node's sharded adapter (createShardedAdapter) instead of the classic one, on a Redis Cluster when
//       --cluster-nodes names its seed nodes (node-redis createCluster), else on the standalone Redis. Node has no
//       sharded emitter: the emitter commands then fail.
//
// The server serves the namespaces "/" and "/admin". Clients join the rooms of their `room` handshake query
// (`room=a,b`), as the Java test nodes do.
// Binary values travel as {"$bin":"<hex>"} both ways; received ones also say what they arrived as:
// {"$bin":"0102ff","class":"Buffer"} (or "ArrayBuffer", "Uint8Array"...).
// stdout: one JSON object a line, for each thing that happens:
//   {"type":"ready","port":1234,"uid":"abc123"}
//   {"type":"event","client":"c1","event":"news","args":[...]}      also "disconnect" with the reason as argument
//   {"type":"done","id":"x",...}   {"type":"error","id":"x","message":"..."}
// stdin: one JSON command a line, each answered with "done" (or "error") carrying its id:
//   {"cmd":"connectClient","id":"c1","rooms":"r1"}      a socket.io-client named c1, with options
//       "namespace":"/admin"     (default "/")
//       "port":8080              another server than this peer's, e.g. a Java node
//       "transport":"polling"    the only transport it may use (default "websocket")
//       "version":2              socket.io-client 2.5.0 (Engine.IO v3) instead of 4.8 (Engine.IO v4)
//     done: {"socketId":"...","engineIo":4,"transport":"websocket"}, the Engine.IO protocol and transport in use
//   {"cmd":"openNamespace","id":"c1-root","of":"c1","namespace":"/"}   a socket of another namespace on the same
//       connection (socket.io-client 4.8's Manager) as client c1.      done: {"socketId":"..."}
//   {"cmd":"clientEmit","id":"c1","event":"echo","args":[...]}      socket.emit(event, ...args) by client c1
//   {"cmd":"closeClient","id":"c1"}      socket.disconnect(): that namespace only; the connection closes with its last
//   {"cmd":"emit","id":"x","namespace":"/","rooms":["r1",42],"except":[],"event":"news","args":[...]}
//       io.of(namespace).to(rooms).except(except).emit(event, ...args); a JSON number is a number room
//   {"cmd":"emitterEmit","id":"x","namespace":"/","rooms":[],"except":[],"volatile":false,"event":"news","args":[...]}
//       the same through @socket.io/redis-emitter: emitter.of(namespace).to(rooms).except(except)[.volatile].emit(...)
// Cluster requests of the Node server (every one takes "namespace", default "/"; "rooms" and "except" as for emit):
//   {"cmd":"fetchSockets","id":"x","rooms":[],"except":[],"timeoutMs":5000}
//       done: {"sockets":[{"id","rooms","data","handshake"}...]} or {"error":"timeout reached while waiting..."}
//   {"cmd":"allRooms","id":"x"}                                done: {"rooms":[...]} or {"error":"..."}
//   {"cmd":"socketsJoin","id":"x","rooms":[],"except":[],"join":["j"]}      io.of(ns).in(rooms).except(except).socketsJoin(join)
//   {"cmd":"socketsLeave","id":"x","rooms":[],"except":[],"leave":["j"]}
//   {"cmd":"disconnectSockets","id":"x","rooms":[],"except":[],"close":false}
//   {"cmd":"serverSideEmitWithAck","id":"x","event":"whoami","args":[],"timeoutMs":5000}
//       done: {"responses":[...]} or {"error":"timeout reached: only 1 responses...","responses":[<partial>]}
//   {"cmd":"emitWithAck","id":"x","rooms":["r1"],"except":[],"event":"ask","args":[],"timeoutMs":5000}
//       io.of(ns).timeout(timeoutMs).to(rooms).except(except).emitWithAck(...): the same replies
//   ("timeoutMs" of fetchSockets, allRooms and serverSideEmitWithAck is the adapter's requestsTimeout for that call)
// and of the emitter, which returns once called:
//   {"cmd":"emitterSocketsJoin","id":"x","rooms":[],"except":[],"join":["j"]}   also emitterSocketsLeave ("leave")
//   {"cmd":"emitterDisconnectSockets","id":"x","rooms":[],"except":[],"close":false}
//   {"cmd":"emitterServerSideEmit","id":"x","event":"hello","args":[...]}
// The server answers the server-side event "whoami" with "node", on every namespace, and reports the server-side
// event "note" as an event of client "server:<namespace>". A client connected with
// "data" (any JSON) sends it as its "data" query, which the server turns into socket.data; "auth" (an object) is
// its handshake auth; "answers" ({"ask":"reply"}) acknowledges each of those events with that reply.
"use strict";

const { parseArgs } = require("node:util");
const { createServer } = require("node:http");
const readline = require("node:readline");
const { Server } = require("socket.io");
const { io: connect } = require("socket.io-client");
const connectV2 = require("socket.io-client-v2");
const { createAdapter, createShardedAdapter } = require("@socket.io/redis-adapter");
const { Emitter } = require("@socket.io/redis-emitter");
const { createClient, createCluster } = require("redis");

const { values: options } = parseArgs({
  options: {
    "redis-host": { type: "string", default: process.env.REDIS_HOST || "127.0.0.1" },
    "redis-port": { type: "string", default: process.env.REDIS_PORT || "6379" },
    port: { type: "string", default: process.env.PORT || "0" },
    key: { type: "string", default: process.env.KEY_PREFIX || "socket.io" },
    adapter: { type: "string", default: "classic" },
    "subscription-mode": { type: "string", default: "dynamic" },
    "cluster-nodes": { type: "string", default: "" },
  },
});

const NAMESPACES = ["/", "/admin"];

const clients = new Map();
let io, emitter, pub, sub, httpPort;

function print(line) {
  process.stdout.write(JSON.stringify(line) + "\n");
}

/** Received values as JSON: binary (Buffer, ArrayBuffer, typed arrays) as {"$bin":"<hex>","class":"<its type>"}. */
function toJson(value) {
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    const bytes = value instanceof ArrayBuffer ? Buffer.from(value)
      : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    return { $bin: bytes.toString("hex"), class: value.constructor.name };
  }
  if (Array.isArray(value)) {
    return value.map(toJson);
  }
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toJson(item)]));
  }
  return value;
}

/** Arguments of a command: {"$bin":"<hex>"} becomes a Buffer, at any depth. */
function fromJson(value) {
  if (Array.isArray(value)) {
    return value.map(fromJson);
  }
  if (value !== null && typeof value === "object") {
    if (typeof value.$bin === "string") {
      return Buffer.from(value.$bin, "hex");
    }
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fromJson(item)]));
  }
  return value;
}

const sharded = options.adapter === "sharded";

function redisClient() {
  if (options["cluster-nodes"] !== "") {
    return createCluster({ rootNodes: options["cluster-nodes"].split(",").map((node) => ({ url: `redis://${node}` })) });
  }
  return createClient({ url: `redis://${options["redis-host"]}:${options["redis-port"]}` });
}

function adapter() {
  return sharded
    ? createShardedAdapter(pub, sub, { channelPrefix: options.key, subscriptionMode: options["subscription-mode"] })
    : createAdapter(pub, sub, { key: options.key });
}

/** How many clients subscribe to the last channel an adapter subscribes to: then it is ready. */
async function subscribersOfLastChannel(namespace) {
  const uid = io.of(namespace).adapter.uid;
  const channel = sharded ? `${options.key}#${namespace}#${uid}#` : `${options.key}-response#${namespace}#${uid}#`;
  const command = ["PUBSUB", sharded ? "SHARDNUMSUB" : "NUMSUB", channel];
  // on a cluster each master counts its own subscribers (a shard channel's all live on its slot's master)
  const clients = options["cluster-nodes"] !== "" ? pub.masters.map((master) => master.client) : [pub];
  const replies = await Promise.all(clients.map((client) => client.sendCommand(command)));
  return replies.reduce((sum, reply) => sum + Number(reply[1]), 0);
}

async function start() {
  pub = redisClient();
  sub = pub.duplicate();
  for (const client of [pub, sub]) {
    client.on("error", (err) => process.stderr.write(`redis: ${err}\n`));
  }
  await Promise.all([pub.connect(), sub.connect()]);

  const httpServer = createServer();
  io = new Server(httpServer, { adapter: adapter() });
  for (const namespace of NAMESPACES) {
    io.of(namespace).on("connection", (socket) => {
      const { room: rooms, data } = socket.handshake.query;
      if (typeof data === "string" && data !== "") {
        socket.data = JSON.parse(data);
      }
      if (typeof rooms === "string" && rooms !== "") {
        socket.join(rooms.split(","));
      }
    });
    // server-side event "note" (from another server or an emitter) is reported as an event of client "server:<nsp>"
    io.of(namespace).on("note", (...args) => {
      if (typeof args[args.length - 1] === "function") {
        args.pop();
      }
      print({ type: "event", client: `server:${namespace}`, event: "note", args: toJson(args) });
    });
    // a server-side event of another server (serverSideEmit), acknowledged when the sender asked for it
    io.of(namespace).on("whoami", (...args) => {
      const ack = args.pop();
      if (typeof ack === "function") {
        ack("node");
      }
    });
  }
  // publishes on the adapter's connection, so in order with the server's own broadcasts
  emitter = sharded ? null : new Emitter(pub, { key: options.key });
  await new Promise((resolve) => httpServer.listen(Number(options.port), "127.0.0.1", resolve));
  httpPort = httpServer.address().port;

  // each namespace adapter subscribes without telling when it is done: wait until Redis counts its last subscription
  for (const namespace of NAMESPACES) {
    while (await subscribersOfLastChannel(namespace) < 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
  print({ type: "ready", port: httpPort, uid: io.of("/").adapter.uid });
}

/** A socket.io-client 4.8 socket; every event it receives is printed (without its acknowledgement callback). */
function connectV4(url, { id, rooms, transport, auth, data, answers }) {
  const query = rooms ? { room: rooms } : {};
  if (data !== undefined) {
    query.data = JSON.stringify(data);
  }
  const socket = connect(url, {
    transports: [transport],
    forceNew: true,
    reconnection: false,
    query,
    ...(auth ? { auth } : {}),
  });
  socket.onAny((event, ...args) => print({
    type: "event", client: id, event, args: toJson(args.filter((arg) => typeof arg !== "function")),
  }));
  for (const [event, reply] of Object.entries(answers || {})) {
    socket.on(event, (...args) => {
      const ack = args[args.length - 1];
      if (typeof ack === "function") {
        ack(reply);
      }
    });
  }
  return socket;
}

/** A socket.io-client 2.5 socket (Engine.IO v3), which has no onAny: its packet handler prints every event. */
function connectLegacy(url, { id, rooms, transport }) {
  const socket = connectV2(url, {
    transports: [transport],
    forceNew: true,
    reconnection: false,
    query: rooms ? { room: rooms } : {},
  });
  const onevent = socket.onevent;
  socket.onevent = function (packet) {
    const [event, ...args] = packet.data || [];
    print({ type: "event", client: id, event, args: toJson(args) });
    onevent.call(this, packet);
  };
  // namespace refusals come as "error"
  socket.once("error", (err) => socket.emit("connect_error", err));
  return socket;
}

/** Records the socket as client `id`, prints its disconnection, and waits until it is connected. */
async function connected(id, socket, target) {
  socket.on("disconnect", (reason) => print({ type: "event", client: id, event: "disconnect", args: [reason] }));
  clients.set(id, socket);
  await new Promise((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", (err) => {
      reject(new Error(`${id} could not connect to ${target}: ${err && err.message || err}`));
    });
  });
}

const commands = {
  async connectClient({ id, rooms = "", namespace = "/", port = httpPort, transport = "websocket", version = 4,
    auth, data, answers }) {
    const url = `http://127.0.0.1:${port}${namespace === "/" ? "" : namespace}`;
    if (version === 2 && (auth || data !== undefined || answers)) {
      throw new Error("auth, data and answers are for socket.io-client 4.8 only");
    }
    const socket = (version === 2 ? connectLegacy : connectV4)(url, { id, rooms, transport, auth, data, answers });
    await connected(id, socket, url);
    const { transport: engine } = socket.io.engine;
    return { socketId: socket.id, engineIo: Number(engine.query.EIO), transport: engine.name };
  },

  async openNamespace({ id, of, namespace }) {
    const socket = clients.get(of).io.socket(namespace);
    socket.onAny((event, ...args) => print({ type: "event", client: id, event, args: toJson(args) }));
    await connected(id, socket, namespace);
    return { socketId: socket.id };
  },

  async clientEmit({ id, event, args = [] }) {
    clients.get(id).emit(event, ...fromJson(args));
  },

  async closeClient({ id }) {
    clients.get(id)?.disconnect();
    clients.delete(id);
  },

  async emit({ namespace = "/", rooms = [], except = [], event, args = [] }) {
    io.of(namespace).to(rooms).except(except).emit(event, ...fromJson(args));
  },

  async emitterEmit({ namespace = "/", rooms = [], except = [], volatile = false, event, args = [] }) {
    const operator = emitter.of(namespace).to(rooms).except(except);
    (volatile ? operator.volatile : operator).emit(event, ...fromJson(args));
  },

  async fetchSockets({ namespace = "/", rooms = [], except = [], timeoutMs }) {
    return withRequestsTimeout(namespace, timeoutMs, async () => {
      const sockets = await io.of(namespace).in(rooms).except(except).fetchSockets();
      return {
        sockets: sockets.map((socket) => toJson({
          id: socket.id, rooms: [...socket.rooms], data: socket.data, handshake: socket.handshake,
        })),
      };
    });
  },

  async allRooms({ namespace = "/", timeoutMs }) {
    return withRequestsTimeout(namespace, timeoutMs,
      async () => ({ rooms: [...await io.of(namespace).adapter.allRooms()] }));
  },

  async socketsJoin({ namespace = "/", rooms = [], except = [], join }) {
    io.of(namespace).in(rooms).except(except).socketsJoin(join);
  },

  async socketsLeave({ namespace = "/", rooms = [], except = [], leave }) {
    io.of(namespace).in(rooms).except(except).socketsLeave(leave);
  },

  async disconnectSockets({ namespace = "/", rooms = [], except = [], close = false }) {
    io.of(namespace).in(rooms).except(except).disconnectSockets(close);
  },

  async serverSideEmitWithAck({ namespace = "/", event, args = [], timeoutMs }) {
    return withRequestsTimeout(namespace, timeoutMs,
      () => acknowledgements(io.of(namespace).serverSideEmitWithAck(event, ...fromJson(args))));
  },

  async emitWithAck({ namespace = "/", rooms = [], except = [], event, args = [], timeoutMs = 5000 }) {
    return acknowledgements(io.of(namespace).timeout(timeoutMs).to(rooms).except(except)
      .emitWithAck(event, ...fromJson(args)));
  },

  async emitterSocketsJoin({ namespace = "/", rooms = [], except = [], join }) {
    emitter.of(namespace).in(rooms).except(except).socketsJoin(join);
  },

  async emitterSocketsLeave({ namespace = "/", rooms = [], except = [], leave }) {
    emitter.of(namespace).in(rooms).except(except).socketsLeave(leave);
  },

  async emitterDisconnectSockets({ namespace = "/", rooms = [], except = [], close = false }) {
    emitter.of(namespace).in(rooms).except(except).disconnectSockets(close);
  },

  async emitterServerSideEmit({ namespace = "/", event, args = [] }) {
    emitter.of(namespace).serverSideEmit(event, ...fromJson(args));
  },
};

/**
 * Runs a request of the namespace's adapter with its requestsTimeout set to timeoutMs (when given), which it reads
 * when the request starts; a failure (a timeout) becomes {"error": message}.
 */
async function withRequestsTimeout(namespace, timeoutMs, request) {
  const adapter = io.of(namespace).adapter;
  const previous = adapter.requestsTimeout;
  if (timeoutMs !== undefined) {
    adapter.requestsTimeout = timeoutMs;
  }
  try {
    return await request();
  } catch (err) {
    return { error: String(err && err.message || err) };
  } finally {
    adapter.requestsTimeout = previous;
  }
}

/** The acknowledgements an *WithAck promise gives, or its error with the partial ones. */
async function acknowledgements(promise) {
  try {
    return { responses: toJson(await promise) };
  } catch (err) {
    return { error: String(err && err.message || err), responses: toJson(err && err.responses || []) };
  }
}

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
