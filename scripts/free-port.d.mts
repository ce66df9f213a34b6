/** Resolves to a port on 127.0.0.1 the system just handed out and released (free-port.mjs). */
export function freePort(): Promise<number>;
