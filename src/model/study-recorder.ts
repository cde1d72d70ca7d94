import type { StudyStore } from './study-store.js';

/**
 * An optional listener for per-study events of a run (used to write a synthetic RIS export and
 * to back-test a calibrated scenario). Ids are StudyStore slots: valid from `arrived` until
 * `reported` returns, then reused. Times are simulated minutes. A run without a recorder pays
 * one undefined check per event.
 */
export interface StudyRecorder {
  /** A study entered the department (its stream and arrival are in the store). */
  arrived(store: StudyStore, id: number, now: number): void;
  /** A reader of `group` started (or resumed) a read of the study. */
  readStarted(id: number, group: number, now: number): void;
  /** That read ended: done, or interrupted (preempted or handed back at a shift end). */
  readEnded(id: number, group: number, now: number, interrupted: boolean): void;
  /** The study was reported (its last read ended, or an AI cleared it). */
  reported(id: number, now: number): void;
}
