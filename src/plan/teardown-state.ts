import type { RoleState, UserState } from '../aws/inventory-model.js';
import { maskKeyId } from './keys.js';

/** The live state the executor needs to take a user apart (keys, profile, groups, policies first). */
export function userTeardown(u: UserState) {
  return {
    name: u.name,
    arn: u.arn,
    // Masked, as everywhere in a plan: the executor lists the user's keys live before deleting it.
    accessKeys: (u.accessKeys ?? []).map((k) => maskKeyId(k.id)).sort(),
    hasLoginProfile: u.hasLoginProfile === true,
    groups: [...u.groups].sort(),
    attached: u.attached.map((a) => a.arn).sort(),
    inline: u.inline.map((i) => i.name).sort(),
  };
}

export function roleTeardown(r: RoleState) {
  return { name: r.name, arn: r.arn, attached: r.attached.map((a) => a.arn).sort(), inline: r.inline.map((i) => i.name).sort() };
}
