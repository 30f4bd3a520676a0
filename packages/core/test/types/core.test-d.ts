// Type-level contract of @catkit/core, checked by `pnpm typecheck`.
import { expectTypeOf } from "vitest";
import { z } from "zod";
import { collect, createClientContext, isCatkitError, pages, readJson, registerErrorCodes, type CatkitErrorCode, type CatkitRequest, type CatkitResponse, type Credential, type PagedIterable, type Policy } from "../../src/index.ts";
import { formBody } from "../../src/internal.ts";

declare const response: CatkitResponse;

// readJson with a schema is typed by the schema; without, it is unknown.
expectTypeOf(readJson(response, z.object({ version: z.string() }))).resolves.toEqualTypeOf<{ version: string }>();
expectTypeOf(readJson(response)).resolves.toBeUnknown();

// pages() infers the item type; iteration and byPage agree.
const numbers = pages({ first: 0, fetchPage: async (n: number) => ({ items: [String(n)], next: undefined }) });
expectTypeOf(numbers).toEqualTypeOf<PagedIterable<string>>();
expectTypeOf(collect(numbers)).resolves.toEqualTypeOf<string[]>();

// isCatkitError narrows to something with a registered code.
declare const err: unknown;
if (isCatkitError(err)) expectTypeOf(err.code).toEqualTypeOf<CatkitErrorCode>();

// Core's codes are registered; others are not until a package augments the registry.
expectTypeOf<"CATKIT_TIMEOUT">().toExtend<CatkitErrorCode>();
expectTypeOf<"NOT_REGISTERED_ANYWHERE">().not.toExtend<CatkitErrorCode>();

// registerErrorCodes keeps the literal codes and wants a description for each of them.
const Tape = registerErrorCodes({ Offline: "TAPE_OFFLINE" } as const, { TAPE_OFFLINE: "not mounted" });
expectTypeOf(Tape.Offline).toEqualTypeOf<"TAPE_OFFLINE">();
// @ts-expect-error: TAPE_JAMMED has no description
registerErrorCodes({ Offline: "TAPE_OFFLINE", Jammed: "TAPE_JAMMED" } as const, { TAPE_OFFLINE: "not mounted" });

// Requests are immutable to policies.
declare const request: CatkitRequest;
// @ts-expect-error: policies copy requests, they never mutate them
request.method = "POST";

// Policies must name a known phase.
// @ts-expect-error: "deserialize" is not a catkit phase
const badPolicy: Policy = { name: "x", phase: "deserialize", send: (r, next) => next(r) };
void badPolicy;

// Form values are scalars only.
// @ts-expect-error: nested objects are not form values
formBody({ nested: { a: 1 } });

// A credential is a plain string or a Credential object.
const credential: Credential = { getToken: () => Promise.resolve({ token: "t" }) };
createClientContext({ url: "https://x/icat", credential }, { name: "n", version: "1" });
createClientContext({ url: "https://x/icat", credential: "session-id" }, { name: "n", version: "1" });
// @ts-expect-error: a number is not a credential
createClientContext({ url: "https://x/icat", credential: 42 }, { name: "n", version: "1" });
