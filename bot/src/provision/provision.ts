import type { ListSpec } from '@weerbaar/shared';
import { describeStep, planProvisioning, type ProvisionPlan } from './provision-plan.js';
import { applySteps, readExistingLists, type SiteSchemaTarget } from './site-schema.js';

export interface ProvisionOptions {
  specs: readonly ListSpec[];
  dryRun: boolean;
  print: (line: string) => void;
}

export interface ProvisionOutcome {
  plan: ProvisionPlan;
  applied: number;
  /** After an apply: the plan for the site as it is now (empty when it matches). */
  remaining?: ProvisionPlan;
}

export class ProvisionConflictError extends Error {
  constructor(count: number) {
    super(`${count} conflict(en): de site is niet aangepast (conflicts: nothing was changed)`);
    this.name = 'ProvisionConflictError';
  }
}

/**
 * Compares the list specs with the site, prints the plan, and unless it is a dry run
 * applies it and plans again to confirm the site now matches. Conflicts stop the apply
 * before anything changes.
 */
export async function provisionSite(target: SiteSchemaTarget, options: ProvisionOptions): Promise<ProvisionOutcome> {
  const { print } = options;
  const existing = await readExistingLists(target, options.specs);
  const plan = planProvisioning(options.specs, existing);

  print(`Plan voor ${target.siteUrl}${options.dryRun ? ' (dry run: er verandert niets / nothing changes)' : ''}:`);
  for (const step of plan.steps) print(`  ${describeStep(step)}`);
  for (const finding of plan.findings) {
    print(`  ${finding.kind === 'conflict' ? '! conflict' : '? let op'} ${finding.list}: ${finding.message}`);
  }
  if (plan.steps.length === 0) print('  Niets te doen: de site klopt met de lijstdefinities (nothing to do).');

  const conflicts = plan.findings.filter((f) => f.kind === 'conflict').length;
  if (options.dryRun || plan.steps.length === 0) return { plan, applied: 0 };
  if (conflicts > 0) throw new ProvisionConflictError(conflicts);

  let applied = 0;
  await applySteps(target, existing, plan.steps, (step) => {
    applied += 1;
    print(`  gedaan (done): ${describeStep(step)}`);
  });
  const remaining = planProvisioning(options.specs, await readExistingLists(target, options.specs));
  print(
    remaining.steps.length === 0
      ? `Klaar: ${applied} stap(pen) uitgevoerd; de site klopt (done, site matches).`
      : `Na ${applied} stap(pen) blijven ${remaining.steps.length} stap(pen) over (steps remain): draai opnieuw.`,
  );
  return { plan, applied, remaining };
}
