// A Node HTTP server that handles WebSockets the common way (an 'upgrade' listener, as servers
// built on the `ws` package do): any request carrying an Upgrade header is taken for a WebSocket
// handshake, and one for a path without a socket is refused with 404 — including the JDK client's
// HTTP/2 `Upgrade: h2c` offer. A plain HTTP/1.1 GET of /sync/stream gets 200 text/event-stream.
// Node built-ins only. Prints {"port":N} on its first stdout line, exits when stdin closes.
'use strict';
const http = require('http');

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  switch (url.pathname) {
    case '/sync/stream':
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
      res.write(': connected\n\n');
      // An event stream stays open: the prober must end the exchange itself.
      return;
    case '/echo': {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({
          method: req.method,
          httpVersion: req.httpVersion,
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }));
      });
      return;
    }
    default:
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('no route ' + url.pathname + '\n');
  }
});

server.on('upgrade', (req, socket) => {
  // No WebSocket endpoint here: refuse the handshake the way `ws` servers commonly do.
  socket.end('HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 10\r\nConnection: close\r\n\r\nnot found\n');
});

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n');
});

// The test owns this process: when it closes our stdin (or dies), we stop.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();
