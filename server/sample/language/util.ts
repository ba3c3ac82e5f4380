// Small helpers every language's sentences share.
import type { Random } from '../random';
import { MEASURE_KINDS, type MeasureKind, type TopicKey } from '../topics';

export const cap = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Digits grouped by `separator` from 10,000 up (and from 1,000 where the language groups four digits too). */
export function grouped(n: number, separator: string, fromFour = true): string {
  const digits = String(Math.round(n));
  if (digits.length < (fromFour ? 4 : 5)) return digits;
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** A count that reads like a statistic: exact when small, rounded to tens or hundreds when large. */
export function count(rnd: Random, min: number, max: number): number {
  const n = rnd.int(min, max);
  if (n >= 10_000) return Math.round(n / 100) * 100;
  if (n >= 1_000) return Math.round(n / 10) * 10;
  return n;
}

/** "a, b and c" with the language's conjunction. */
export function list(items: readonly string[], and: string): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}

/** Splits an ISO date. */
export function parts(iso: string): { y: number; m: number; d: number } {
  return { y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) };
}

/** Picks one of the functions and calls it: how sentence frames are chosen. */
export function oneOf<A extends unknown[], R>(rnd: Random, frames: ReadonlyArray<(...args: A) => R>, ...args: A): R {
  return rnd.pick(frames)(...args);
}

export interface Measure<F> {
  forms: F;
  kind: MeasureKind;
}

/**
 * One of the topic's measures whose kind is among `kinds` (any when none
 * qualifies or none is asked for), with its language's forms.
 */
export function measureOf<F>(rnd: Random, topic: TopicKey, forms: readonly F[], kinds?: readonly MeasureKind[]): Measure<F> {
  const all = MEASURE_KINDS[topic].map((kind, i) => ({ kind, forms: forms[i]! }));
  const fitting = kinds ? all.filter((m) => kinds.includes(m.kind)) : all;
  return rnd.pick(fitting.length ? fitting : all);
}
