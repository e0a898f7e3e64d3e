/** CSV tables and their Frictionless field types, derived from the record schema. */
import { recordSchema, type CoalitionRecord, type Span } from '../schema/record.js';

/** A column: its name, Frictionless type, and how to read its cell from a row object. */
export interface Column {
  name: string;
  type: 'string' | 'integer' | 'number';
  cell: (row: Record<string, unknown>) => string | number | null;
}

/** One CSV table. */
export interface Table {
  file: string;
  description: string;
  columns: Column[];
  rows: (records: CoalitionRecord[]) => Record<string, unknown>[];
}

type SchemaNode = { type?: string | readonly string[]; enum?: readonly unknown[]; anyOf?: readonly SchemaNode[]; properties?: Record<string, SchemaNode>; items?: SchemaNode };

/** Joins list cells; `; ` is what Excel users expect inside a cell. */
export const LIST_SEPARATOR = '; ';

/** `municipalitiesMentioned` → `municipalities_mentioned`. */
export function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function kindOf(node: SchemaNode): 'scalar' | 'object' | 'list' | 'objects' {
  const options = node.anyOf ?? [node];
  const concrete = options.find((o) => o.type !== 'null') ?? node;
  if (concrete.properties) return 'object';
  const type = Array.isArray(concrete.type) ? concrete.type.find((t) => t !== 'null') : concrete.type;
  if (type === 'array') return concrete.items?.properties ? 'objects' : 'list';
  return 'scalar';
}

function typeOf(node: SchemaNode): Column['type'] {
  const types = [node.type ?? []].flat();
  if (types.includes('integer')) return 'integer';
  if (types.includes('number')) return 'number';
  return 'string';
}

function scalar(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.join(LIST_SEPARATOR);
  return value as string | number;
}

/** Columns for the properties of an object schema; a nested object is flattened with a prefix. */
function columnsFor(properties: Record<string, SchemaNode>, prefix = ''): Column[] {
  const columns: Column[] = [];
  for (const [key, node] of Object.entries(properties)) {
    const name = `${prefix}${snake(key)}`;
    const get = (row: Record<string, unknown>) => row[key];
    if (key === 'span' || key === 'spans') {
      if (key === 'span') columns.push(...spanColumns((row) => row.span as Span | undefined));
      continue;
    }
    const kind = kindOf(node);
    if (kind === 'object') {
      const inner = (node.anyOf?.find((o) => o.properties) ?? node).properties!;
      for (const column of columnsFor(inner, `${name}_`)) {
        columns.push({ ...column, cell: (row) => (get(row) ? column.cell(get(row) as Record<string, unknown>) : null) });
      }
    } else if (kind === 'objects') {
      columns.push({ name: `${name}_count`, type: 'integer', cell: (row) => (get(row) as unknown[]).length });
    } else if (kind === 'list') {
      columns.push({ name, type: 'string', cell: (row) => scalar(get(row)) });
    } else {
      columns.push({ name, type: typeOf(node), cell: (row) => scalar(get(row)) });
    }
  }
  return columns;
}

function spanColumns(get: (row: Record<string, unknown>) => Span | undefined): Column[] {
  return [
    { name: 'line', type: 'integer', cell: (row) => get(row)?.start.line ?? null },
    { name: 'column', type: 'integer', cell: (row) => get(row)?.start.column ?? null },
    { name: 'end_line', type: 'integer', cell: (row) => get(row)?.end.line ?? null },
    { name: 'end_column', type: 'integer', cell: (row) => get(row)?.end.column ?? null },
  ];
}

const properties = recordSchema.properties as unknown as Record<string, SchemaNode>;

/** The item tables of SPEC §4, one row per item, first column coalition_id. */
const itemFields = ['organizations', 'goals', 'targets', 'activities', 'contacts', 'people', 'sections', 'warnings'] as const;

/** Every CSV table of the dataset, in file order. */
export const tables: Table[] = [
  {
    file: 'coalitions.csv',
    description: 'One row per record: scalars, counts of list items, and joined lists.',
    columns: columnsFor(properties),
    rows: (records) => records as unknown as Record<string, unknown>[],
  },
  ...itemFields.map((field): Table => {
    const itemProps = properties[field]!.items!.properties!;
    return {
      file: `${field}.csv`,
      description: `One row per item of \`${field}\` of each record.`,
      columns: [
        { name: 'coalition_id', type: 'string', cell: (row) => row.coalition_id as string },
        { name: 'index', type: 'integer', cell: (row) => row.index as number },
        ...columnsFor(itemProps),
      ],
      rows: (records) =>
        records.flatMap((record) =>
          (record[field] as unknown as Record<string, unknown>[]).map((item, i) => ({ ...item, coalition_id: record.id, index: i + 1 })),
        ),
    };
  }),
];
