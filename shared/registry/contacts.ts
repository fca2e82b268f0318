import { z } from 'zod';

/**
 * A resident's contact details as the counter records them (phone, e-mail). Not registry facts
 * of DPR 223/1989, but what lets the comune notify a citizen instead of asking them to come back.
 */
export const phoneSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s.-]/g, ''))
  .pipe(z.string().regex(/^\+?\d{6,15}$/, 'numero di telefono non valido'));

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('indirizzo e-mail non valido').max(254));

export const contactsSchema = z
  .object({
    residentId: z.string().min(1).max(64),
    phone: phoneSchema.nullable(),
    email: emailSchema.nullable(),
  })
  .strict();

export type ContactsUpdate = z.infer<typeof contactsSchema>;
