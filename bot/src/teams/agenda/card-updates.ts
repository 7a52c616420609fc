import {
  languageOf,
  type AgendaLedgerRepository,
  type AgendaRegistrationResultDto,
  type Directory,
  type Notifier,
} from '@weerbaar/shared';
import { stageOfWindowKey } from './card-actions.js';
import { agendaNudgeCard, type NudgeCardModel } from './cards.js';

export interface AgendaCardUpdatesDeps {
  ledger: Pick<AgendaLedgerRepository, 'nudges'>;
  notifier: Notifier;
  directory: Pick<Directory, 'findByObjectId'>;
  recognitionUrl: string;
  tenantOf(municipalityCode: string): string;
}

const CARD_UPDATE_HORIZON_MS = 400 * 24 * 60 * 60_000;

/**
 * When a discussion is registered in the web part, the nudge cards already in the head's
 * (and the MT contact's) chat are updated in place through the outbox, so nobody is left
 * looking at buttons for something already done. One update per card and registration.
 */
export function agendaCardUpdates(deps: AgendaCardUpdatesDeps): (result: AgendaRegistrationResultDto) => Promise<void> {
  return async ({ registration, department }) => {
    if (!registration) return;
    const nudges = await deps.ledger.nudges(department.municipalityCode);
    // A discussion closes the cards of the cycle it ended (the due date moved on); a plan
    // belongs on the cards of the current cycle. Cards older than about a year stay as they are.
    const inCurrentCycle = (windowKey: string) => windowKey.startsWith(`${department.dueDate}:`);
    const since = new Date(Date.parse(registration.recordedAt) - CARD_UPDATE_HORIZON_MS).toISOString();
    const open = nudges.filter(
      (n) =>
        n.departmentId === department.departmentId &&
        n.activityId !== null &&
        (n.sentAt ?? '') >= since &&
        (registration.kind === 'besproken' ? !inCurrentCycle(n.windowKey) : inCurrentCycle(n.windowKey)),
    );
    for (const nudge of open) {
      const person = await deps.directory.findByObjectId(nudge.recipientObjectId);
      const baseKey = nudge.windowKey.endsWith(':later') ? nudge.windowKey.slice(0, -':later'.length) : nudge.windowKey;
      const model: NudgeCardModel = {
        language: languageOf(person?.locale),
        departmentId: department.departmentId,
        departmentName: department.name,
        windowKey: baseKey,
        stage: nudge.stage === 'later' ? 'later' : stageOfWindowKey(baseKey),
        dueDate: baseKey.slice(0, 10),
        recipientRole: nudge.recipientRole,
        recognitionUrl: deps.recognitionUrl,
        status:
          registration.kind === 'besproken'
            ? { kind: 'besproken', date: registration.date, nextDueDate: department.dueDate }
            : { kind: 'gepland', date: registration.date },
      };
      await deps.notifier.notify({
        idempotencyKey: `agenda-update:${registration.id}:${nudge.key}`,
        tenantId: deps.tenantOf(department.municipalityCode),
        municipalityCode: department.municipalityCode,
        recipientObjectId: nudge.recipientObjectId,
        message: { text: department.name, card: agendaNudgeCard(model), replaceActivityId: nudge.activityId ?? undefined, kind: 'agenda.update' },
      });
    }
  };
}
