// Random valid identifiers for test applicants, computed independently of the
// domain validators (so each side checks the other).
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10));
const weighted = (ds: number[], ws: number[]) => ws.reduce((s, w, i) => s + w * ds[i]!, 0);

export function fakeSnils(): string {
  const d = [1, ...digits(8)]; // above 001-001-998, where the check applies
  const s = weighted(d, [9, 8, 7, 6, 5, 4, 3, 2, 1]);
  const check = s < 100 ? s : s === 100 || s === 101 ? 0 : s % 101 === 100 ? 0 : s % 101;
  return d.join('') + String(check).padStart(2, '0');
}

export function fakeInn10(): string {
  const d = [7, 7, ...digits(7)];
  return d.join('') + String((weighted(d, [2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10);
}

export function fakeInn12(): string {
  const d = [5, 0, ...digits(8)];
  const c11 = (weighted(d, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10;
  const c12 = (weighted([...d, c11], [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10;
  return [...d, c11, c12].join('');
}

export function fakeOgrn(): string {
  const body = '1' + digits(11).join('');
  return body + String((BigInt(body) % 11n) % 10n);
}

export function fakeOgrnip(): string {
  const body = '3' + digits(13).join('');
  return body + String((BigInt(body) % 13n) % 10n);
}

export const fakeKpp = () => `7736${String(Math.floor(Math.random() * 100)).padStart(2, '0')}001`;
