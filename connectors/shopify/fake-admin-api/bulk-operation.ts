import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { getNamedType, Kind, parse, validate, valueFromASTUntyped, type FieldNode, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import type { Order } from '../demo-store';
import { nodeSelection, projectBulk } from './bulk-projector';
import type { ExecContext } from './exec-context';
import { QUERY_ROOT } from './root-resolvers';
import { ORDER_FIELDS } from './search-fields';
import { parseSearch, searchPredicate } from './search-query';
import type { BulkOperationRecord } from './types';

/** What a bulk run needs from the server. */
export interface BulkDeps {
  schema: GraphQLSchema;
  dir: string;
  minRunMs: number;
  /** Called when the operation finishes (the server sends `bulk_operations/finish`). */
  onFinish: (op: BulkOperationRecord) => void;
}

const ROOTS = new Set(['orders', 'customers', 'products']);
const CHUNK = 1 << 18;

function countConnectionDepth(schema: GraphQLSchema, field: FieldNode, type: GraphQLObjectType, depth: number): number {
  let max = depth;
  const sel = nodeSelection(field);
  const nodeType = getNamedType(type.getFields()[field.name.value]!.type) as GraphQLObjectType;
  const inner = getNamedType(nodeType.getFields().nodes!.type) as GraphQLObjectType;
  for (const s of sel?.selections ?? []) {
    if (s.kind !== Kind.FIELD) continue;
    const def = inner.getFields()[s.name.value];
    if (def && getNamedType(def.type).name.endsWith('Connection')) max = Math.max(max, countConnectionDepth(schema, s, inner, depth + 1));
  }
  return max;
}

/** Checks a bulk query as Shopify does; returns the problem or the root field. */
function check(schema: GraphQLSchema, query: string): string | FieldNode {
  let doc;
  try {
    doc = parse(query);
  } catch (e) {
    return `Invalid bulk query: ${(e as Error).message}`;
  }
  const errors = validate(schema, doc);
  if (errors.length) return `Invalid bulk query: ${errors[0]!.message}`;
  const op = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!op || op.kind !== Kind.OPERATION_DEFINITION || op.operation !== 'query') return 'Bulk queries must be a query operation.';
  const fields = op.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
  const root = fields[0];
  if (fields.length !== 1 || !root || !ROOTS.has(root.name.value)) return 'Bulk queries must contain exactly one top-level connection: orders, customers or products.';
  if (countConnectionDepth(schema, root, schema.getQueryType()!, 1) > 3) return 'Bulk queries cannot contain connections with a nesting depth greater than 2.';
  return root;
}

/** Starts `bulkOperationRunQuery`: answers at once with status CREATED and writes the JSONL in the background. */
export function startBulkOperation(ctx: ExecContext, deps: BulkDeps, query: string) {
  const running = ctx.state.bulkOperations.find((b) => b.status === 'CREATED' || b.status === 'RUNNING');
  if (running) return { bulkOperation: null, userErrors: [{ field: ['query'], message: `A bulk query operation for this app and shop is already in progress: ${running.id}.`, code: 'OPERATION_IN_PROGRESS' }] };
  const root = check(deps.schema, query);
  if (typeof root === 'string') return { bulkOperation: null, userErrors: [{ field: ['query'], message: root, code: 'INVALID' }] };
  const n = ctx.state.bulkOperations.length + 1;
  const id = `gid://shopify/BulkOperation/${720_000_000 + n}`;
  const op: BulkOperationRecord = {
    id, status: 'CREATED', errorCode: null, createdAt: new Date(ctx.now()).toISOString(), completedAt: null,
    objectCount: '0', rootObjectCount: '0', fileSize: null, url: null, partialDataUrl: null, query, type: 'QUERY',
    filePath: join(deps.dir, `${ctx.state.shop.myshopifyDomain}-${720_000_000 + n}.jsonl`),
  };
  ctx.state.bulkOperations.push(op);
  ctx.state.writes.push({ mutation: 'bulkOperationRunQuery', at: op.createdAt, input: { query }, userErrors: [] });
  setImmediate(() => {
    run({ ...ctx, bulk: true }, deps, op, root).catch(() => {
      op.status = 'FAILED';
      op.errorCode = 'INTERNAL_SERVER_ERROR';
      op.completedAt = new Date(ctx.now()).toISOString();
      deps.onFinish(op);
    });
  });
  return { bulkOperation: op, userErrors: [] };
}

function rootItems(ctx: ExecContext, root: FieldNode): Iterable<unknown> {
  const args: Record<string, unknown> = {};
  for (const a of root.arguments ?? []) args[a.name.value] = valueFromASTUntyped(a.value);
  if (root.name.value === 'orders' && (!args.sortKey || args.sortKey === 'ID') && !args.reverse) {
    // Stream orders straight from the store so a million of them never sit in memory.
    const keep = searchPredicate<Order>(parseSearch(args.query as string | undefined), ORDER_FIELDS);
    return (function* () {
      for (const o of ctx.state.orders()) if (keep(o)) yield o;
    })();
  }
  return (QUERY_ROOT[root.name.value]!(args, ctx) as { nodes: unknown[] }).nodes;
}

async function run(ctx: ExecContext, deps: BulkDeps, op: BulkOperationRecord, root: FieldNode): Promise<void> {
  const started = Date.now();
  op.status = 'RUNNING';
  const out = createWriteStream(op.filePath);
  const rootType = getNamedType(getNamedType(deps.schema.getQueryType()!.getFields()[root.name.value]!.type) as GraphQLObjectType) as GraphQLObjectType;
  const nodeType = getNamedType(rootType.getFields().nodes!.type) as GraphQLObjectType;
  const sel = nodeSelection(root);
  let lines: string[] = [];
  let size = 0;
  let objects = 0;
  let roots = 0;
  for (const item of rootItems(ctx, root)) {
    projectBulk(ctx, deps.schema, sel, nodeType, item, null, lines);
    roots++;
    if (lines.length >= 512) {
      objects += lines.length;
      const chunk = lines.join('\n') + '\n';
      size += chunk.length;
      lines = [];
      if (!out.write(chunk)) await once(out, 'drain');
      op.objectCount = String(objects);
      op.rootObjectCount = String(roots);
      if (size > CHUNK) await new Promise((r) => setImmediate(r));
    }
  }
  if (lines.length) {
    objects += lines.length;
    out.write(lines.join('\n') + '\n');
  }
  out.end();
  await once(out, 'finish');
  const wait = deps.minRunMs - (Date.now() - started);
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  op.objectCount = String(objects);
  op.rootObjectCount = String(roots);
  op.fileSize = String((await stat(op.filePath)).size);
  op.url = objects > 0 ? `${ctx.baseUrl}/bulk/${encodeURIComponent(op.filePath.split('/').pop()!)}` : null;
  op.status = 'COMPLETED';
  op.completedAt = new Date(ctx.now()).toISOString();
  deps.onFinish(op);
}
