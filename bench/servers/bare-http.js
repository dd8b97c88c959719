// Baseline "bare node:http JSON route": the fastest a Node HTTP handler gets on this box.
const http = require('node:http');

const body = JSON.stringify({ ok: true });
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`bare-http listening on ${process.env.PORT}`));
