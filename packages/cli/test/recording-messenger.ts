// A DatasetMessenger that records what it is asked to send (stands in for the icat-plus binding).
import { readFileSync } from "node:fs";
import type { DatasetMessage, DatasetMessenger, MessengerOptions, SendOutcome } from "../src/shared/dataset-messenger.js";

export type Sent = { kind: "dataset"; message: DatasetMessage } | { kind: "xml"; file: string; bytes: string } | { kind: "addFiles"; datasetId: number };

export function recordingMessenger(): { sent: Sent[]; opened: MessengerOptions[]; closed: number; factory: (o: MessengerOptions) => Promise<DatasetMessenger> } {
  const state = { sent: [] as Sent[], opened: [] as MessengerOptions[], closed: 0 };
  const record = (s: Sent): SendOutcome => {
    state.sent.push(s);
    return { outcome: "sent" };
  };
  return Object.assign(state, {
    factory: (options: MessengerOptions): Promise<DatasetMessenger> => {
      state.opened.push(options);
      return Promise.resolve({
        storeDataset: (message) => Promise.resolve(record({ kind: "dataset", message })),
        storeDatasetFromFile: (file) => Promise.resolve(record({ kind: "xml", file, bytes: readFileSync(file, "utf8") })),
        addFiles: (datasetId) => Promise.resolve(record({ kind: "addFiles", datasetId })),
        close: () => Promise.resolve(void (state.closed += 1)),
      });
    },
  });
}
