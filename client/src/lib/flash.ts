/** A one-line confirmation carried to the next page in history state ("Ändringarna är sparade."). */
export interface FlashState {
  flash?: string;
}

export function flashOf(state: unknown): string | null {
  if (state && typeof state === 'object' && 'flash' in state && typeof (state as FlashState).flash === 'string') {
    return (state as FlashState).flash ?? null;
  }
  return null;
}
