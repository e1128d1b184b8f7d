/**
 * A base's current status in one line: held, withdrawn or under negotiation,
 * as of the latest date a source confirms it. Read from the base's own
 * reported statements (never an opinion): the status verb of the statement
 * with the latest date wins. A statement's date is the date it gives, else
 * its source's publication date (a report of "the troops left" confirms that
 * as of the day it was published). Pure.
 *
 * The cues are the ordinary vocabulary of basing news, checked in order, so
 * "talks on the future of the base, where troops remain" reads as under
 * negotiation rather than held. No cue: no status line (nothing is guessed).
 */
import type { DateValue, Statement } from '../model.ts';
import { statementDate } from '../shared/statement-date.ts';
import { reportsFact } from './claims.ts';

export type BaseState = 'withdrawn' | 'under negotiation' | 'held';

const CUES: readonly [BaseState, RegExp][] = [
  ['withdrawn', /\b(?:withdr[ae]w\w*|pull(?:ed|s|ing)? (?:out|back)|evacuat\w+|abandon\w*|vacat\w+|hand(?:ed|s|ing)? (?:it )?over|clos(?:ed|ing|ure)|dismantl\w+)\b/iu],
  ['under negotiation', /\b(?:negotiat\w+|renegotiat\w+|talks|lease|discuss\w*|deal over|future of)\b/iu],
  ['held', /\b(?:retain\w*|keeps?|kept|maintain\w*|stationed|deployed|operat(?:es|ing|ed)|holds?|held|remains?|remained|presence|hosts?)\b/iu],
];

export interface BaseStatus {
  state: BaseState;
  /** The latest date a source confirms the state. */
  asOf: DateValue;
  statement: Statement;
}

export function stateOf(text: string): BaseState | undefined {
  return CUES.find(([, cue]) => cue.test(text))?.[0];
}

export function baseStatus(statements: readonly Statement[], published: (articleSlug: string) => DateValue | undefined): BaseStatus | undefined {
  let best: BaseStatus | undefined;
  for (const statement of statements) {
    if (!reportsFact(statement)) continue;
    const state = stateOf(statement.text);
    if (!state) continue;
    const asOf = statementDate(statement) ?? published(statement.articleSlug);
    if (!asOf) continue;
    // Later wins; on the same day, the order of CUES (a withdrawal outranks a presence that day).
    const later = !best || asOf.end > best.asOf.end || (asOf.end === best.asOf.end && CUES.findIndex(([s]) => s === state) < CUES.findIndex(([s]) => s === best!.state));
    if (later) best = { state, asOf, statement };
  }
  return best;
}
