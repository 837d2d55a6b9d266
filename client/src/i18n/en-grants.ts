import type { grantsSv } from './sv-grants';

// English texts of the grants pages, typed against the Swedish keys.
export const grantsEn: Record<keyof typeof grantsSv, string> = {
};
