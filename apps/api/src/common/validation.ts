import { normalizeName } from '@assay/domain';
import { z } from 'zod';
import { badInput, FieldError } from './errors';

/** Turns zod issues into per-field messages (`outcomes[1].claimedValue`). */
export function fieldErrorsFromZod(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.reduce<string>(
      (acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)),
      '',
    ) || 'input',
    message: issue.message,
  }));
}

/** Validates `input` or throws BAD_USER_INPUT listing every bad field; nothing is written. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = fieldErrorsFromZod(result.error);
  const first = fields[0];
  throw badInput(fields.length === 1 ? first.message : `Please correct the ${fields.length} highlighted fields.`, fields);
}

/** Shared field rules so every form says the same thing about the same field. */
export const fieldRules = {
  email: z
    .string({ error: 'Enter an email address.' })
    .trim()
    .toLowerCase()
    .max(254, 'An email address has at most 254 characters.')
    .pipe(z.email({ error: 'Enter a valid email address, like name@company.com.' })),
  // NFKC-normalised; bidirectional controls and zero-width characters refused (they make one name pass for another).
  name: (label: string, max = 120) =>
    z
      .string({ error: `Enter ${label}.` })
      .trim()
      .min(1, `Enter ${label}.`)
      .max(max, `${label[0].toUpperCase()}${label.slice(1)} has at most ${max} characters.`)
      .transform((value, ctx) => {
        const result = normalizeName(value, max);
        if (result.ok) return result.name;
        ctx.addIssue({ code: 'custom', message: result.code === 'NAME_EMPTY' ? `Enter ${label}.` : result.message });
        return z.NEVER;
      }),
  url: z
    .string()
    .trim()
    .max(300, 'A web address has at most 300 characters.')
    .refine((v) => /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v), 'Enter a web address starting with https://.'),
};
