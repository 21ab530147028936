// Declarations of the Typed browser client, served at /{resource}/socket.io.d.ts with those of
// every event contract the server knows. A page's TypeScript names its contracts:
//   const socket = new io.Socket<Chat.Contracts.IChatServer, Chat.Contracts.IChatClient>(null);
declare namespace io {
  function setPath(path: string): void;

  interface SocketOptions {
    port?: number | string;
    resource?: string;
    transports?: string[];
    /** Per transport; `timeout`: how long (ms) a stream or a held poll may stay silent before it is given up (htmlfile: 25000 by default), and never longer than the heartbeat the server told plus a fifth of it (at least 2000). */
    transportOptions?: Record<string, { timeout?: number; [option: string]: unknown }>;
    rememberTransport?: boolean;
    secure?: boolean;
    reconnect?: boolean;
    reconnectDelay?: number;
    maxReconnectDelay?: number;
    /** How long (ms) a transport may take to connect; a reattachment is also bounded by a fifth of the session's timeout that the server told (at least 1000). */
    connectTimeout?: number;
    /** How long (ms) an upload may go unanswered, plus 1 ms per 64 bytes, before its connection is given up and made again (5000 by default). */
    requestTimeout?: number;
    answerTimeout?: number;
    acks?: boolean;
    /**
     * A bearer token for the server's authentication, or a function giving one (or a promise of it),
     * asked for again before every connection and reconnection. It travels as the access_token query
     * parameter of every request, since browsers give WebSockets, event streams and frames no headers:
     * keep such tokens short-lived. Cookies need no option.
     */
    accessToken?: string | null | (() => string | null | Promise<string | null>);
  }

  /** The server refused the page's credentials: 401 (none it accepts) or 403 (not allowed). */
  interface Refusal {
    readonly status: 401 | 403;
    /** The HTTP reason phrase, where the browser can tell it. */
    readonly message: string;
  }

  type Arguments<T> = T extends (...args: infer A) => unknown ? A : never;
  type Answer<T> = T extends (...args: never[]) => Promise<infer R> ? R : null;
  type Handler<T> = T extends (...args: infer A) => Promise<infer R> ? (...args: A) => R | Promise<R> : T extends (...args: infer A) => void ? (...args: A) => void : never;
  type SocketEvent = "connect" | "close" | "reconnect";

  class Socket<TSend = {}, TReceive = {}> {
    constructor(host?: string | null, options?: SocketOptions);
    readonly options: SocketOptions;
    readonly connected: boolean;
    readonly connecting: boolean;
    readonly transport: { readonly name: string } | null;
    readonly sessionId: string | null;
    connect(): this;
    /** Leaves the session: the server ends it at once. A page that goes away leaves too. */
    disconnect(): this;
    /** Set by disconnect(): settles once the server has heard that the session is over (or could not be told). */
    readonly left?: Promise<void>;
    /** A plain message, delivered exactly as given. */
    send(message: unknown): this;
    /** A typed event; the promise resolves with the answer. */
    emit<K extends keyof TSend & string>(event: K, ...args: Arguments<TSend[K]>): Promise<Answer<TSend[K]>>;
    on(event: SocketEvent, fn: () => void): this;
    /** The page's session is over for it (left, gone, or not to be had); with a refusal when the server refused the page's credentials, after which the socket tries no more. */
    on(event: "disconnect", fn: (refusal?: Refusal) => void): this;
    /** The server refused the page's credentials at connect or at a reconnection; the socket stops trying until connect() is called again. */
    on(event: "connect_failed", fn: (refusal: Refusal) => void): this;
    on(event: "message", fn: (message: any) => void): this;
    on<K extends keyof TReceive & string>(event: K, fn: Handler<TReceive[K]>): this;
    off(event: string, fn: Function): this;
    addEvent(event: SocketEvent, fn: () => void): this;
    /** The page's session is over for it (left, gone, or not to be had); with a refusal when the server refused the page's credentials, after which the socket tries no more. */
    addEvent(event: "disconnect", fn: (refusal?: Refusal) => void): this;
    /** The server refused the page's credentials at connect or at a reconnection; the socket stops trying until connect() is called again. */
    addEvent(event: "connect_failed", fn: (refusal: Refusal) => void): this;
    addEvent(event: "message", fn: (message: any) => void): this;
    addEvent<K extends keyof TReceive & string>(event: K, fn: Handler<TReceive[K]>): this;
    removeEvent(event: string, fn: Function): this;
  }
}
