import { dictionary } from '@zxcvbn-ts/language-common';

// The list is ranked by how often each password was found in breaches; we refuse the most common
// ones that our length rule would otherwise let through, plus a few Swedish favourites.
const swedish = ['lösenord', 'losenord', 'lösenord1', 'sommar2024', 'sommar2025', 'sommar2026', 'stockholm', 'stockholm1', 'hejsan123', 'qwertyui', 'sverige123', 'varmvatten'];
const common = new Set<string>([
  ...(dictionary['passwords-common'] as string[]).filter((p) => p.length >= 8).slice(0, 10000),
  ...swedish,
]);

export function isCommonPassword(password: string): boolean {
  return common.has(password.toLowerCase());
}
