/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL JSON answers are read loosely here; the fake's own code stays typed */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateDemoStore } from '../demo-store';
import { startFakeAdminApi, type FakeAdminApi } from '.';
import type { FakeAdminApiOptions } from './types';

export const API_KEY = 'test-api-key';
export const API_SECRET = 'test-api-secret';

/** Starts a fake over a small store; tests close it. */
export async function startSmallFake(extra: Partial<FakeAdminApiOptions> = {}): Promise<FakeAdminApi & { gql: (query: string, variables?: object, token?: string) => Promise<{ status: number; body: any }> }> {
  const fake = await startFakeAdminApi({ store: generateDemoStore({ seed: 'fixture', products: 12, customers: 60, orders: 230 }), apiKey: API_KEY, apiSecret: API_SECRET, bulkMinRunMs: 30, ...extra });
  const token = fake.issueAccessToken();
  const gql = async (query: string, variables: object = {}, tok = token) => {
    const res = await fetch(fake.graphqlUrl(), { method: 'POST', headers: { 'content-type': 'application/json', 'x-shopify-access-token': tok }, body: JSON.stringify({ query, variables }) });
    return { status: res.status, body: (await res.json()) as any };
  };
  return Object.assign(fake, { gql });
}

/** A local HTTP sink that records webhook requests with their raw bodies. */
export async function startWebhookSink(): Promise<{ url: string; received: Array<{ headers: IncomingHttpHeaders; body: string }>; close: () => Promise<void> }> {
  const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
  return { url, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}
