import { z } from 'zod';
import { ValidationError } from '../domain/errors.js';
import { CATEGORY_IDS } from '../domain/signal.js';

/**
 * The learning module as data (shared/learning/module-v<N>.json) and a municipality's own
 * scenarios (one JSON file each, in the instance's learning folder). Both pass these
 * schemas before anything is shown, so a content edit can never break the bot, and a bad
 * local file is refused with its file name and the field that is wrong.
 *
 * Every text is given in Dutch and English (B1 level), side by side, so a scenario can
 * not exist in one language only.
 */
const TEXT_LIMITS = { short: 120, label: 200, long: 900 } as const;

const bilingual = (max: number) =>
  z.strictObject({
    nl: z.string().trim().min(1, 'Nederlandse tekst ontbreekt').max(max, `ten hoogste ${max} tekens`),
    en: z.string().trim().min(1, 'English text is missing').max(max, `at most ${max} characters`),
  });

export type BilingualText = z.infer<ReturnType<typeof bilingual>>;

const contentId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,47}$/, 'kleine letters, cijfers en streepjes (2 tot 48 tekens)');

export const learningOptionSchema = z.strictObject({
  id: contentId,
  label: bilingual(TEXT_LIMITS.label),
  /** A good answer; a question may have more than one. */
  correct: z.boolean(),
  /** Shown right after this option is chosen: why it is (not) what to do. */
  feedback: bilingual(TEXT_LIMITS.long),
});

const scenarioShape = {
  id: contentId,
  category: z.enum(CATEGORY_IDS),
  title: bilingual(TEXT_LIMITS.short),
  /** The situation at work, in a few sentences. */
  situation: bilingual(TEXT_LIMITS.long),
  /** "Is this a signal? What do you do?" */
  question: bilingual(TEXT_LIMITS.label),
  options: z.array(learningOptionSchema).min(2, 'ten minste 2 antwoorden').max(4, 'ten hoogste 4 antwoorden'),
  /** The lesson, shown with every answer's feedback. */
  explanation: bilingual(TEXT_LIMITS.long),
};

type ScenarioLike = { options: readonly { id: string; correct: boolean }[] };

/** Unique option ids and at least one good answer; the issue names the field. */
function checkOptions(scenario: ScenarioLike, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  scenario.options.forEach((option, index) => {
    if (seen.has(option.id)) ctx.addIssue({ code: 'custom', path: ['options', index, 'id'], message: `antwoord-id "${option.id}" komt twee keer voor` });
    seen.add(option.id);
  });
  if (!scenario.options.some((option) => option.correct)) {
    ctx.addIssue({ code: 'custom', path: ['options'], message: 'ten minste één antwoord moet goed zijn (correct: true)' });
  }
}

export const learningScenarioSchema = z.strictObject(scenarioShape).superRefine(checkOptions);
export type LearningScenario = z.infer<typeof learningScenarioSchema>;

/** A municipality's own scenario; optionally only for some of the municipalities an instance serves. */
export const localLearningScenarioSchema = z
  .strictObject({
    ...scenarioShape,
    municipalityCodes: z.array(z.string().regex(/^\d{4}$/, 'een CBS-code van vier cijfers')).min(1).optional(),
  })
  .superRefine(checkOptions);
export type LocalLearningScenario = z.infer<typeof localLearningScenarioSchema>;

export const REPORT_CHANNEL_IDS = ['bot', 'web-form', 'meld-misdaad-anoniem', 'emergency'] as const;
export type ReportChannelId = (typeof REPORT_CHANNEL_IDS)[number];

