import { CATEGORIES, type Language, type Municipality } from '@weerbaar/shared';
import { FIELD_MAX, FORM_FIELDS, type FieldErrors, type FormField, type FormValues } from './form-submission.js';
import { esc } from './page-layout.js';
import { withLang } from './language.js';
import { FORM_TEXT } from './texts-form.js';
import { PRIVACY_TEXT } from './texts-pages.js';

export interface FormPageModel {
  lang: Language;
  served: readonly Municipality[];
  values: FormValues;
  errors: FieldErrors;
  /** Today in the Netherlands, the latest date the date field offers. */
  today: string;
}

/** The id the error summary links to: the field itself, or the first option of a group. */
export function fieldAnchor(field: FormField, model: Pick<FormPageModel, 'served'>): string {
  // One municipality served: there is no choice on the page, so the summary points at the form.
  if (field === 'municipality') return model.served.length > 1 ? `municipality-${model.served[0]!.code}` : 'report-form';
  if (field === 'category') return `category-${CATEGORIES[0]!.id}`;
  if (field === 'submissionId') return 'report-form';
  return field;
}

/** The report form, prefilled with `values`, each error next to its field and summarised on top. */
export function renderFormMain(model: FormPageModel): string {
  const t = FORM_TEXT[model.lang];
  return `<h1>${esc(t.title)}</h1>
${errorSummary(model)}
<p>${esc(t.intro)}</p>
${privacySection(model.lang)}
<form id="report-form" method="post" action="${esc(withLang('/melden', model.lang))}" novalidate>
<input type="hidden" name="submissionId" value="${esc(model.values.submissionId)}">
<p>${esc(t.required)}</p>
${model.served.length > 1 ? municipalityGroup(model) : ''}
${categoryGroup(model)}
${textField(model, 'description', t.descriptionLabel, t.descriptionHint, 'textarea', 6)}
${textField(model, 'location', t.locationLabel, t.locationHint, 'textarea', 2)}
${whenGroup(model)}
${textField(model, 'involved', t.involvedLabel, t.involvedHint, 'textarea', 3)}
${textField(model, 'noticedHow', t.noticedHowLabel, t.noticedHowHint, 'textarea', 3)}
${concernsGroup(model)}
<p class="reminder">${esc(t.anonymityReminder)}</p>
<button type="submit" class="button">${esc(t.submit)}</button>
</form>`;
}

function errorSummary(model: FormPageModel): string {
  const fields = (['submissionId', ...FORM_FIELDS] as const).filter((field) => model.errors[field] !== undefined);
  if (fields.length === 0) return '';
  const t = FORM_TEXT[model.lang];
  const items = fields.map((field) => `<li><a href="#${esc(fieldAnchor(field, model))}">${esc(model.errors[field]!)}</a></li>`);
  return `<div class="error-summary" id="error-summary" tabindex="-1" aria-labelledby="error-summary-title" autofocus>
<h2 id="error-summary-title">${esc(t.errorSummaryTitle)}</h2>
<ul>${items.join('')}</ul>
</div>`;
}

function errorText(model: FormPageModel, field: FormField): string {
  const message = model.errors[field];
  if (message === undefined) return '';
  return `<p class="field-error" id="${field}-error"><span class="visually-hidden">${esc(FORM_TEXT[model.lang].errorPrefix)} </span>${esc(message)}</p>`;
}

function describedBy(model: FormPageModel, field: FormField, hasHint: boolean): string {
  const ids = [hasHint ? `${field}-hint` : '', model.errors[field] !== undefined ? `${field}-error` : ''].filter(Boolean);
  const invalid = model.errors[field] !== undefined ? ' aria-invalid="true"' : '';
  return ids.length > 0 ? ` aria-describedby="${ids.join(' ')}"${invalid}` : invalid;
}

function groupClass(model: FormPageModel, field: FormField): string {
  return model.errors[field] !== undefined ? 'field field-with-error' : 'field';
}

function municipalityGroup(model: FormPageModel): string {
  const t = FORM_TEXT[model.lang];
  const options = model.served.map(
    (m) => `<div class="choice"><input type="radio" id="municipality-${esc(m.code)}" name="municipality" value="${esc(m.code)}" required${model.values.municipality === m.code ? ' checked' : ''}>
<label for="municipality-${esc(m.code)}">${esc(m.name)}</label></div>`,
  );
  return `<fieldset class="${groupClass(model, 'municipality')}"${describedBy(model, 'municipality', false)}>
<legend>${esc(t.municipalityLegend)}</legend>
${errorText(model, 'municipality')}
${options.join('\n')}
</fieldset>`;
}

