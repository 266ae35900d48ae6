/*
 * The viewers of bench:status, in their own process (as browsers would be):
 * N concurrent clients, each asking for a random entity's status in a loop.
 * Prints one JSON line: latencies summary and errors.
 */
import { Agent, get } from 'node:http';

const [base, namesJson, clientsArg, secondsArg] = process.argv.slice(2);
// node:http with keep-alive: a lighter client than fetch, since the viewers
// share the machine's two cores with the backend under test.
const agent = new Agent({ keepAlive: true, maxSockets: Number(clientsArg) });
function request(url) {
  return new Promise((resolve, reject) => {
    get(url, { agent }, res => {
      const chunks = [];
      res.on('data', chunk => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    }).on('error', reject);
  });
}
const names = JSON.parse(namesJson);
const clients = Number(clientsArg);
const seconds = Number(secondsArg);
const latencies = [];
let errors = 0;
const deadline = Date.now() + seconds * 1000;
await Promise.all(
  Array.from({ length: clients }, async (_, client) => {
    let i = client;
    while (Date.now() < deadline) {
      const name = names[(i * 104729) % names.length];
      i++;
      const started = performance.now();
      try {
        const { status, text } = await request(
          `${base}/entities/component/default/${name}/status`,
        );
        // A string check, not a parse: the viewers should cost as little as possible.
        if (status !== 200 || !text.includes('"errors":[]')) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - started);
    }
  }),
);
latencies.sort((a, b) => a - b);
const at = p =>
  latencies[
    Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))
  ];
process.stdout.write(
  `${JSON.stringify({
    requests: latencies.length,
    errors,
    p50: at(50),
    p90: at(90),
    p99: at(99),
    max: latencies[latencies.length - 1],
  })}\n`,
);
