import { ValidationError } from '../../core/errors';
import { decodeInt8Matrix, encodeInt8Matrix } from './int8-codec';
import type { IntentModelParameters } from './intent-model';
import type { SemanticParameters } from './semantic-scorer';
import { SENTENCE_DIMENSIONS, SENTENCE_ENCODER } from './sentence-encoder';
import type { IntentModelJson, IntentModelJsonV1 } from './types';

const FORMAT = 'storedesk-intent-model';
const round = (values: ArrayLike<number>, digits: number) => Array.from(values, (v) => Number(v.toPrecision(digits)));

/** Serialises model parameters as the current JSON format (version 2). */
export function intentModelToJson(params: IntentModelParameters): IntentModelJson {
  const { intents, features, linear, blend, semantic } = params;
  return {
    format: FORMAT,
    version: 2,
    lang: params.lang,
    featureOptions: params.featureOptions,
    threshold: params.threshold,
    alpha: params.alpha,
    intents: [...intents],
    features: [...features],
    bias: round(params.bias, 6),
    weights: encodeInt8Matrix(params.weights),
    ...(linear && blend
      ? {
          blend,
          linear: {
            termOptions: linear.termOptions,
            terms: [...linear.terms],
            idf: round(linear.idf, 4),
            bias: round(linear.bias, 6),
            weights: encodeInt8Matrix(linear.weights),
          },
          ...(semantic ? { semantic: { encoder: semantic.encoder, bias: round(semantic.bias, 6), weights: encodeInt8Matrix(semantic.weights) } } : {}),
        }
      : {}),
  };
}

function fromV1(model: Partial<IntentModelJsonV1>): IntentModelParameters {
  const { intents, features, bias, scales, weights } = model;
  if (!intents || !features || !bias || !scales || typeof weights !== 'string' || !model.lang || !model.featureOptions) {
    throw new ValidationError('Intent model JSON is incomplete');
  }
  const quantised = new Int8Array(Buffer.from(weights, 'base64'));
  if (quantised.length !== intents.length * features.length || bias.length !== intents.length || scales.length !== intents.length) {
    throw new ValidationError('Intent model JSON has inconsistent sizes');
  }
  const count = intents.length;
  const values = new Int8Array(count * features.length);
  for (let i = 0; i < count; i += 1) {
    for (let f = 0; f < features.length; f += 1) values[f * count + i] = quantised[i * features.length + f] as number;
  }
  const matrix = { rows: features.length, columns: count, values, scales: Float32Array.from(scales) };
  return { lang: model.lang, featureOptions: model.featureOptions, threshold: model.threshold ?? 0, alpha: model.alpha ?? 0.07, intents, features, bias: Float32Array.from(bias), weights: matrix };
}

function fromV2(model: Partial<IntentModelJson>): IntentModelParameters {
  const { intents, features, bias, weights, linear, blend, semantic } = model;
  if (!intents || !features || !bias || !weights || !model.lang || !model.featureOptions) {
    throw new ValidationError('Intent model JSON is incomplete');
  }
  if (bias.length !== intents.length) throw new ValidationError('Intent model JSON has inconsistent sizes');
  const params: IntentModelParameters = {
    lang: model.lang,
    featureOptions: model.featureOptions,
    threshold: model.threshold ?? 0,
    alpha: model.alpha ?? 0.07,
    intents,
    features,
    bias: Float32Array.from(bias),
    weights: decodeInt8Matrix(weights, features.length, intents.length),
  };
  if (!linear || !blend) return params;
  if (linear.idf.length !== linear.terms.length || linear.bias.length !== intents.length) {
    throw new ValidationError('Intent model JSON has inconsistent sizes');
  }
  return {
    ...params,
    blend,
    linear: {
      termOptions: linear.termOptions,
      terms: linear.terms,
      idf: Float32Array.from(linear.idf),
      bias: Float32Array.from(linear.bias),
      weights: decodeInt8Matrix(linear.weights, linear.terms.length, intents.length),
    },
    ...(semantic ? { semantic: semanticFromJson(semantic, intents.length) } : {}),
  };
}

function semanticFromJson(semantic: NonNullable<IntentModelJson['semantic']>, intentCount: number): SemanticParameters {
  if (semantic.encoder !== SENTENCE_ENCODER) {
    throw new ValidationError(`Intent model JSON needs sentence encoder ${String(semantic.encoder)}, which this version does not have`);
  }
  if (semantic.bias.length !== intentCount) throw new ValidationError('Intent model JSON has inconsistent sizes');
  return { encoder: semantic.encoder, bias: Float32Array.from(semantic.bias), weights: decodeInt8Matrix(semantic.weights, SENTENCE_DIMENSIONS, intentCount) };
}

/** Reads either JSON format (version 1 models stay servable); throws a ValidationError on anything else. */
export function intentModelFromJson(json: unknown): IntentModelParameters {
  const model = json as { format?: unknown; version?: unknown } | null;
  if (!model || model.format !== FORMAT || (model.version !== 1 && model.version !== 2)) {
    throw new ValidationError('Not a storedesk intent model (format/version mismatch)');
  }
  return model.version === 1 ? fromV1(model as Partial<IntentModelJsonV1>) : fromV2(model as Partial<IntentModelJson>);
}
