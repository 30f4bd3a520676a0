// Who may read and write what, after the backend's CASL abilities
// (BE:src/casl/abilities/datasets.ability.ts and siblings): anonymous callers see published
// documents only; authenticated callers see what their groups own or may access, what is
// shared with their email, and what is published; admins see everything.
import type { SandboxUser } from "./accounts.js";
import type { Doc, SandboxState } from "./state.js";

const inGroups = (user: SandboxUser, groups: readonly string[]) => user.currentGroups.some((g) => groups.includes(g));

/** True for members of ADMIN_GROUPS. */
export function isAdmin(user: SandboxUser | null, state: SandboxState): boolean {
  return user !== null && inGroups(user, state.groups.admin);
}

/** True when `user` may read `doc`. */
export function canRead(user: SandboxUser | null, doc: Doc, state: SandboxState): boolean {
  if (doc.isPublished === true) return true;
  if (user === null) return false;
  if (isAdmin(user, state)) return true;
  return isOwnerOrAccess(user, doc) || (Array.isArray(doc.sharedWith) && doc.sharedWith.includes(user.email));
}

/** True when `doc`'s ownerGroup or accessGroups meet the user's groups. */
export function isOwnerOrAccess(user: SandboxUser, doc: Doc): boolean {
  if (typeof doc.ownerGroup === "string" && user.currentGroups.includes(doc.ownerGroup)) return true;
  return Array.isArray(doc.accessGroups) && doc.accessGroups.some((g) => user.currentGroups.includes(String(g)));
}

/** True when `user` may change `doc` (owner group or admin). */
export function canWrite(user: SandboxUser | null, doc: Doc, state: SandboxState): boolean {
  if (user === null) return false;
  if (isAdmin(user, state)) return true;
  return typeof doc.ownerGroup === "string" && user.currentGroups.includes(doc.ownerGroup);
}

/** The Mongo condition the v4 list endpoints add for a non-admin caller (addAccessBasedFilters). */
export function accessCondition(user: SandboxUser | null, state: SandboxState): Doc | undefined {
  if (user === null) return { isPublished: true };
  if (isAdmin(user, state)) return undefined;
  return {
    $or: [
      { ownerGroup: { $in: user.currentGroups } },
      { accessGroups: { $in: user.currentGroups } },
      { sharedWith: { $in: [user.email] } },
      { isPublished: true },
    ],
  };
}
