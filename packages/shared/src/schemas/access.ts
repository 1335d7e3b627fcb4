import { z } from 'zod';
import { credentialsSchema } from './auth.js';

// Co-facilitators (issue 16): the owner of a session gives another account access to it with a role.
// 'co-run': runs the live console as the owner does (open, close, release, pause, end, moderation,
// preview, the presenter link and the seats' links) and reads the summary and its exports; never
// deletes the session, never manages access. 'view': reads the session, its summary and exports, and
// follows the console read-only (what the room's screen sees). Nobody sees more than the owner.
export const ACCESS_ROLES = ['co-run', 'view'] as const;
export const accessRoleSchema = z.enum(ACCESS_ROLES);
// The caller's own access to a session: 'owner' for the account that started it.
export const sessionAccessSchema = z.enum(['owner', ...ACCESS_ROLES]);

export const accessInviteSchema = z.object({ email: credentialsSchema.shape.email, role: accessRoleSchema }).strict();
export const accessChangeSchema = z.object({ role: accessRoleSchema }).strict();

// One account with access, as its owner sees it: the address the owner typed, the role, since when.
export const accessEntrySchema = z.object({
  accountId: z.uuid(),
  email: z.string(),
  role: accessRoleSchema,
  createdAt: z.string(),
});
export const accessListSchema = z.object({ access: z.array(accessEntrySchema) });

export type AccessRole = z.infer<typeof accessRoleSchema>;
export type SessionAccess = z.infer<typeof sessionAccessSchema>;
export type AccessInvite = z.infer<typeof accessInviteSchema>;
export type AccessChange = z.infer<typeof accessChangeSchema>;
export type AccessEntry = z.infer<typeof accessEntrySchema>;