export const learningModuleSchema = z
  .strictObject({
    moduleId: contentId,
    /** "v1", "v2": recorded with each completion, so a later audit knows what was taught. */
    version: z.string().regex(/^v\d{1,3}$/, 'v gevolgd door een nummer, bijvoorbeeld v1'),
    estimatedMinutes: z.number().int().min(5).max(20),
    title: bilingual(TEXT_LIMITS.short),
    intro: bilingual(TEXT_LIMITS.long),
    scenarios: z.array(learningScenarioSchema).min(6, 'ten minste 6 scenario’s').max(8, 'ten hoogste 8 scenario’s'),
    summary: z.strictObject({
      title: bilingual(TEXT_LIMITS.short),
      points: z.array(bilingual(TEXT_LIMITS.label)).min(3).max(7),
    }),
    howToReport: z.strictObject({
      title: bilingual(TEXT_LIMITS.short),
      /** One entry per way to report; `{webFormUrl}` in a detail is replaced by the instance's form address. */
      channels: z
        .array(z.strictObject({ id: z.enum(REPORT_CHANNEL_IDS), label: bilingual(TEXT_LIMITS.short), detail: bilingual(TEXT_LIMITS.label) }))
        .length(REPORT_CHANNEL_IDS.length, `precies ${REPORT_CHANNEL_IDS.length} manieren om te melden`),
    }),
    completion: bilingual(TEXT_LIMITS.long),
  })
  .superRefine((module, ctx) => {
    const ids = new Set<string>();
    module.scenarios.forEach((scenario, index) => {
      if (ids.has(scenario.id)) ctx.addIssue({ code: 'custom', path: ['scenarios', index, 'id'], message: `scenario-id "${scenario.id}" komt twee keer voor` });
      ids.add(scenario.id);
    });
    // The module must touch every kind of signal at least once: that is its point.
    for (const category of CATEGORY_IDS) {
      if (!module.scenarios.some((scenario) => scenario.category === category)) {
        ctx.addIssue({ code: 'custom', path: ['scenarios'], message: `geen scenario voor de categorie "${category}"` });
      }
    }
    for (const channel of REPORT_CHANNEL_IDS) {
      if (!module.howToReport.channels.some((c) => c.id === channel)) {
        ctx.addIssue({ code: 'custom', path: ['howToReport', 'channels'], message: `de manier "${channel}" ontbreekt` });
      }
    }
  });
export type LearningModule = z.infer<typeof learningModuleSchema>;

/** `scenarios[2].options[0].feedback.en` */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    const name = String(key);
    return text === '' ? name : `${text}.${name}`;
  }, '');
}

function refuse(fileName: string, error: z.ZodError): never {
  const first = error.issues[0];
  const field = first ? fieldPath(first.path) || '(root)' : '(root)';
  const details = error.issues
    .slice(0, 3)
    .map((issue) => `${fieldPath(issue.path) || '(root)'}: ${issue.message}`)
    .join('; ');
  throw new ValidationError(`Leerinhoud ${fileName} geweigerd, veld ${field} (${details})`, field);
}

/** Validates a standard module file; throws a ValidationError naming the file and the field. */
export function parseLearningModule(json: unknown, fileName: string): LearningModule {
  const result = learningModuleSchema.safeParse(json);
  if (!result.success) refuse(fileName, result.error);
  return result.data;
}

/** Validates one local scenario file; throws a ValidationError naming the file and the field. */
export function parseLocalLearningScenario(json: unknown, fileName: string): LocalLearningScenario {
  const result = localLearningScenarioSchema.safeParse(json);
  if (!result.success) refuse(fileName, result.error);
  return result.data;
}

/** The app admin's switch: recording completion needs the works council's consent first. */
export const learningRecordingInputSchema = z
  .strictObject({
    enabled: z.boolean(),
    /** Where the consent is recorded, e.g. "Instemming OR 12 maart 2026, kenmerk OR-2026-07". */
    basis: z.string().trim().min(5, 'noem waar de instemming van de ondernemingsraad is vastgelegd').max(255).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.enabled && !input.basis) {
      ctx.addIssue({ code: 'custom', path: ['basis'], message: 'aanzetten kan alleen met de grondslag: de instemming van de ondernemingsraad (WOR art. 27)' });
    }
  });
export type LearningRecordingInput = z.infer<typeof learningRecordingInputSchema>;
