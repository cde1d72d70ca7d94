import { Exponential } from '../src/engine/index.js';
import { QueueModel } from '../tests/support/queue-model.js';

for (let i = 0; i < 3; i++) {
  const m = new QueueModel({
    classes: [{ rate: 9, service: new Exponential(1) }],
    servers: 10,
    discipline: 'fifo',
    customers: 1_000_000,
    seed: 1,
  });
  const t0 = Date.now();
  m.run();
  console.log(Date.now() - t0);
}
