import { describe, expect, it } from 'vitest';
import { agendaNudgeCard, agendaNudgeMessage, cardNonce, meetingDeepLink, type NudgeCardModel } from '../src/teams/agenda/cards.js';

/** The nudge card's content and buttons, per language, stage and status. */
const base: NudgeCardModel = {
  language: 'nl',
  departmentId: '7',
  departmentName: 'Vergunningen',
  windowKey: '2027-04-15:before-42',
  stage: 'before-due',
  dueDate: '2027-04-15',
  recipientRole: 'head',
  recognitionUrl: 'https://hengelo.test/herkennen',
};

type Action = { type: string; title?: string; verb?: string; url?: string; data?: { nonce?: string }; card?: { body?: { type: string; id?: string; actions?: Action[] }[]; actions?: Action[] } };
const actionsOf = (model: NudgeCardModel) => (agendaNudgeCard(model)['actions'] as Action[]).map((a) => a.title);
const textOf = (model: NudgeCardModel) => JSON.stringify(agendaNudgeCard(model)['body']);

describe('the agenda nudge card', () => {
  it('says why, proposes an agenda item and 3 to 5 questions, and links to the examples', () => {
    const card = agendaNudgeCard(base);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    const body = card['body'] as { text?: string }[];
    expect(body[0]?.text).toBe('Ondermijning op de agenda van Vergunningen');
    expect(body[1]?.text).toBe('Zet ondermijning vóór 15 april 2027 op de agenda van je afdelingsoverleg.');
    const questions = body.find((b) => b.text?.startsWith('- '))?.text?.split('\n') ?? [];
    expect(questions.length).toBeGreaterThanOrEqual(3);
    expect(questions.length).toBeLessThanOrEqual(5);
    expect(textOf(base)).toContain('[Voorbeelden van signalen herkennen](https://hengelo.test/herkennen)');
  });

  it.each([
    { name: 'a fresh nudge', model: base, actions: ['Ingepland op…', 'Besproken op…', 'Herinner me later'] },
    { name: 'after planning', model: { ...base, status: { kind: 'gepland', date: '2027-04-01' } }, actions: ['Teams-vergadering maken', 'Besproken op…'] },
    { name: 'after "later"', model: { ...base, status: { kind: 'later', remindOn: '2027-03-11' } }, actions: ['Ingepland op…', 'Besproken op…'] },
    { name: 'the reminder itself', model: { ...base, stage: 'later' }, actions: ['Ingepland op…', 'Besproken op…'] },
    { name: 'once discussed', model: { ...base, status: { kind: 'besproken', date: '2027-03-03', nextDueDate: '2028-03-03' } }, actions: [] },
    { name: 'the escalation to the MT contact', model: { ...base, stage: 'escalation', recipientRole: 'mt-contact' }, actions: ['Besproken op…'] },
  ] as { name: string; model: NudgeCardModel; actions: string[] }[])('offers the right buttons on $name', ({ model, actions }) => {
    expect(actionsOf(model)).toEqual(actions);
  });

  it('speaks English to an en-* head, and the message kind says what it is', () => {
    const english = { ...base, language: 'en' as const };
    expect(textOf(english)).toContain('Ondermijning on the agenda of Vergunningen');
    expect(actionsOf(english)).toEqual(['Planned for…', 'Discussed on…', 'Remind me later']);
    expect(agendaNudgeMessage(english).kind).toBe('agenda.nudge');
    expect(agendaNudgeMessage({ ...base, stage: 'later' }).kind).toBe('agenda.reminder');
    expect(agendaNudgeMessage({ ...base, stage: 'escalation', recipientRole: 'mt-contact' }).kind).toBe('agenda.escalation');
  });

  it('opens a new Teams meeting with subject and agenda filled in, and gives each button a fixed nonce', () => {
    const planned = (agendaNudgeCard(base)['actions'] as Action[])[0];
    const link = planned?.card?.body?.find((b) => b.type === 'ActionSet')?.actions?.[0]?.url ?? '';
    expect(link).toBe(meetingDeepLink('Ondermijning: jaarlijks gesprek Vergunningen', 'Agendapunt: ondermijning (Vergunningen, 15 minuten). Wat herkennen we in ons werk, hoe melden we een signaal via het meldpunt in Teams, en wat hebben we het afgelopen jaar gezien?'));
    const url = new URL(link);
    expect(url.origin + url.pathname).toBe('https://teams.microsoft.com/l/meeting/new');
    expect(url.searchParams.get('subject')).toBe('Ondermijning: jaarlijks gesprek Vergunningen');
    expect(planned?.card?.body?.[0]).toMatchObject({ type: 'Input.Date', id: 'plannedOn', isRequired: true });
    expect(planned?.card?.actions?.[0]).toMatchObject({ type: 'Action.Execute', verb: 'agenda.gepland', data: { nonce: '2027-04-15:before-42:gepland' } });
    expect(cardNonce({ ...base, stage: 'later' }, 'agenda.besproken')).toBe('2027-04-15:before-42:later:besproken');
  });
});
