// Node's reference server of the benchmark: socket.io 4.8 clustered by @socket.io/redis-adapter 8.3 on node-redis,
// doing what the sample app does for the benchmark:
//   - a client joins the room of its `room` handshake query;
//   - event `bcast` (an object with a `room`) is broadcast as `msg`, unchanged, to that room on every server;
//   - event `echo` is acknowledged with its argument.
// Environment: PORT (required), HOST (127.0.0.1), REDIS_HOST (127.0.0.1), REDIS_PORT (6379), SERVER_ID.
"use strict";

const { createServer } = require("node:http");
const { Server } = require("socket.io");
const { createAdapter } = require("@socket.io/redis-adapter");
const { createClient } = require("redis");

async function main() {
  const pub = createClient({ url: `redis://${process.env.REDIS_HOST || "127.0.0.1"}:${process.env.REDIS_PORT || 6379}` });
  const sub = pub.duplicate();
  for (const client of [pub, sub]) {
    client.on("error", (err) => console.error(`redis: ${err}`));
  }
  await Promise.all([pub.connect(), sub.connect()]);

  const httpServer = createServer();
  const io = new Server(httpServer, { adapter: createAdapter(pub, sub) });
  io.on("connection", (socket) => {
    const room = socket.handshake.query.room;
    if (typeof room === "string" && room !== "") {
      socket.join(room);
    }
    socket.on("bcast", (payload) => {
      if (payload && typeof payload.room === "string") {
        io.to(payload.room).emit("msg", payload);
      }
    });
    socket.on("echo", (payload, ack) => {
      if (typeof ack === "function") {
        ack(payload);
      }
    });
  });
  // listen only once subscribed to Redis (the adapter does not say when: Redis counts its last subscription), as the
  // driver takes an answered handshake for "ready"
  const lastChannel = `socket.io-response#/#${io.of("/").adapter.uid}#`;
  while ((await pub.pubSubNumSub(lastChannel))[lastChannel] < 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  httpServer.listen(Number(process.env.PORT), process.env.HOST || "127.0.0.1");
  process.on("SIGTERM", () => {
    io.close();
    Promise.allSettled([pub.quit(), sub.quit()]).then(() => process.exit(0));
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
