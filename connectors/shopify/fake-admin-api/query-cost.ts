import {
  getNamedType,
  isLeafType,
  isObjectType,
  isInterfaceType,
  Kind,
  valueFromASTUntyped,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

type Data = Record<string, unknown> | null | undefined;
const MUTATION_COST = 10;

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

function fieldsOf(type: GraphQLNamedType) {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields() : {};
}

/**
 * Shopify's calculated cost: scalars 0, objects 1, connections 2 plus page size times the cost of one node.
 * Without `data` it is the requested (worst-case) cost; with the result it is the actual cost.
 */
function selectionCost(w: Walk, set: SelectionSetNode | undefined, type: GraphQLNamedType, data: Data, actual: boolean): number {
  if (!set) return 0;
  let cost = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.INLINE_FRAGMENT) {
      const t = sel.typeCondition ? w.schema.getType(sel.typeCondition.name.value) : type;
      if (t) cost += selectionCost(w, sel.selectionSet, t, data, actual);
      continue;
    }
    if (sel.kind === Kind.FRAGMENT_SPREAD) {
      const frag = w.fragments[sel.name.value];
      const t = frag && w.schema.getType(frag.typeCondition.name.value);
      if (frag && t) cost += selectionCost(w, frag.selectionSet, t, data, actual);
      continue;
    }
    const def = fieldsOf(type)[sel.name.value];
    if (!def) continue;
    const named = getNamedType(def.type);
    if (isLeafType(named)) continue;
    const value = actual ? (data?.[sel.alias?.value ?? sel.name.value] as Data) : undefined;
    if (named.name.endsWith('Connection')) {
      const nodeType = getNamedType(fieldsOf(named).nodes!.type);
      const args: Record<string, unknown> = {};
      for (const a of sel.arguments ?? []) args[a.name.value] = valueFromASTUntyped(a.value, w.variables);
      const perNode = (node: Data): number => {
        let best = 0;
        for (const inner of sel.selectionSet?.selections ?? []) {
          if (inner.kind !== Kind.FIELD) continue;
          const sub = inner.name.value === 'nodes' ? inner.selectionSet : inner.name.value === 'edges' ? inner.selectionSet?.selections.find((s) => s.kind === Kind.FIELD && s.name.value === 'node') : undefined;
          const subSet = sub && 'selectionSet' in sub ? sub.selectionSet : (sub as SelectionSetNode | undefined);
          if (subSet) best = Math.max(best, 1 + selectionCost(w, subSet, nodeType, node, actual));
        }
        return best;
      };
      if (!actual) cost += 2 + Number(args.first ?? args.last ?? 1) * perNode(undefined);
      else {
        const v = value as { nodes?: Data[]; edges?: Array<{ node: Data }> } | null | undefined;
        const nodes = v?.nodes ?? v?.edges?.map((e) => e.node) ?? [];
        cost += 2 + nodes.reduce((s: number, n) => s + perNode(n), 0);
      }
      continue;
    }
    const first = Array.isArray(value) ? (value[0] as Data) : value;
    cost += 1 + selectionCost(w, sel.selectionSet, named, first, actual);
  }
  return cost;
}

/** Requested and (once `data` is known) actual cost of an operation. */
export function queryCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  data?: Data,
): number {
  if (operation.operation === 'mutation') return MUTATION_COST * operation.selectionSet.selections.length;
  const root = schema.getQueryType()!;
  return selectionCost({ schema, fragments, variables }, operation.selectionSet, root, data, data !== undefined);
}
