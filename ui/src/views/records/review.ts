// What ReviewPanel hands its parent to record: the parent adds its subject (record or reply)
// and runs its own command.
import type { SecrecyAnswer } from "@/api/bindings";

/** A signature of the next stage of 三审, or its return to the drafter (`passed` false). */
export type SignInput = { stage: string; personId: string; decidedOn: string; opinion: string; passed: boolean };

/** The 保密审查: each question answered (concern or not), by whom and when. */
export type SecrecyCheck = { reviewerId: string; decidedOn: string; answers: SecrecyAnswer[]; opinion: string };
