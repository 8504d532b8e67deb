import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { ValidationError } from '../../core/errors';

/** A feature-major weight matrix (rows x columns) stored as int8 with one scale per column, deflated, in base64. */
export interface Int8Matrix {
  scales: number[];
  data: string;
}

/**
 * Quantises a feature-major matrix to int8 with a per-column (per-intent) scale. Most weights of a linear text
 * model are near zero, so the int8 bytes deflate to a fraction of their size.
 */
export function encodeInt8Matrix(matrix: Float32Array, rows: number, columns: number): Int8Matrix {
  const scales: number[] = [];
  for (let c = 0; c < columns; c += 1) {
    let max = 0;
    for (let r = 0; r < rows; r += 1) max = Math.max(max, Math.abs(matrix[r * columns + c] as number));
    scales.push(Number((max > 0 ? max / 127 : 1).toPrecision(6)));
  }
  // Column-major bytes keep each intent's run of small values together, which deflates better.
  const bytes = new Int8Array(rows * columns);
  for (let c = 0; c < columns; c += 1) {
    const scale = scales[c] as number;
    for (let r = 0; r < rows; r += 1) bytes[c * rows + r] = Math.round((matrix[r * columns + c] as number) / scale);
  }
  return { scales, data: deflateRawSync(bytes, { level: 9 }).toString('base64') };
}

/** Inverse of {@link encodeInt8Matrix}; throws a ValidationError when the sizes do not match. */
export function decodeInt8Matrix(encoded: Int8Matrix, rows: number, columns: number): Float32Array {
  let bytes: Int8Array;
  try {
    const raw = inflateRawSync(Buffer.from(encoded.data, 'base64'));
    bytes = new Int8Array(raw.buffer, raw.byteOffset, raw.byteLength);
  } catch {
    throw new ValidationError('Intent model JSON has undecodable weights');
  }
  if (bytes.length !== rows * columns || encoded.scales.length !== columns) {
    throw new ValidationError('Intent model JSON has inconsistent sizes');
  }
  const matrix = new Float32Array(rows * columns);
  for (let c = 0; c < columns; c += 1) {
    const scale = encoded.scales[c] as number;
    for (let r = 0; r < rows; r += 1) matrix[r * columns + c] = (bytes[c * rows + r] as number) * scale;
  }
  return matrix;
}
