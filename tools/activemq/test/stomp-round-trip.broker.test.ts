// Proves the broker script end to end: a real ActiveMQ, a real STOMP client (stompit), a message
// sent to a queue and received back with its body and headers intact.
import { randomUUID } from "node:crypto";
import stompit from "stompit";
import { describe, expect, inject, it } from "vitest";

// stompit's frames carry their STOMP headers at runtime; @types/stompit leaves them out.
type MessageWithHeaders = stompit.Client.Message & { headers: Record<string, string> };

function connect(host: string, port: number): Promise<stompit.Client> {
  return new Promise((resolve, reject) => {
    stompit.connect({ host, port, connectHeaders: { host: "localhost", "heart-beat": "0,0" } }, (err, client) =>
      err ? reject(err) : resolve(client),
    );
  });
}

describe("ActiveMQ started by tools/activemq", () => {
  it("delivers a STOMP message sent to a queue back to a subscriber", async () => {
    const { host, stompPort } = inject("activemq");
    const client = await connect(host, stompPort);
    const destination = `/queue/catkit.test.${randomUUID()}`;
    const body = `<dataset name="round-trip" id="${randomUUID()}"/>`;

    const received = new Promise<{ body: string; headers: Record<string, unknown> }>((resolve, reject) => {
      client.subscribe({ destination, ack: "client-individual" }, (err, message) => {
        if (err) return reject(err);
        message.readString("utf-8", (readErr, text) => {
          if (readErr) return reject(readErr);
          client.ack(message);
          resolve({ body: text ?? "", headers: (message as MessageWithHeaders).headers });
        });
      });
    });

    const frame = client.send({ destination, "content-type": "application/xml", "x-catkit": "yes" });
    frame.write(body);
    frame.end();

    const message = await received;
    expect(message.body).toBe(body);
    expect(message.headers["x-catkit"]).toBe("yes");
    expect(message.headers["content-type"]).toBe("application/xml");
    await new Promise<void>((resolve) => client.disconnect(() => resolve()));
  });
});
