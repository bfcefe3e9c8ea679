import { OPTION_TABLE, type OptionSpec } from './option-table';

const ORIGIN: Record<OptionSpec['origin'], string> = { awslogs: 'awslogs', ecs: 'ECS', docker: 'Docker', extension: 'ours' };

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** The README's options table, rendered from OPTION_TABLE (a unit test keeps the README equal to this). */
export function renderOptionTable(): string {
  const rows = OPTION_TABLE.map(
    (o) => `| \`${o.name}\` | ${ORIGIN[o.origin]} | ${o.default === null ? '–' : cell(o.default)} | ${cell(o.description)} | \`${cell(o.example)}\` |`,
  );
  return ['| Option | From | Default | Meaning | Example |', '|---|---|---|---|---|', ...rows].join('\n');
}
