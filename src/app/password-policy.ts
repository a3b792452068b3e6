/**
 * The workspace's password policy: at least 12 characters (at most 512), not one of the 30,000 most
 * common passwords (resources/common-passwords.txt, compared case-insensitively; its source is in
 * resources/README.md), and not the user name. NIST SP 800-63B §5.1.1.2 asks for exactly this kind of
 * check — a minimum length and a blocklist of commonly used passwords — rather than composition rules.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const minPasswordLength = 12;
export const maxPasswordLength = 512;

/** The shipped list (from src/app or dist/app, the repository's `resources/`). */
export const commonPasswordsFile = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../resources/common-passwords.txt',
);

let common: ReadonlySet<string> | undefined;

/** The blocklist, lower-cased, read once. */
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    readFileSync(commonPasswordsFile, 'utf8')
      .split('\n')
      .map((l) => l.trim().toLowerCase())
      .filter((l) => l !== ''),
  );
  return common;
}

/** Why `password` is refused, or null when it is acceptable. `username` is compared case-insensitively. */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < minPasswordLength) return `at least ${minPasswordLength} characters`;
  if (password.length > maxPasswordLength) return `at most ${maxPasswordLength} characters`;
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower))
    return 'one of the 30,000 most common passwords; choose another (a few unrelated words work well)';
  if (username !== undefined && lower === username.toLowerCase()) return 'must not be the user name';
  return null;
}

/** A new password as a zod schema (the user-name check is the caller's, where the name is known). */
export const NewPassword = z.string().superRefine((p, ctx) => {
  const why = passwordProblem(p);
  if (why !== null) ctx.addIssue({ code: 'custom', message: why });
});
