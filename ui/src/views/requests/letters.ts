// Which letters a request has, and the file a letter is saved to.
import type { LetterFormat, RequestLetterKind } from "@/api/bindings";

/** A typed path without the format's extension gets it; a blank one stays blank. */
export function withExtension(path: string, format: LetterFormat): string {
  const trimmed = path.trim();
  if (!trimmed) return "";
  return trimmed.toLowerCase().endsWith(`.${format}`) ? trimmed : `${trimmed}.${format}`;
}

/** What a request has done so far, as far as its letters go. */
export interface LetterSteps {
  replied: boolean;
  corrected: boolean;
  extended: boolean;
  consulted: boolean;
  charged: boolean;
}

/** The letters a request has, in the order they are written: a notice once its step happened. */
export function letterKinds(steps: LetterSteps): RequestLetterKind[] {
  const kinds: RequestLetterKind[] = [];
  if (steps.corrected) kinds.push("correction");
  if (steps.consulted) kinds.push("consultation");
  if (steps.charged) kinds.push("fee");
  if (steps.extended) kinds.push("extension");
  if (steps.replied) kinds.push("reply");
  return kinds;
}
