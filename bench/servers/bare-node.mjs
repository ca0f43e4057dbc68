// Baseline for cold start: a bare node HTTP server, from spawn to listening.
import { createServer } from 'node:http';

const server = createServer((_req, res) => res.writeHead(404).end());
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\n'));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
