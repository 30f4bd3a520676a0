// The e-logbook through /api/v1 on the SQLite store: posting needs a session that can read the
// investigation (or be the beamline's instrument scientist); paged reads; tag filters; images
// above the threshold go to the image store and are served back; oversized images and bad
// bodies are refused with nothing written.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGatewayWorld, type GatewayWorld } from "./gateway-helpers.ts";

let world: GatewayWorld;
let nbour: string;
let ahau: string;
let acord: string;
let invId: number;
const api = (path: string, session: string, init: RequestInit = {}) =>
  fetch(`${world.server.url}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${session}`, "content-type": "application/json", ...(init.headers as Record<string, string> | undefined) } });
const post = (query: string, session: string, body: unknown) => api(`/logbook/events?${query}`, session, { method: "POST", body: JSON.stringify(body) });
const text = (t: string, tags: string[] = []) => ({ type: "annotation", category: "comment", content: [{ format: "plainText", text: t }], tag: tags.map((name) => ({ name })) });

beforeAll(async () => {
  world = await startGatewayWorld();
  nbour = world.sandbox.icat.login("db/nbour");
  ahau = world.sandbox.icat.login("db/ahau");
  acord = world.sandbox.icat.login("db/acord");
  [invId] = world.sandbox.icat.engine.search("db/root", "SELECT i.id FROM Investigation i WHERE i.name = '12100409-ST'") as [number];
});
afterAll(() => world.close());

describe("e-logbook (SQLite)", () => {
  it("posts and pages an investigation's events, filters by tag", async () => {
    for (let i = 0; i < 5; i++) expect((await post(`investigationId=${invId}`, nbour, text(`note ${i}`, i % 2 ? ["odd"] : ["even", "x"]))).status).toBe(201);
    const first = (await (await api(`/logbook/events?investigationId=${invId}&limit=2`, nbour)).json()) as { items: { body: { content: { text: string }[] }; tags: string[]; investigationName: string; instrumentName: string }[]; hasMore: boolean };
    expect(first.items.map((e) => e.body.content[0]?.text)).toEqual(["note 0", "note 1"]);
    expect(first.items[0]).toMatchObject({ tags: ["even", "x"], investigationName: "12100409-ST", instrumentName: "EDDI" });
    expect(first.hasMore).toBe(true);
    const last = (await (await api(`/logbook/events?investigationId=${invId}&offset=4`, nbour)).json()) as { items: unknown[]; hasMore: boolean };
    expect(last.items).toHaveLength(1);
    expect(last.hasMore).toBe(false);
    const odd = (await (await api(`/logbook/events?investigationId=${invId}&tag=odd`, nbour)).json()) as { items: { body: { content: { text: string }[] } }[] };
    expect(odd.items.map((e) => e.body.content[0]?.text)).toEqual(["note 1", "note 3"]);
  });

  it("refuses a session that cannot read the investigation, and beamline logbooks to non-scientists", async () => {
    expect((await post(`investigationId=${invId}`, ahau, text("intruder"))).status).toBe(404);
    expect((await api(`/logbook/events?investigationId=${invId}`, ahau)).status).toBe(404);
    expect((await post("instrumentName=EDDI", nbour, text("not mine"))).status).toBe(404);
    expect((await post("instrumentName=EDDI", acord, text("beam is back", ["beam"]))).status).toBe(201);
    const beamline = (await (await api("/logbook/events?instrumentName=EDDI", acord)).json()) as { items: { investigationId: null; body: { content: { text: string }[] } }[] };
    expect(beamline.items.map((e) => [e.investigationId, e.body.content[0]?.text])).toEqual([[null, "beam is back"]]);
    expect((await post("", nbour, text("nowhere"))).status).toBe(400);
  });

  it("keeps small images inline, stores large ones outside the row and serves them to readers only", async () => {
    const small = Buffer.alloc(100, 1).toString("base64");
    const inline = (await (await post(`investigationId=${invId}`, nbour, { base64: `data:image/png;base64,${small}` })).json()) as { body: { base64?: string }; image?: unknown };
    expect(inline.body.base64).toBe(`data:image/png;base64,${small}`);
    expect(inline.image).toBeUndefined();
    const bytes = Buffer.alloc(10_000, 7);
    const stored = (await (await post(`investigationId=${invId}`, nbour, { base64: `data:image/png;base64,${bytes.toString("base64")}`, tag: [{ name: "img" }] })).json()) as { body: { base64?: string }; image: { ref: string; size: number; url: string } };
    expect(stored.body.base64).toBeUndefined();
    expect(stored.image.size).toBe(10_000);
    expect(readdirSync(join(world.dir, "images"))).toEqual([stored.image.ref]);
    const back = await fetch(`${world.server.url}${stored.image.url}`, { headers: { authorization: `Bearer ${nbour}` } });
    expect(back.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await back.arrayBuffer()).equals(bytes)).toBe(true);
    expect((await fetch(`${world.server.url}${stored.image.url}`, { headers: { authorization: `Bearer ${ahau}` } })).status).toBe(404);
  });

  it("refuses oversized images and bad bodies with nothing written", async () => {
    const count = async () => ((await (await api(`/logbook/events?investigationId=${invId}&limit=1000`, nbour)).json()) as { items: unknown[] }).items.length;
    const before = await count();
    const huge = await post(`investigationId=${invId}`, nbour, { base64: `data:image/png;base64,${Buffer.alloc(2 * 1024 * 1024).toString("base64")}` });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ code: "IMAGE_TOO_LARGE" });
    const notUri = await post(`investigationId=${invId}`, nbour, { base64: "iVBORw0KGgo=" });
    expect(notUri.status).toBe(400);
    expect(((await notUri.json()) as { message: string }).message).toMatch(/data URI/);
    expect((await post(`investigationId=${invId}`, nbour, { content: "not a list" })).status).toBe(400);
    expect(await count()).toBe(before);
    expect(readdirSync(join(world.dir, "images"))).toHaveLength(1);
  });
});
