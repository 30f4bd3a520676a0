// Samples and proposals (scitacean Sample and Proposal, SCT:model.py): TypeScript names, SciCat's
// on the wire where they differ.

/**
 * A SciCat sample.
 *
 * @example
 * ```ts
 * const sample = await client.uploadNewSampleNow({ name: "powder", ownerGroup: "group1", characteristics: { mass: { value: 1, unit: "g" } } });
 * ```
 */
export interface Sample {
  /** sampleId; assigned by the server on upload. */
  readonly id?: string;
  /** sampleName (required since backend v5). */
  readonly name: string;
  readonly ownerGroup: string;
  readonly accessGroups?: readonly string[];
  readonly owner?: string;
  readonly description?: string;
  readonly proposalId?: string;
  readonly characteristics?: Record<string, unknown>;
  readonly isPublished?: boolean;
}

/** A sample from SciCat's JSON. */
export function sampleFromWire(w: Record<string, unknown>): Sample {
  return {
    id: String(w.sampleId),
    name: typeof w.sampleName === "string" ? w.sampleName : "",
    ownerGroup: String(w.ownerGroup),
    ...(Array.isArray(w.accessGroups) ? { accessGroups: w.accessGroups.map(String) } : {}),
    ...(typeof w.owner === "string" ? { owner: w.owner } : {}),
    ...(typeof w.description === "string" ? { description: w.description } : {}),
    ...(typeof w.proposalId === "string" ? { proposalId: w.proposalId } : {}),
    ...(typeof w.sampleCharacteristics === "object" && w.sampleCharacteristics !== null ? { characteristics: w.sampleCharacteristics as Record<string, unknown> } : {}),
    ...(typeof w.isPublished === "boolean" ? { isPublished: w.isPublished } : {}),
  };
}

/** The body of POST /api/v3/samples; the id is left out so the server assigns one (scitacean). */
export function sampleToWire(s: Sample): Record<string, unknown> {
  const body: Record<string, unknown> = { sampleName: s.name, ownerGroup: s.ownerGroup };
  if (s.accessGroups) body.accessGroups = s.accessGroups;
  if (s.owner !== undefined) body.owner = s.owner;
  if (s.description !== undefined) body.description = s.description;
  if (s.proposalId !== undefined) body.proposalId = s.proposalId;
  if (s.characteristics !== undefined) body.sampleCharacteristics = s.characteristics;
  if (s.isPublished !== undefined) body.isPublished = s.isPublished;
  return body;
}

/**
 * A SciCat proposal.
 *
 * @example
 * ```ts
 * const proposal: Proposal = await client.getProposal("p-2026-001");
 * ```
 */
export interface Proposal {
  readonly id: string;
  readonly title: string;
  readonly email: string;
  readonly ownerGroup: string;
  readonly abstract?: string;
  readonly piEmail?: string;
  readonly piFirstname?: string;
  readonly piLastname?: string;
  readonly startTime?: string;
  readonly endTime?: string;
}

/** A proposal from SciCat's JSON. */
export function proposalFromWire(w: Record<string, unknown>): Proposal {
  const opt = (k: string) => {
    const v = w[k];
    return typeof v === "string" ? v : undefined;
  };
  const p: Record<string, unknown> = { id: String(w.proposalId), title: String(w.title), email: String(w.email), ownerGroup: String(w.ownerGroup) };
  for (const [ts, wire] of [["abstract", "abstract"], ["piEmail", "pi_email"], ["piFirstname", "pi_firstname"], ["piLastname", "pi_lastname"], ["startTime", "startTime"], ["endTime", "endTime"]] as const) {
    const v = opt(wire);
    if (v !== undefined) p[ts] = v;
  }
  return p as unknown as Proposal;
}
