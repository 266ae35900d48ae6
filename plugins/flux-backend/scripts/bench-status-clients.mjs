/*
 * The viewers of bench:status, in their own process (as browsers would be):
 * N concurrent clients, each asking for a random entity's status in a loop.
 * Prints one JSON line: latencies summary and errors.
 */
const [base, namesJson, clientsArg, secondsArg] = process.argv.slice(2);
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
        const res = await fetch(
          `${base}/entities/component/default/${name}/status`,
        );
        // A string check, not a parse: the viewers share the machine's two
        // cores with the backend, so they should cost as little as possible.
        const text = await res.text();
        if (res.status !== 200 || !text.includes('"errors":[]')) errors++;
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
