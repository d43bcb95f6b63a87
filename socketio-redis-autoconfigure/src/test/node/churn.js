// Connection churn for the channel multiplexing tests: opens <cycles> Socket.IO connections to a server, <concurrency>
// at a time; each joins a room of its own (the test servers join the rooms of the `room` query) and disconnects as
// soon as it is connected. Prints one JSON line when done: {"cycles", "failed", "ms"}.
const { io } = require("socket.io-client");

const [port, cycles, concurrency] = process.argv.slice(2).map(Number);
let started = 0;
let finished = 0;
let failed = 0;
const start = Date.now();

function cycle() {
  if (started >= cycles) {
    return;
  }
  const n = started++;
  const socket = io(`http://127.0.0.1:${port}`, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    query: { room: `churn-${n}` },
  });
  let done = false;
  const finish = (ok) => {
    if (done) {
      return;
    }
    done = true;
    failed += ok ? 0 : 1;
    finished++;
    if (finished === cycles) {
      console.log(JSON.stringify({ cycles: finished, failed, ms: Date.now() - start }));
      process.exit(0);
    }
    cycle();
  };
  socket.on("connect", () => socket.disconnect());
  socket.on("disconnect", () => finish(true));
  socket.on("connect_error", () => {
    socket.close();
    finish(false);
  });
}

for (let i = 0; i < concurrency; i++) {
  cycle();
}