function categoryGroup(model: FormPageModel): string {
  const t = FORM_TEXT[model.lang];
  const options = CATEGORIES.map(
    (c) => `<div class="choice"><input type="radio" id="category-${c.id}" name="category" value="${c.id}" required aria-describedby="category-${c.id}-hint"${model.values.category === c.id ? ' checked' : ''}>
<label for="category-${c.id}">${esc(c.label[model.lang])}</label>
<p class="choice-hint" id="category-${c.id}-hint">${esc(c.hint[model.lang])}</p></div>`,
  );
  return `<fieldset class="${groupClass(model, 'category')}"${describedBy(model, 'category', true)}>
<legend>${esc(t.categoryLegend)}</legend>
<p class="hint" id="category-hint">${esc(t.categoryHint)}</p>
${errorText(model, 'category')}
${options.join('\n')}
</fieldset>`;
}

type TextFieldName = 'description' | 'location' | 'period' | 'involved' | 'noticedHow';

/** Fields the schema requires; marked `required` so screen readers say so (the form has novalidate). */
const REQUIRED_TEXT_FIELDS: readonly TextFieldName[] = ['description', 'location'];

function textField(model: FormPageModel, field: TextFieldName, label: string, hint: string | null, kind: 'textarea' | 'input', rows = 3): string {
  const value = model.values[field];
  const max = FIELD_MAX[field];
  const required = REQUIRED_TEXT_FIELDS.includes(field) ? ' required' : '';
  const common = `id="${field}" name="${field}"${required}${describedBy(model, field, hint !== null)}${max ? ` data-max="${max}"` : ''} spellcheck="true"`;
  // The newline after <textarea> keeps a leading newline of the value: the parser drops the first one.
  const control = kind === 'textarea' ? `<textarea ${common} rows="${rows}">\n${esc(value)}</textarea>` : `<input type="text" ${common} value="${esc(value)}">`;
  return `<div class="${groupClass(model, field)}">
<label for="${field}">${esc(label)}</label>
${hint !== null ? `<p class="hint" id="${field}-hint">${esc(hint)}</p>` : ''}
${errorText(model, field)}
${control}
</div>`;
}

function whenGroup(model: FormPageModel): string {
  const t = FORM_TEXT[model.lang];
  const hasError = model.errors.occurredOn !== undefined || model.errors.period !== undefined;
  return `<fieldset class="${hasError ? 'field field-with-error' : 'field'}" aria-describedby="when-hint">
<legend>${esc(t.whenLegend)}</legend>
<p class="hint" id="when-hint">${esc(t.whenHint)}</p>
<div class="${groupClass(model, 'occurredOn')}">
<label for="occurredOn">${esc(t.occurredOnLabel)}</label>
${errorText(model, 'occurredOn')}
<input type="date" id="occurredOn" name="occurredOn" class="input-date" max="${esc(model.today)}" value="${esc(model.values.occurredOn)}"${describedBy(model, 'occurredOn', false)}>
</div>
${textField(model, 'period', t.periodLabel, t.periodHint, 'input')}
</fieldset>`;
}

function concernsGroup(model: FormPageModel): string {
  const t = FORM_TEXT[model.lang];
  return `<fieldset class="field">
<legend>${esc(t.concernsLegend)}</legend>
<div class="choice"><input type="checkbox" id="concernsMtContact" name="concernsMtContact" value="true" aria-describedby="concernsMtContact-hint"${model.values.concernsMtContact ? ' checked' : ''}>
<label for="concernsMtContact">${esc(t.concernsLabel)}</label>
<p class="choice-hint" id="concernsMtContact-hint">${esc(t.concernsHint)}</p></div>
</fieldset>`;
}

function privacySection(lang: Language): string {
  const p = PRIVACY_TEXT[lang];
  return `<section class="privacy" aria-labelledby="privacy-title">
<h2 id="privacy-title">${esc(p.title)}</h2>
<ul>${p.points.map((point) => `<li>${esc(point)}</li>`).join('\n')}</ul>
<p class="emergency"><strong>${esc(p.emergency)}</strong></p>
</section>`;
}
