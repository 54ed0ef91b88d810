import crypto from 'node:crypto';
import { Redis } from 'ioredis';

/**
 * Relays updates and awareness of a document between server instances through Redis pub/sub.
 * Updates are stored by the instance that received them before they are published, so a receiving
 * instance only applies and forwards them.
 */
export type FanoutKind = 'update' | 'awareness' | 'rights';

export interface FanoutMessage {
  kind: FanoutKind;
  documentName: string;
  payload: Uint8Array;
}

export interface Fanout {
  subscribe(documentName: string): Promise<void>;
  unsubscribe(documentName: string): Promise<void>;
  publish(message: FanoutMessage): void;
  onMessage(listener: (message: FanoutMessage) => void): void;
  /** After the link was lost and is back: whatever was published meanwhile never arrived. */
  onReconnected(listener: () => void): void;
  close(): Promise<void>;
}

const CHANNEL_PREFIX = 'atelier:collab:';
const RIGHTS_CHANNEL = 'atelier:rights';

/** Frame: 1 byte kind, 16 bytes sender id, then the payload. */
const KINDS: FanoutKind[] = ['update', 'awareness', 'rights'];

export class RedisFanout implements Fanout {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly id = crypto.randomBytes(16);
  private readonly listeners: ((message: FanoutMessage) => void)[] = [];
  private readonly reconnectListeners: (() => void)[] = [];
  private connectedBefore = false;

  constructor(url: string, onError: (error: Error) => void) {
    this.publisher = new Redis(url, { maxRetriesPerRequest: 3, lazyConnect: false });
    this.subscriber = new Redis(url, { maxRetriesPerRequest: null });
    this.publisher.on('error', onError);
    this.subscriber.on('error', onError);
    this.subscriber.on('messageBuffer', (channelBuffer: Buffer, frame: Buffer) => {
      if (frame.length < 17 || frame.subarray(1, 17).equals(this.id)) return;
      const kind = KINDS[frame[0]];
      if (!kind) return;
      const channel = channelBuffer.toString();
      const documentName = channel === RIGHTS_CHANNEL ? '' : channel.slice(CHANNEL_PREFIX.length);
      const message = { kind, documentName, payload: new Uint8Array(frame.subarray(17)) };
      for (const listener of this.listeners) listener(message);
    });
    this.subscriber.on('ready', () => {
      if (!this.connectedBefore) {
        this.connectedBefore = true;
        return;
      }
      // ioredis sends the subscriptions again on 'ready'; a PING answered behind them means they are
      // in force, so what is published from then on arrives, and only then is the gap closed.
      this.subscriber.ping().then(() => this.reconnectListeners.forEach((listener) => listener()), () => {});
    });
  }

  async ready(): Promise<void> {
    await Promise.all([this.publisher.ping(), this.subscriber.subscribe(RIGHTS_CHANNEL)]);
  }

  async subscribe(documentName: string): Promise<void> {
    await this.subscriber.subscribe(CHANNEL_PREFIX + documentName);
  }

  async unsubscribe(documentName: string): Promise<void> {
    await this.subscriber.unsubscribe(CHANNEL_PREFIX + documentName);
  }

  publish(message: FanoutMessage): void {
    const channel = message.kind === 'rights' ? RIGHTS_CHANNEL : CHANNEL_PREFIX + message.documentName;
    const frame = Buffer.concat([Buffer.from([KINDS.indexOf(message.kind)]), this.id, Buffer.from(message.payload)]);
    void this.publisher.publish(channel, frame).catch(() => {});
  }

  onMessage(listener: (message: FanoutMessage) => void): void {
    this.listeners.push(listener);
  }

  onReconnected(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  async close(): Promise<void> {
    this.subscriber.disconnect();
    await this.publisher.quit().catch(() => this.publisher.disconnect());
  }
}
