import { z } from 'zod';

export const credentialsSchema = z
  .object({
    email: z.email().max(254).transform((e) => e.toLowerCase()),
    password: z.string().min(10, 'use at least 10 characters').max(200),
  })
  .strict();

export const facilitatorSchema = z.object({
  id: z.uuid(),
  email: z.string(),
});

export type Credentials = z.infer<typeof credentialsSchema>;
export type Facilitator = z.infer<typeof facilitatorSchema>;
