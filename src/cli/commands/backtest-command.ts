export const backtestCommand = { command: 'backtest', describe: 'todo', handler: () => {} };
