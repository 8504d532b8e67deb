import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Client, type Pool } from 'pg';

/** Tells open sockets that a conversation has new activities. */
export interface ActivityNotifier {
  publish(conversationId: string): Promise<void>;
  subscribe(conversationId: string, listener: () => void): () => void;
  close(): Promise<void>;
}

/** What {@link createActivityNotifier} needs from the open database. */
export interface NotifierDatabase {
  engine: 'embedded' | 'postgres';
  connectionString: string;
  pool: Pool;
}

const CHANNEL = 'storedesk_direct_line';

/** Notifications within this process only: enough for one process, and all embedded PGlite can do. */
export function createLocalNotifier(): ActivityNotifier & { emit(conversationId: string): void } {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const emit = (conversationId: string) => emitter.emit(conversationId);
  return {
    emit,
    async publish(conversationId) {
      emit(conversationId);
    },
    subscribe(conversationId, listener) {
      emitter.on(conversationId, listener);
      return () => emitter.off(conversationId, listener);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}

/**
 * In-process events, plus Postgres LISTEN/NOTIFY on a real server so a socket held by one web process
 * hears activities written by another. Embedded PGlite can't carry NOTIFY across connections, so there
 * it stays in-process.
 */
export async function createActivityNotifier(database: NotifierDatabase, onError?: (error: Error) => void): Promise<ActivityNotifier> {
  const local = createLocalNotifier();
  if (database.engine !== 'postgres') return local;
  const origin = randomUUID();
  const listener = new Client({ connectionString: database.connectionString });
  listener.on('error', (error) => onError?.(error));
  listener.on('notification', (message) => {
    const [from, conversationId] = (message.payload ?? '').split(' ');
    if (conversationId && from !== origin) local.emit(conversationId);
  });
  await listener.connect();
  await listener.query(`LISTEN ${CHANNEL}`);
  return {
    subscribe: local.subscribe,
    async publish(conversationId) {
      local.emit(conversationId);
      await database.pool.query('SELECT pg_notify($1, $2)', [CHANNEL, `${origin} ${conversationId}`]);
    },
    async close() {
      await local.close();
      await listener.end().catch(() => undefined);
    },
  };
}
