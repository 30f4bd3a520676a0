// A raw stompit subscriber for tests: collects every frame of a queue with its headers.
import stompit from "stompit";

export interface TappedFrame {
  headers: Record<string, string>;
  body: string;
}

export interface Tap {
  frames: TappedFrame[];
  waitFor(n: number, timeoutMs?: number): Promise<TappedFrame[]>;
  close(): Promise<void>;
}

export async function tapQueue(host: string, port: number, queue: string): Promise<Tap> {
  const client = await new Promise<stompit.Client>((resolve, reject) =>
    stompit.connect({ host, port, connectHeaders: { host: "/", "heart-beat": "0,0", "accept-version": "1.1" } }, (err, c) => (err ? reject(err) : resolve(c))),
  );
  const frames: TappedFrame[] = [];
  client.subscribe({ destination: `/queue/${queue}`, ack: "auto" }, (err, message) => {
    if (err) return;
    message.readString("utf-8", (_e, body) => {
      frames.push({ headers: (message as unknown as { headers: Record<string, string> }).headers, body: body ?? "" });
    });
  });
  return {
    frames,
    async waitFor(n, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (frames.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      return frames;
    },
    close: () => new Promise<void>((resolve) => client.disconnect(() => resolve())),
  };
}
