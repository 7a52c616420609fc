import { z } from 'zod';
import { DEFAULT_NUDGE_SCHEDULE, ValidationError, validateNudgeSchedule, type NudgeSchedule } from '@weerbaar/shared';

/**
 * Each municipality may set its own nudge windows; unset fields keep the default
 * (6 and 2 weeks before, on the due day, weekly three times, then the MT contact).
 * Configured as JSON in AGENDA_NUDGE_SCHEDULES, keyed by CBS code, e.g.
 * `{"0164":{"daysBeforeDue":[56,21],"sendWindow":{"start":"09:00","end":"16:00"}}}`.
 */
const wallTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const partialSchedule = z
  .object({
    daysBeforeDue: z.array(z.number().int()).optional(),
    remindOnDueDate: z.boolean().optional(),
    reminderIntervalDaysAfterDue: z.number().int().optional(),
    remindersAfterDue: z.number().int().optional(),
    escalationDaysAfterDue: z.number().int().optional(),
    sendWindow: z.object({ start: wallTime, end: wallTime }).optional(),
  })
  .strict();
const schedulesSchema = z.record(z.string().regex(/^\d{4}$/), partialSchedule);

export function agendaSchedulesFromEnv(value: string | undefined): (municipalityCode: string) => NudgeSchedule {
  const schedules = new Map<string, NudgeSchedule>();
  if (value !== undefined && value.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      throw new ValidationError('AGENDA_NUDGE_SCHEDULES is not valid JSON', 'AGENDA_NUDGE_SCHEDULES');
    }
    const result = schedulesSchema.safeParse(parsed);
    if (!result.success) throw new ValidationError('AGENDA_NUDGE_SCHEDULES has an invalid schedule', 'AGENDA_NUDGE_SCHEDULES');
    for (const [code, partial] of Object.entries(result.data)) {
      const defined = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
      schedules.set(code, validateNudgeSchedule({ ...DEFAULT_NUDGE_SCHEDULE, ...defined }));
    }
  }
  return (code) => schedules.get(code) ?? DEFAULT_NUDGE_SCHEDULE;
}
