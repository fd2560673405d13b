import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { ReadConnection } from './sqlite.ts';
import type { Database } from './schema.ts';

/**
 * Hot reads (the article page, section fronts, the nav) compiled once and re-run with new values.
 *
 * Kysely builds an immutable query tree and compiles it to SQL on every call; on the article page that cost
 * more than SQLite's own work. Here the query is built once with named placeholders standing in for the
 * values, compiled once for the dialect, and each call only swaps the placeholders for the arguments. The SQL
 * text is then identical on every call, so the driver's statement cache (see sqlite.ts) prepares it once.
 */
class Placeholder {
  constructor(readonly name: string) {}
}

/** Stands for the argument `name` while the query is built; typed as the value it stands for. */
export type Param<Args> = <K extends keyof Args & string>(name: K) => Args[K];

/**
 * With `reader`, the query runs on that read connection instead of through Kysely; a repository bound to a
 * transaction passes none, so it reads its own writes.
 */
export function preparedQuery<Args extends Record<string, unknown>, Row>(
  db: Kysely<Database>,
  build: (param: Param<Args>) => Compilable<Row>,
  reader?: ReadConnection | null,
): (args: Args) => Promise<Row[]> {
  let compiled: CompiledQuery<Row> | undefined;
  let bind: Array<(args: Args) => unknown> = [];
  return async (args) => {
    if (!compiled) {
      compiled = build(((name) => new Placeholder(name)) as Param<Args>).compile();
      bind = compiled.parameters.map((value) =>
        value instanceof Placeholder ? (a: Args) => a[value.name] : () => value,
      );
    }
    const parameters = bind.map((valueOf) => valueOf(args));
    if (reader) return reader.all(compiled.sql, parameters) as Row[];
    const result = await db.executeQuery<Row>({ ...compiled, parameters });
    return result.rows;
  };
}
