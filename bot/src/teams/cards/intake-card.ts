import { CATEGORIES, CONFIDENTIALITY_LABELS, CONFIDENTIALITY_MODES, EMERGENCY_ADVICE, INPUT_LIMITS, type Language } from '@weerbaar/shared';
import { fieldLabel } from '../dialog/field-problems.js';

/**
 * The intake form (Adaptive Card 1.5). Its Action.Submit data and input ids are the
 * FIXED submit contract documented in docs/bot-card-contract.md and checked by
 * `signalSubmitSchema`: {"action":"signal.submit","submissionId", category, description,
 * location, occurredOn | period, involved, noticedHow, concernsMtContact, confidentiality}.
 */
export interface IntakeCardOptions {
  language: Language;
  submissionId: string;
  /** Values to prefill, exactly as typed before (also invalid ones: nothing the reporter wrote is lost). */
  values?: Record<string, string>;
  /** Problems to show at the top of the form. */
  problems?: readonly string[];
}

type CardElement = Record<string, unknown>;

const TEXT = {
  nl: {
    title: 'Signaal van ondermijning melden',
    intro: 'Vul in wat je weet; het duurt ongeveer een minuut. Velden met een * zijn verplicht.',
    descriptionPlaceholder: 'Beschrijf wat je zag of hoorde, zo feitelijk mogelijk.',
    locationPlaceholder: 'Adres, gebouw, bedrijf of gebied',
    datePrompt: 'Wanneer: een datum (als je die weet)…',
    periodPrompt: '…of een periode, bijvoorbeeld "sinds maart" of "elke vrijdagavond"',
    optional: '(optioneel)',
    concernsTitle: 'Dit signaal gaat over mijn MT-aanspreekpunt ondermijning',
    concernsHint: 'Dan gaat het naar de plaatsvervanger en de gemeentesecretaris, niet naar het MT-aanspreekpunt.',
    confidentialityIntro: 'Hoe wil je melden? Lees wat elke keuze betekent:',
    submit: 'Versturen',
    limit: (max: number) => `max. ${max} tekens`,
    problemsTitle: 'Nog niet verstuurd. Pas dit aan:',
  },
  en: {
    title: 'Report a signal of subversive crime',
    intro: 'Fill in what you know; it takes about a minute. Fields marked * are required.',
    descriptionPlaceholder: 'Describe what you saw or heard, as factually as you can.',
    locationPlaceholder: 'Address, building, business or area',
    datePrompt: 'When: a date (if you know it)…',
    periodPrompt: '…or a period, for example "since March" or "every Friday night"',
    optional: '(optional)',
    concernsTitle: 'This signal concerns my MT contact for subversive crime',
    concernsHint: 'It then goes to the deputy and the municipal secretary, not to the MT contact.',
    confidentialityIntro: 'How do you want to report? Read what each choice means:',
    submit: 'Send',
    limit: (max: number) => `max. ${max} characters`,
    problemsTitle: 'Not sent yet. Please change this:',
  },
} as const;

function text(value: string, extra: CardElement = {}): CardElement {
  return { type: 'TextBlock', text: value, wrap: true, ...extra };
}

function input(id: string, label: string, extra: CardElement, values: Record<string, string>): CardElement {
  const value = values[id];
  return { type: 'Input.Text', id, label, ...extra, ...(value === undefined ? {} : { value }) };
}

export function intakeCard(options: IntakeCardOptions): Record<string, unknown> {
  const { language, submissionId } = options;
  const t = TEXT[language];
  const values = options.values ?? {};
  const label = (field: Parameters<typeof fieldLabel>[0], required: boolean) =>
    `${fieldLabel(field, language)}${required ? ' *' : ` ${t.optional}`}`;
  const body: CardElement[] = [text(t.title, { size: 'Large', weight: 'Bolder' }), text(t.intro), text(EMERGENCY_ADVICE.text[language], { isSubtle: true, size: 'Small' })];

  if (options.problems && options.problems.length > 0) {
    body.push({
      type: 'Container',
      style: 'attention',
      items: [text(t.problemsTitle, { weight: 'Bolder' }), ...options.problems.map((problem) => text(`• ${problem}`))],
    });
  }

  body.push({
    type: 'Input.ChoiceSet',
    id: 'category',
    label: label('category', true),
    style: 'expanded',
    wrap: true,
    isRequired: true,
    choices: CATEGORIES.map((category) => ({
      title: `${category.label[language]}: ${category.hint[language]}`,
      value: category.id,
    })),
    ...(values['category'] === undefined ? {} : { value: values['category'] }),
  });
  body.push(
    input('description', `${label('description', true)} (${t.limit(INPUT_LIMITS.description.max)})`, { isMultiline: true, isRequired: true, placeholder: t.descriptionPlaceholder }, values),
    input('location', label('location', true), { isMultiline: true, isRequired: true, placeholder: t.locationPlaceholder }, values),
    { type: 'Input.Date', id: 'occurredOn', label: t.datePrompt, ...(values['occurredOn'] === undefined ? {} : { value: values['occurredOn'] }) },
    input('period', t.periodPrompt, {}, values),
    input('involved', label('involved', false), { isMultiline: true }, values),
    input('noticedHow', label('noticedHow', false), { isMultiline: true }, values),
    {
      type: 'Input.Toggle',
      id: 'concernsMtContact',
      title: t.concernsTitle,
      valueOn: 'true',
      valueOff: 'false',
      wrap: true,
      value: values['concernsMtContact'] === 'true' ? 'true' : 'false',
    },
    text(t.concernsHint, { isSubtle: true, size: 'Small', spacing: 'None' }),
    text(t.confidentialityIntro, { weight: 'Bolder', spacing: 'Large' }),
    ...CONFIDENTIALITY_MODES.map((mode) =>
      text(`**${CONFIDENTIALITY_LABELS[mode].label[language]}**: ${CONFIDENTIALITY_LABELS[mode].explanation[language]}`),
    ),
    {
      type: 'Input.ChoiceSet',
      id: 'confidentiality',
      label: label('confidentiality', true),
      style: 'expanded',
      isRequired: true,
      choices: CONFIDENTIALITY_MODES.map((mode) => ({ title: CONFIDENTIALITY_LABELS[mode].label[language], value: mode })),
      ...(values['confidentiality'] === undefined ? {} : { value: values['confidentiality'] }),
    },
  );

  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    actions: [{ type: 'Action.Submit', title: t.submit, data: { action: 'signal.submit', submissionId } }],
  };
}
