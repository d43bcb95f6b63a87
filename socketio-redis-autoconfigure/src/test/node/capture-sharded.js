// Captures what Node's sharded adapter (@socket.io/redis-adapter createShardedAdapter, node-redis) publishes, in each
// subscription mode, for every cluster operation: two socket.io servers in this process on one Redis 7, a spy that
// SSUBSCRIBEs to every channel they use, and clients of both. Recorded once per distinct message and channel. Writes JSON to stdout:
// {captured_with, vectors: [{id, mode, channel, encoding, hex}]}.
// Usage: node capture-sharded.js <redis port>
const { createServer } = require("node:http");
const { Server } = require("socket.io");
const { io: connect } = require("socket.io-client");
const { createShardedAdapter } = require("@socket.io/redis-adapter");
const { createClient } = require("redis");

const redisPort = Number(process.argv[2]);
const redisUrl = `redis://127.0.0.1:${redisPort}`;
const vectors = [];
const delay = (ms) => new Promise((ok) => setTimeout(ok, ms));

async function server(mode) {
  const pub = createClient({ url: redisUrl });
  const sub = pub.duplicate();
  await Promise.all([pub.connect(), sub.connect()]);
  const httpServer = createServer();
  const io = new Server(httpServer, { adapter: createShardedAdapter(pub, sub, { subscriptionMode: mode }) });
  io.on("connection", (socket) => {
    const rooms = socket.handshake.query.room;
    if (rooms) {
      socket.join(rooms.split(","));
    }
    socket.on("ackme", (arg, ack) => ack(`ack-of-${arg}`));
  });
  io.on("ping-srv", (...args) => {
    const ack = args[args.length - 1];
    if (typeof ack === "function") {
      ack("pong");
    }
  });
  await new Promise((ok) => httpServer.listen(0, "127.0.0.1", ok));
  return { io, port: httpServer.address().port, close: async () => { io.close(); await Promise.all([pub.quit(), sub.quit()]); } };
}

async function client(port, room) {
  const socket = connect(`http://127.0.0.1:${port}`, { transports: ["websocket"], query: { room }, forceNew: true });
  socket.on("ackme", (arg, ack) => ack(`ack-of-${arg}`));
  await new Promise((ok) => socket.on("connect", ok));
  return socket;
}

async function capture(mode) {
  const a = await server(mode);
  const b = await server(mode);
  const clientA = await client(a.port, "room1");
  const clientB = await client(b.port, "room1,room2");
  await delay(200);
  const spy = createClient({ url: redisUrl });
  await spy.connect();
  let step = "setup";
  const seen = new Set();
  const channels = ["socket.io#/#", `socket.io#/#${a.io.of("/").adapter.uid}#`, `socket.io#/#${b.io.of("/").adapter.uid}#`,
    "socket.io#/#room1#", "socket.io#/#room2#", "socket.io#/#room9#", `socket.io#/#${clientA.id}#`, `socket.io#/#${clientB.id}#`];
  for (const channel of channels) {
    await spy.sSubscribe(channel, (message, from) => {
      const key = `${step}|${from}|${message.toString("hex")}`;
      if (!seen.has(key)) {
        seen.add(key);
        vectors.push({ id: `${mode}-${step}-${vectors.filter((v) => v.mode === mode && v.step === step).length}`,
          mode, step, channel: from.toString(), encoding: message[0] === 0x7b ? "json" : "msgpack",
          hex: message.toString("hex") });
      }
    }, true);
  }
  const nsp = a.io.of("/");
  const steps = [
    ["emit-all", () => nsp.emit("hello", "world", 1)],
    ["emit-one-room", () => nsp.to("room2").emit("msg", { a: 1 })],
    ["emit-rooms-except", () => nsp.to(["room1", "room2"]).except("room2").emit("msg", 2)],
    ["emit-socket-id", () => nsp.to(clientB.id).emit("direct", 1)],
    ["emit-binary", () => nsp.emit("bin", Buffer.from([1, 2, 3, 255]))],
    ["emit-volatile", () => nsp.volatile.emit("vol", 1)],
    ["fetchSockets", () => nsp.fetchSockets()],
    ["broadcast-ack", () => nsp.timeout(1000).emitWithAck("ackme", "q")],
    ["serverSideEmit", () => nsp.serverSideEmit("ping-srv", 1)],
    ["serverSideEmitWithAck", () => nsp.serverSideEmitWithAck("ping-srv", "x")],
    ["socketsJoin", () => nsp.in("room1").socketsJoin("room9")],
    ["socketsLeave", () => nsp.in("room1").socketsLeave("room9")],
    ["disconnectSockets", () => nsp.in(clientB.id).disconnectSockets(false)],
  ];
  for (const [name, operation] of steps) {
    step = name;
    // the spy counts as one more server (SHARDNUMSUB), so requests time out waiting for it: what was published counts
    await Promise.resolve(operation()).catch(() => {});
    await delay(300);
  }
  clientA.close();
  clientB.close();
  await spy.quit();
  await a.close();
  await b.close();
}

(async () => {
  for (const mode of ["static", "dynamic", "dynamic-private"]) {
    await capture(mode);
  }
  const version = (name) => require(`${name}/package.json`).version;
  console.log(JSON.stringify({
    captured_with: { node: process.version, packages: Object.fromEntries(
      ["socket.io", "socket.io-adapter", "@socket.io/redis-adapter", "redis", "notepack.io"].map((n) => [n, version(n)])) },
    vectors: vectors.map(({ step, ...vector }) => vector),
  }, null, 1));
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
