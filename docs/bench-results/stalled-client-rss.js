// RSS of one sample node while 51 200 x 1 KiB broadcasts go to a room: a socket.io reader keeps up; with "stall",
// a websocket client in the same room stops reading (its TCP receive window fills up).
// Usage: node stalled-client-rss.js <node port> <node pid> stall|none
// (socket.io-client from the benchmark's packages: (cd sample-app/bench && npm ci) first)
const { io } = require(require('path').join(__dirname, '../../sample-app/bench/node_modules/socket.io-client'));
const { execSync } = require('child_process');
const [port, pid, mode] = [process.argv[2], process.argv[3], process.argv[4]];
const rss = () => Number(execSync(`ps -o rss= -p ${pid}`).toString().trim()) / 1024;
const url = `http://127.0.0.1:${port}`;
const TOTAL = 51200, BATCH = 1024, pad = 'x'.repeat(1024);
(async () => {
  let stalled;
  if (mode === 'stall') {
    // a websocket by hand on a raw TCP socket, so that nothing resumes reading: upgrade, CONNECT "/", then never read
    stalled = require('net').connect(Number(port), '127.0.0.1');
    await new Promise((ok) => stalled.on('connect', ok));
    stalled.write(`GET /socket.io/?EIO=4&transport=websocket&room=r HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n`
      + `Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`);
    await new Promise((ok) => stalled.once('data', ok));
    const mask = [1, 2, 3, 4];
    stalled.write(Buffer.from([0x81, 0x82, ...mask, '4'.charCodeAt(0) ^ mask[0], '0'.charCodeAt(0) ^ mask[1]]));
    await new Promise((ok) => setTimeout(ok, 300));
    stalled.pause();
    stalled.on('close', () => console.log(`stalled client closed by the server at ${received} received`));
  }
  const reader = io(url, { transports: ['websocket'], query: { room: 'r' } });
  const publisher = io(url, { transports: ['websocket'] });
  let received = 0;
  reader.on('msg', () => received++);
  await Promise.all([reader, publisher].map((s) => new Promise((ok) => s.on('connect', ok))));
  await new Promise((ok) => setTimeout(ok, 500));
  const before = rss();
  let peak = before;
  for (let sent = 0; sent < TOTAL;) {
    for (let i = 0; i < BATCH; i++, sent++) publisher.emit('bcast', { room: 'r', pub: 0, seq: sent, ts: Date.now() * 1000, pad });
    while (received < sent) { await new Promise((ok) => setTimeout(ok, 20)); }
    peak = Math.max(peak, rss());
  }
  await new Promise((ok) => setTimeout(ok, 2000));
  console.log(JSON.stringify({ mode, received, rssBeforeMiB: before.toFixed(1), rssPeakMiB: peak.toFixed(1), rssAfterMiB: rss().toFixed(1), growthPeakMiB: (peak - before).toFixed(1) }));
  process.exit(0);
})();
