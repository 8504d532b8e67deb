import type { GraphQLError} from 'graphql';
import { execute, Kind, parse, validate, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { ExecContext } from './exec-context';
import { MUTATION_ROOT } from './mutations';
import { queryCost } from './query-cost';
import { resolveField } from './resolve-field';
import { QUERY_ROOT } from './root-resolvers';

/** An answer: HTTP status and JSON body. */
export interface GraphqlAnswer {
  status: number;
  body: unknown;
}

function typeOf(value: unknown): string | undefined {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? /^gid:\/\/shopify\/([A-Za-z]+)\//.exec(id)?.[1] : undefined;
}

function fieldResolver(source: unknown, args: Record<string, unknown>, ctx: ExecContext, info: { parentType: { name: string }; fieldName: string }): unknown {
  const parent = info.parentType.name;
  if (parent === 'QueryRoot') return QUERY_ROOT[info.fieldName]!(args, ctx);
  if (parent === 'Mutation') return MUTATION_ROOT[info.fieldName]!(args, ctx);
  return resolveField(parent, source, info.fieldName, args, ctx);
}

const errorsOf = (errors: readonly GraphQLError[]) => errors.map((e) => e.toJSON());

/** Runs one Admin GraphQL request against a shop, charging its cost bucket the way Shopify does. */
export async function handleGraphql(schema: GraphQLSchema, ctx: ExecContext, body: unknown, maxSingleQueryCost: number): Promise<GraphqlAnswer> {
  const req = body as { query?: unknown; variables?: unknown; operationName?: unknown } | null;
  if (!req || typeof req.query !== 'string' || req.query.trim() === '') return { status: 400, body: { errors: { query: 'Required parameter missing or invalid' } } };
  let doc: DocumentNode;
  try {
    doc = parse(req.query);
  } catch (e) {
    return { status: 200, body: { errors: errorsOf([e as GraphQLError]) } };
  }
  const invalid = validate(schema, doc);
  if (invalid.length) return { status: 200, body: { errors: errorsOf(invalid) } };
  const variables = (req.variables && typeof req.variables === 'object' ? req.variables : {}) as Record<string, unknown>;
  const opName = typeof req.operationName === 'string' ? req.operationName : undefined;
  const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const op = opName ? ops.find((o) => o.name?.value === opName) : ops[0];
  if (!op) return { status: 200, body: { errors: [{ message: `No operation named "${opName ?? ''}"` }] } };
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;

  const requested = queryCost(schema, op, fragments, variables);
  const cost = (actual: number | null) => ({ requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: ctx.state.bucket.status() });
  if (requested > maxSingleQueryCost) {
    return { status: 200, body: { errors: [{ message: `Query cost is ${requested}, which exceeds the single query max cost limit (${maxSingleQueryCost}).`, extensions: { code: 'MAX_COST_EXCEEDED', cost: requested, maxCost: maxSingleQueryCost } }], extensions: { cost: cost(null) } } };
  }
  if (!ctx.state.bucket.take(requested)) {
    return { status: 200, body: { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }], extensions: { cost: cost(null) } } };
  }
  const result = await execute({ schema, document: doc, contextValue: ctx, variableValues: variables, operationName: opName, fieldResolver: fieldResolver as never, typeResolver: typeOf as never });
  const actual = queryCost(schema, op, fragments, variables, (result.data ?? {}) as Record<string, unknown>);
  ctx.state.bucket.refund(requested - actual);
  const extensions: Record<string, unknown> = { cost: cost(actual) };
  if (ctx.searchWarnings.length) extensions.search = [{ warnings: ctx.searchWarnings.map((message) => ({ message })) }];
  const out: Record<string, unknown> = {};
  if (result.errors?.length) out.errors = errorsOf(result.errors);
  out.data = result.data ?? null;
  out.extensions = extensions;
  return { status: 200, body: out };
}
