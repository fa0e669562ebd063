// A one-time message carried across a navigation ("Вы вышли из личного
// кабинета" shown on the login page). The page that shows it takes it.
import { createSignal } from 'solid-js';

export interface Flash {
  tone: 'success' | 'info';
  text: string;
}

const [flash, setFlash] = createSignal<Flash | null>(null);

export function showFlash(text: string, tone: Flash['tone'] = 'success'): void {
  setFlash({ text, tone });
}

export function takeFlash(): Flash | null {
  const current = flash();
  setFlash(null);
  return current;
}
