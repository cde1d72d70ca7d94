// The discrete-event engine: knows nothing of radiology.
export * from './capacity-calendar.js';
export * from './distributions.js';
export * from './errors.js';
export * from './event-calendar.js';
export * from './period-series.js';
export * from './poisson-arrivals.js';
export * from './quantile-sketch.js';
export * from './random-stream.js';
export * from './server-pool.js';
export * from './simulation.js';
export * from './tally.js';
export * from './time-units.js';
export * from './time-weighted.js';
export * from './typed-arrays.js';
export * from './waiting-line.js';
