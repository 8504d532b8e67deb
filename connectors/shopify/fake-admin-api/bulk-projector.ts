import { getNamedType, isLeafType, Kind, valueFromASTUntyped, type FieldNode, type GraphQLNamedType, type GraphQLObjectType, type GraphQLSchema, type SelectionSetNode } from 'graphql';
import type { Connection } from './connection';
import type { ExecContext } from './exec-context';
import { resolveField } from './resolve-field';

function fieldNodes(set: SelectionSetNode | undefined, schema: GraphQLSchema, type: GraphQLNamedType): FieldNode[] {
  const out: FieldNode[] = [];
  for (const s of set?.selections ?? []) {
    if (s.kind === Kind.FIELD) out.push(s);
    else if (s.kind === Kind.INLINE_FRAGMENT && (!s.typeCondition || s.typeCondition.name.value === type.name)) out.push(...fieldNodes(s.selectionSet, schema, type));
  }
  return out;
}

/** The selection inside `edges { node { … } }` or `nodes { … }` of a connection field. */
export function nodeSelection(field: FieldNode): SelectionSetNode | undefined {
  for (const s of field.selectionSet?.selections ?? []) {
    if (s.kind !== Kind.FIELD) continue;
    if (s.name.value === 'nodes') return s.selectionSet;
    if (s.name.value === 'edges') {
      const node = s.selectionSet?.selections.find((x) => x.kind === Kind.FIELD && x.name.value === 'node');
      if (node && node.kind === Kind.FIELD) return node.selectionSet;
    }
  }
  return undefined;
}

/**
 * Writes one record and its nested connection children as JSONL lines, the way bulk operations do:
 * the parent first, then each child with `__parentId` set to the parent's id.
 */
export function projectBulk(
  ctx: ExecContext,
  schema: GraphQLSchema,
  set: SelectionSetNode | undefined,
  type: GraphQLObjectType,
  source: unknown,
  parentId: string | null,
  lines: string[],
): void {
  const obj: Record<string, unknown> = {};
  const children: Array<{ set: SelectionSetNode | undefined; type: GraphQLObjectType; items: unknown[] }> = [];
  for (const f of fieldNodes(set, schema, type)) {
    const key = f.alias?.value ?? f.name.value;
    if (f.name.value === '__typename') {
      obj[key] = type.name;
      continue;
    }
    const def = type.getFields()[f.name.value];
    if (!def) continue;
    const args: Record<string, unknown> = {};
    for (const a of f.arguments ?? []) args[a.name.value] = valueFromASTUntyped(a.value);
    const named = getNamedType(def.type);
    const value = resolveField(type.name, source, f.name.value, args, ctx);
    if (named.name.endsWith('Connection')) {
      const nodeType = getNamedType(named instanceof Object && 'getFields' in named ? (named as GraphQLObjectType).getFields().nodes!.type : def.type) as GraphQLObjectType;
      children.push({ set: nodeSelection(f), type: nodeType, items: (value as Connection<unknown>).nodes });
    } else obj[key] = plain(ctx, schema, f, named, value);
  }
  if (parentId !== null) obj.__parentId = parentId;
  lines.push(JSON.stringify(obj));
  for (const c of children) for (const item of c.items) projectBulk(ctx, schema, c.set, c.type, item, (obj.id as string | undefined) ?? (source as { id: string }).id, lines);
}

function plain(ctx: ExecContext, schema: GraphQLSchema, f: FieldNode, named: GraphQLNamedType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (isLeafType(named)) return value;
  if (Array.isArray(value)) return value.map((v) => plain(ctx, schema, f, named, v));
  const type = named as GraphQLObjectType;
  const obj: Record<string, unknown> = {};
  for (const sub of fieldNodes(f.selectionSet, schema, type)) {
    const def = type.getFields()[sub.name.value];
    if (!def) continue;
    const args: Record<string, unknown> = {};
    for (const a of sub.arguments ?? []) args[a.name.value] = valueFromASTUntyped(a.value);
    obj[sub.alias?.value ?? sub.name.value] = plain(ctx, schema, sub, getNamedType(def.type), resolveField(type.name, value, sub.name.value, args, ctx));
  }
  return obj;
}
