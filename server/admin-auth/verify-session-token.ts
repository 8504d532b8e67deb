import { errors, jwtVerify } from 'jose';

/** What a valid App Bridge session token tells us. */
export interface SessionTokenClaims {
  shopDomain: string;
  /** The Shopify staff user id (`sub`). */
  userId: string;
}

/** Why a session token was refused; stable strings, safe to return to the caller. */
export type SessionTokenProblem = 'malformed' | 'bad_signature' | 'expired' | 'not_yet_valid' | 'wrong_audience' | 'bad_destination' | 'issuer_mismatch';

/** Options for {@link verifySessionToken}. */
export interface VerifySessionTokenOptions {
  apiKey: string;
  apiSecret: string;
  /** Allowed clock difference with Shopify, in seconds (default 10). */
  clockToleranceSeconds?: number;
  now?: Date;
}

const shopHostPattern = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

function shopFromUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' || !shopHostPattern.test(url.hostname)) return undefined;
    return url.hostname;
  } catch {
    return undefined;
  }
}

/**
 * Verifies a Shopify App Bridge session token (HS256 with the app secret): signature, `aud`, `exp`, `nbf`,
 * and that `dest` names a shop whose admin `iss` belongs to. Failure is a value, not an exception.
 */
export async function verifySessionToken(
  token: string,
  options: VerifySessionTokenOptions,
): Promise<{ ok: true; claims: SessionTokenClaims } | { ok: false; problem: SessionTokenProblem }> {
  let payload: Record<string, unknown>;
  try {
    const verified = await jwtVerify(token, new TextEncoder().encode(options.apiSecret), {
      algorithms: ['HS256'],
      audience: options.apiKey,
      clockTolerance: options.clockToleranceSeconds ?? 10,
      currentDate: options.now,
      requiredClaims: ['exp', 'dest', 'iss'],
    });
    payload = verified.payload as Record<string, unknown>;
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
  const shopDomain = shopFromUrl(payload.dest);
  if (!shopDomain) return { ok: false, problem: 'bad_destination' };
  const issuerShop = shopFromUrl(typeof payload.iss === 'string' ? payload.iss.replace(/\/admin\/?$/, '') : undefined);
  if (issuerShop !== shopDomain) return { ok: false, problem: 'issuer_mismatch' };
  return { ok: true, claims: { shopDomain, userId: typeof payload.sub === 'string' ? payload.sub : 'unknown' } };
}

function problemOf(error: unknown): SessionTokenProblem {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad_signature';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'wrong_audience';
    if (error.claim === 'nbf') return 'not_yet_valid';
    if (error.claim === 'iat' && error.reason === 'check_failed') return 'not_yet_valid';
    return 'malformed';
  }
  return 'malformed';
}
