import type { Round, Submission } from '../domain/rounds.js';

/** A municipality's statuses in one round, as the hub keeps them. */
export interface StoredSubmission extends Submission {
  /** Set when the round closed; a frozen submission can never change again. */
  frozen: boolean;
}

/**
 * The measurement rounds, kept by the district hub only. Closing a round and freezing every
 * submission in it is one transaction, and the adapters refuse any later change in the
 * database itself, so no code path (nor a second process) can alter a closed round.
 */
export interface RoundRepository {
  create(round: Round): Promise<Round>;
  get(id: string): Promise<Round | undefined>;
  /** Newest first. */
  list(): Promise<Round[]>;
  /** Closes an open round and freezes its submissions; RoundClosedError when it is closed already. */
  close(id: string, closedAt: string): Promise<Round>;
  /**
   * Stores a municipality's statuses, replacing earlier ones, while the round is open.
   * NotFoundError for an unknown round; RoundClosedError (nothing written) once it is closed.
   */
  saveSubmission(submission: Submission): Promise<StoredSubmission>;
  /** Every municipality's submission in one round. */
  submissionsOfRound(roundId: string): Promise<StoredSubmission[]>;
  /** One municipality's submissions in every round. */
  submissionsOfMunicipality(municipalityCode: string): Promise<StoredSubmission[]>;
}
