// @catkit/core/testing: scaffolding for sandbox servers and test doubles. Not loaded by the main
// entry point, so clients never pay for it.
export { FaultInjector, type FaultMatch, type FaultOptions } from "./fault-injection.js";
export { mockAgentTransport, mockTransport, type MockReply, type MockTransport } from "./mock-transport.js";
export { ownedTempDir, type OwnedTempDir } from "./owned-temp-dir.js";
export { pathOf, queryOf, readForm, readRequestBody, sendEmpty, sendJson, sendText } from "./sandbox-http.js";
export { sendFile, type SendFileOptions } from "./send-file.js";
export { startSandboxServer, type RecordedRequest, type SandboxHandler, type SandboxServer, type SandboxServerOptions } from "./sandbox-server.js";
