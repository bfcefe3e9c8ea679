import { renderOptionTable } from './option-table-markdown';

/** Prints the README options table: `node dist/options/print-option-table.js`. */
process.stdout.write(`${renderOptionTable()}\n`);
