// issue 7 item 14: client certificates (cert + key, or a PKCS#12 bundle with its passphrase) for
// servers that require one; issue 11: the same through the fast path (TLS sockets with onread),
// whose bodies must equal undici's. A throw-away CA, server and client certificate are made with openssl
// for each run; nothing is committed.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { TLSSocket } from "node:tls";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FastTransport, NetworkError, pooledBody, UndiciTransport, type TlsClientOptions } from "../../src/index.ts";

const dir = mkdtempSync(join(tmpdir(), "catkit-tls-"));
const file = (name: string) => join(dir, name);
const openssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "ignore" });
let server: Server;
let origin: string;
const BIG = Buffer.from(Array.from({ length: 3 * 1024 * 1024 + 17 }, (_, i) => (i * 31 + (i >> 10)) & 0xff));

beforeAll(async () => {
  openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "1", "-subj", "/CN=catkit test CA");
  for (const [name, cn] of [["server", "127.0.0.1"], ["client", "beamline-id00"]] as const) {
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", `/CN=${cn}`);
    const ext = name === "server" ? ["-extfile", writeExt()] : [];
    openssl("x509", "-req", "-in", `${name}.csr`, "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", `${name}.pem`, "-days", "1", ...ext);
  }
  openssl("pkcs12", "-export", "-inkey", "client.key", "-in", "client.pem", "-out", "client.p12", "-passout", "pass:Unl0ck-P12");
  server = createServer(
    { key: readFileSync(file("server.key")), cert: readFileSync(file("server.pem")), ca: readFileSync(file("ca.pem")), requestCert: true, rejectUnauthorized: true },
    (req, res) => {
      const peer = (req.socket as TLSSocket).getPeerCertificate();
      if (req.url === "/big") return void res.end(BIG);
      res.end(`hello ${String(peer.subject.CN)}`);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

function writeExt(): string {
  execFileSync("sh", ["-c", "printf 'subjectAltName=IP:127.0.0.1\\n' > san.ext"], { cwd: dir });
  return "san.ext";
}

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

async function get(tls: TlsClientOptions, fast: boolean, path = "/"): Promise<Buffer> {
  const transport = fast ? new FastTransport({ tls, proxy: "none" }) : new UndiciTransport({ tls, proxy: "none" });
  const request = { method: "GET" as const, url: `${origin}${path}`, dataTransfer: fast };
  if (transport instanceof FastTransport) expect(transport.serves(request)).toBe(true);
  try {
    const res = await transport.send(request);
    const parts: Buffer[] = [];
    await pooledBody(res).read((chunk) => void parts.push(Buffer.from(chunk)));
    return Buffer.concat(parts);
  } finally {
    await transport.close();
  }
}

describe.each([
  ["undici", false],
  ["the fast path", true],
])("TLS client certificates through %s", (_name, fast) => {
  it("cert + key are presented to a server that requires them", async () => {
    const tls = { ca: readFileSync(file("ca.pem")), cert: readFileSync(file("client.pem")), key: readFileSync(file("client.key")) };
    expect((await get(tls, fast)).toString()).toBe("hello beamline-id00");
    expect((await get(tls, fast, "/big")).equals(BIG)).toBe(true);
  });

  it("a PKCS#12 bundle with its passphrase works the same", async () => {
    expect((await get({ ca: readFileSync(file("ca.pem")), pfx: readFileSync(file("client.p12")), passphrase: "Unl0ck-P12" }, fast)).toString()).toBe("hello beamline-id00");
  });

  it("without a client certificate the server refuses the connection: a NetworkError", async () => {
    await expect(get({ ca: readFileSync(file("ca.pem")) }, fast)).rejects.toBeInstanceOf(NetworkError);
  });

  it("a server certificate from an unknown CA is refused", async () => {
    await expect(get({ cert: readFileSync(file("client.pem")), key: readFileSync(file("client.key")) }, fast)).rejects.toThrow(/certificate/i);
  });
});
