import { z } from 'zod';
import { PASSWORD_LENGTH } from '../rules.js';

export const credentialsSchema = z
  .object({
    email: z.email().max(254).transform((e) => e.toLowerCase()),
    password: z.string().min(PASSWORD_LENGTH.min, `use at least ${PASSWORD_LENGTH.min} characters`).max(PASSWORD_LENGTH.max),
  })
  .strict();

export const facilitatorSchema = z.object({
  id: z.uuid(),
  email: z.string(),
});

export type Credentials = z.infer<typeof credentialsSchema>;
export type Facilitator = z.infer<typeof facilitatorSchema>;
