// A legacy runtime written the way Node services with a live lane commonly are: plain HTTP routes
// plus an 'upgrade' listener for WebSockets (as servers on the `ws` package have). Any request
// carrying an Upgrade header -- the JDK client's HTTP/2 `Upgrade: h2c` offer included -- is taken
// for a WebSocket handshake and, on a path without a socket, refused with 404.
//
// LEGACY_RUNTIME_WRITE_FREEZE (1|true|yes|on) freezes every POST/PUT/PATCH/DELETE with
// 410 {"error":{"code":"write_path_frozen",...}}; with `leaky` as first argument the service
// reports the freeze but still applies writes (201), the defect a freeze check must catch.
// Node built-ins only. Prints {"port":N} on its first stdout line, exits when stdin closes.
'use strict';
const http = require('http');

const frozen = /^(1|true|yes|on)$/i.test(process.env.LEGACY_RUNTIME_WRITE_FREEZE || '');
const leaky = process.argv[2] === 'leaky';
const runs = [];

function json(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    if (req.method === 'GET' && url.pathname === '/healthz') {
      return json(res, 200, { status: 'ok', legacy_write_freeze: frozen });
    }
    if (req.method === 'GET' && url.pathname === '/api/v1/runs') {
      return json(res, 200, { runs });
    }
    if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method) && url.pathname.startsWith('/api/v1/runs')) {
      if (frozen && !leaky) {
        return json(res, 410, { error: { code: 'write_path_frozen', message: 'legacy runtime writes are frozen' } });
      }
      runs.push({ method: req.method, path: url.pathname, body: Buffer.concat(chunks).toString('utf8') });
      return json(res, 201, { accepted: true });
    }
    return json(res, 404, { error: { code: 'not_found', message: 'no route ' + req.method + ' ' + url.pathname } });
  });
});

server.on('upgrade', (req, socket) => {
  // the live lane is /live; there is no socket anywhere else, so the handshake is refused
  socket.end('HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 10\r\nConnection: close\r\n\r\nnot found\n');
});

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n');
});

process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();
