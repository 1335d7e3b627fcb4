// The reference for the benchmark: a bare socket.io server with the same join and answer
// protocol as Candor, keeping the tally in memory and storing nothing.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { Server } from 'socket.io';

const seats = new Set();
const answers = new Map();
const SCREEN_TOKEN = 'bare-screen-token-0000';

const httpServer = http.createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/api/join') {
    req.resume();
    req.on('end', () => {
      const token = randomBytes(24).toString('base64url');
      seats.add(token);
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ sessionId: 'bare', token }));
    });
    return;
  }
  if (req.url === '/tally') {
    const counts = { yes: 0, maybe: 0, no: 0 };
    for (const v of answers.values()) counts[v.items.hugs] += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(counts));
    return;
  }
  res.writeHead(404).end();
});

const io = new Server(httpServer, { transports: ['websocket'], serveClient: false, maxHttpBufferSize: 64 * 1024 });
io.use((socket, next) => {
  const { role, token } = socket.handshake.auth ?? {};
  if (role === 'screen' && token === SCREEN_TOKEN) return next();
  if (role === 'participant' && seats.has(token)) return next();
  next(new Error('UNAUTHENTICATED'));
});

let progressTimer;
const scheduleProgress = () => {
  progressTimer ??= setTimeout(() => {
    progressTimer = undefined;
    io.to('screens').emit('progress:updated', { answered: answers.size });
  }, 250);
};

io.on('connection', (socket) => {
  const { role, token } = socket.handshake.auth;
  if (role === 'screen') socket.join('screens');
  socket.on('answer:submit', (payload, ack) => {
    if (typeof ack !== 'function' || !payload || typeof payload.clientId !== 'string') return;
    answers.set(token, payload.value);
    scheduleProgress();
    ack({ ok: true, data: { promptId: payload.promptId, clientId: payload.clientId, duplicate: false } });
  });
});

httpServer.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`bare listening on http://localhost:${httpServer.address().port}`);
});
