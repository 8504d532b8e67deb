/*
 * A minimal HTTP/1.1 keep-alive client for load generation: one socket, one request at a time, JSON POSTs only.
 * Node's http client costs about 0.2 ms of CPU per request, which on a 2-core machine the load generator takes
 * from the server it measures; this one writes the request bytes itself and reads only the status line and
 * Content-Length of the response (about a tenth of that).
 */
import { connect, type Socket } from 'node:net';

/** A response: its status and body size in bytes. */
export interface PostResult {
  status: number;
  bodyBytes: number;
}

const HEADER_END = Buffer.from('\r\n\r\n');

/** One keep-alive connection that posts JSON bodies to one path, a request at a time. */
export class KeepAliveClient {
  private socket: Socket | undefined;
  private buffer: Buffer = Buffer.alloc(0);
  private pending: { resolve: (result: PostResult) => void; reject: (error: Error) => void } | undefined;

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly path: string,
  ) {}

  /** Sends one POST and resolves with the response once its whole body has arrived. */
  post(body: string): Promise<PostResult> {
    if (this.pending) return Promise.reject(new Error('one request at a time per connection'));
    const socket = this.connection();
    const head = `POST ${this.path} HTTP/1.1\r\nHost: ${this.host}:${this.port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      socket.write(head + body);
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = undefined;
  }

  private connection(): Socket {
    if (this.socket && !this.socket.destroyed) return this.socket;
    const socket = connect({ host: this.host, port: this.port, noDelay: true });
    socket.on('data', (chunk: Buffer) => this.received(chunk));
    const fail = (error: Error) => {
      const pending = this.pending;
      this.pending = undefined;
      this.socket = undefined;
      this.buffer = Buffer.alloc(0);
      pending?.reject(error);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('connection closed')));
    this.socket = socket;
    return socket;
  }

  private received(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const headerEnd = this.buffer.indexOf(HEADER_END);
    if (headerEnd < 0) return;
    const head = this.buffer.toString('latin1', 0, headerEnd);
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (!length) {
      this.socket?.destroy(new Error('response without Content-Length'));
      return;
    }
    const bodyBytes = Number(length[1]);
    const total = headerEnd + HEADER_END.length + bodyBytes;
    if (this.buffer.length < total) return;
    this.buffer = this.buffer.subarray(total);
    const pending = this.pending;
    this.pending = undefined;
    pending?.resolve({ status, bodyBytes });
  }
}
