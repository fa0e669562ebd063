// A coarse shared clock, so "осталось N дн." and "просрочено" stay true on a page left open.
import { createRoot, createSignal } from 'solid-js';

const TICK_MS = 30_000;

export const now = createRoot(() => {
  const [time, setTime] = createSignal(Date.now());
  setInterval(() => setTime(Date.now()), TICK_MS);
  return time;
});
