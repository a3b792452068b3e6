/**
 * The briefing in English: every sentence, heading and label (catalogue.ts). Outcome names are the
 * model's (src/core/assure/vocabulary.ts; a test keeps them equal). `{name}` is a parameter; a message
 * with `one`/`other` forms is chosen by the number `n` (Intl.PluralRules, en-GB).
 */
export const en = {
  // ── Page ──────────────────────────────────────────────────────────────────────────────────────
  subtitle: 'Force plan and assurance briefing',
  'subtitle.host': 'Force plan and assurance briefing — {host}',
  'subtitle.asOf': 'situation as of {date}',
  'subtitle.variants': 'variants: {variants}',
  'ui.documentTitle': 'Bulwark briefing',
  'ui.keyFigures': 'The bottom line',
  'ui.keyJudgements': 'Key judgements',
  'ui.findings': 'Findings in detail',
  'ui.details': 'details ↓',
  'ui.disclaimer':
    'Generated from the scenario and seed in the appendix: the plan is an optimisation over the pledges and the stated assumptions, and the probabilities come from a Monte Carlo model that makes its assumptions explicit. They are not predictions.',
  'ui.glossary': 'Glossary',
  'ui.frontier': 'What force buys: cost against the risk that the ceasefire fails',
  'ui.frontierMethod':
    'Method and limits: docs/frontier.md (forces sourced at least cost for scaled requirements, simulated on the same runs; intervals are Monte Carlo error only).',
  'ui.map': 'Where the force deploys',
  'ui.mapCaption':
    'Boundaries: Natural Earth 1:50m via world-atlas (public domain), with Crimea drawn in Ukraine, where its internationally recognised border puts it. Locations from the scenario; what each mission receives from the plan, which sources missions, not sites.',
  'ui.coverage': 'Required against sourced capability',
  'ui.coverageIntro':
    'Blue: capability the plan sources from pledges; vermilion: what is short; black line: the requirement. Each panel’s axis is in its capability’s unit.',
  'ui.gaps': 'Gaps and why',
  'ui.options': 'Against the force options',
  'ui.fairness': 'Personnel, cost and fair share',
  'ui.calendar': 'Rotation calendar',
  'ui.calendarIntro':
    'Every unit in theatre needs others preparing and recovering: rotation ratio = (tour + dwell) ÷ tour.',
  'ui.deployment': 'Deployment flow: when the force is in place',
  'ui.resilience': 'Resilience: what breaks if a nation leaves',
  'ui.assurance': 'How likely is the ceasefire to hold?',
  'ui.tornado': 'Which assumptions matter',
  'ui.credibility': 'When does the backstop deter?',
  'ui.pledges': 'Pledges',
  'ui.sourcing': 'Sourcing table',
  'ui.appendix': 'Appendix: provenance and assumptions',
  'ui.scenario': 'Scenario',
  'ui.scenarioHash': 'Scenario hash',
  'ui.monteCarlo': 'Monte Carlo',
  'ui.planner': 'Planner',
  'ui.bulwark': 'Bulwark',
  'ui.reproduce': 'Reproduce',
  'ui.sources': 'Sources and assumptions of the scenario',
  'ui.method': 'Method:',
  'ui.notes': 'Notes on assumptions',
  'ui.skip': 'Skip to the findings in detail',
  'appendix.planner': '{solver}, {mode}, {method}, status {status}',
  'appendix.mode.pledged': 'pledged mode',
  'appendix.mode.potential': 'potential mode',
  'appendix.lp': 'continuous LP',
  'appendix.mip': 'whole units (MIP)',
  'appendix.notRun': 'not run',
  'appendix.reproduce.workspace':
    'Run on version {version} of the workspace scenario {id}: export that version as {file} (the run page’s link, or GET {url}), then run',
  'appendix.monteCarlo': '{runs} runs per case, seed {seed}',
  'appendix.bulwark': 'version {version}, generated {generated}',
  'appendix.scenario': '{id} (as of {date})',
  'appendix.scenario.variants': '{id} (as of {date}), variants {variants}',
  'source.source': 'source',
  'source.derived': 'derived',
  'source.assumption': 'assumption',
  'map.title': 'Where the force deploys at its peak ({when})',
  'map.legend.host': '{host}, internationally recognised borders',
  'map.legend.occupied': 'Occupied by {adversary}, as of {date} (approximate)',
  'map.legend.contact': '{name}, as of {date}',
  'map.legend.coalition': 'Coalition members',
  'map.legend.other': 'Other countries',
  'map.legend.site': 'City, base, port or HQ',
  'map.legend.sea': 'Sea area',
  'map.legend.training': 'Training site (outside the host)',
  'map.legend.mission': {
    one: '{mission}: {personnel} personnel at the peak over {n} location',
    other: '{mission}: {personnel} personnel at the peak over {n} locations',
  },
  'map.legend.missionNone': '{mission}: none in the plan',
  'map.km': 'km',
  'map.desc': 'Deployment locations of the force by mission: {list}.',
  'ui.mapSources': 'Borders, occupied territory and line of contact:',
  'ui.chartData': 'Data behind this chart (CSV)',
  'table.missionAreas.caption':
    'What the plan deploys to each mission at the peak, over all its locations. The plan sources missions, not sites, so no figure is given per location.',
  'table.personnelPeak': 'personnel (peak)',
  'table.locationCount': 'locations',
  'table.noneInPlan': 'none in the plan',

  // ── Shared words ──────────────────────────────────────────────────────────────────────────────
  na: 'n/a',
  'punct.semicolon': '; ',
  range: '{low}–{high}',
  interval: '95% interval {lo} to {hi}',
  'money.perYear': '{money} a year',
  'list.others': { one: 'one other', other: '{n} others' },
  'case.asPledged': 'as pledged',
  'case.committable': 'from committable inventories',
  /** A variant's case inside a sentence: its name quoted as a name, never capitalised as a sentence. */
  'case.named': 'under “{name}”',
  'case.variantPlanned': '{variant} (force from committable inventories)',
  'category.air': 'air {personnel}',
  'category.land': 'land {personnel}',
  'category.maritime': 'maritime {personnel}',
  'category.training': 'training {personnel}',
  'category.enabler': 'enablers {personnel}',
  'status.assumed': 'assumed',
  'status.announced': 'announced',
  'status.offered': 'offered',
  'status.confirmed': 'confirmed',
  'status.deployed': 'deployed',
  'fair.basis.gdp': 'GDP',
  'fair.basis.budget': 'defence spending',
  'fair.burden.cost': 'cost',
  'fair.burden.personnel': 'personnel',
  'backstop.none': 'no backstop',
  'backstop.intelligence-logistics': 'intelligence and logistics backstop',
  'backstop.air-support': 'air-support backstop',
  'backstop.full': 'full backstop',
  'series.sourced': 'sourced',
  'series.short': 'short',
  'series.required': 'required',
  'series.low': 'low',
  'series.high': 'high',

  // ── Terms (the model's names) and the glossary ────────────────────────────────────────────────
  'term.held': 'ceasefire held',
  'term.ceasefireFailed': 'ceasefire fails',
  'term.tripwireTested': 'tripwire tested',
  'term.contested': 'broke, then restored',
  'term.contained': 'tripwire tested and contained',
  'term.renewedWar': 'renewed war',
  'term.widerWar': 'war with the guarantor',
  'term.coalitionCollapse': 'coalition collapse',
  'term.backstop': 'backstop',
  'term.pledgedForce': 'pledged force',
  'term.committable': 'committable inventory',
  'term.requirementPeriod': 'requirement-period',
  'term.rotation': 'tied up by rotation',
  'term.troopTour': 'troop-tour',
  'term.fairShare': 'fair share',
  'term.fairnessIndex': 'fairness index',
  'term.weightedShortfall': 'priority-weighted shortfall',
  'term.interval': '95% interval',
  'term.points': 'points',
  'term.frontier': 'deterrence frontier',
  'term.credibility': 'credibility threshold',
  'term.riskTolerance': 'adversary risk tolerance (ρ)',
  'define.held':
    'No strikes on the host (level 3 of the escalation ladder) at any time within the horizon; grey-zone probing and violations may occur.',
  'define.ceasefireFailed':
    'Strikes on the host (level 3 or above) at some time within the horizon: one minus the chance the ceasefire held.',
  'define.tripwireTested': 'The force itself is attacked (level 4 or above) at some time within the horizon.',
  'define.contested':
    'Strikes on the host at some time, but back to violations or below at the horizon; the force never attacked.',
  'define.contained': 'The force was attacked (level 4), but back to violations or below at the horizon.',
  'define.renewedWar':
    'At the horizon, strikes on the host, an attack on the force or coalition combat (levels 3–5).',
  'define.widerWar': 'Level 6 reached: the guarantor at war with the adversary.',
  'define.coalitionCollapse': 'More than the collapse share of the force (by peak personnel) withdrew.',
  'define.backstop':
    'The guarantor’s promise to intervene if the force is attacked; its kind (intelligence and logistics, air support, full) and credibility are scenario inputs.',
  'define.pledgedForce':
    'The units nations have pledged, allocated to missions by the planner at least cost; conditional pledges whose condition fails are left out.',
  'define.committable':
    'What a nation could send: the share of its inventory it may commit, divided by the rotation ratio; used only to say who could fill a gap.',
  'define.requirementPeriod':
    'One capability requirement of one mission in one planning period; “met in full” means no shortfall in it.',
  'define.rotation':
    'Personnel needed to keep a unit deployed continuously: those in theatre plus those preparing and recovering, (tour + dwell) ÷ tour times those deployed.',
  'define.troopTour': 'One person serving one tour; a person who serves twice counts two troop-tours.',
  'define.fairShare':
    'A nation’s share of the contributors’ GDP (or defence spending), against which its share of the burden is read.',
  'define.fairnessIndex':
    '1 − ½ Σ |burden share − fair share|: 1 when every nation carries its fair share, 0 when one nation carries what others should.',
  'define.weightedShortfall':
    'Unmet share of each requirement, weighted by its priority and summed over the periods in years (requirement-years).',
  'define.interval':
    'The range that contains the true model probability with 95% confidence given the number of runs (Wilson score interval); it covers Monte Carlo error only, not doubt about the assumptions.',
  'define.points':
    'Percentage points: the difference between two probabilities (79.3% against 89.0% is a difference of 9.7 points).',
  'define.frontier':
    'The cheapest force, sourced at least cost for scaled requirements, that keeps the chance the ceasefire fails at or below the target.',
  'define.credibility':
    'In the tripwire game, the least belief in the guarantor’s resolve at which testing the force stops paying the adversary.',
  'define.riskTolerance':
    'How much risk the adversary accepts when choosing to escalate (ρ); drawn per run from the scenario’s distribution.',

  // ── Bottom line ───────────────────────────────────────────────────────────────────────────────
  'key.force.label': 'The pledged force at its peak',
  'key.force.value': '{personnel} personnel',
  'key.force.required': 'against {required} for the requirements as stated ({share})',
  'key.force.nations': { one: 'from one nation', other: 'from {n} nations' },
  'key.force.soWhat': 'It meets {met} of {all} requirement-periods in full.',
  'key.ceasefire.label': 'Chance the ceasefire fails within {days} days ({case})',
  'key.ceasefire.held': 'The ceasefire holds in {held}.',
  'key.ceasefire.other': '{case}: {risk}, {diff} on the same runs.',
  'key.ceasefire.soWhat.above': 'Above the {target} target, beyond the runs’ doubt.',
  'key.ceasefire.soWhat.within': 'Within the {target} target, beyond the runs’ doubt.',
  'key.ceasefire.soWhat.at': 'At the {target} target within the runs’ precision.',
  'key.ceasefire.soWhat.noTarget': 'The force itself is attacked in {tripwire} of runs.',
  'key.backstop.label': 'What the backstop is worth ({case})',
  'key.backstop.label.risk': 'What the backstop is worth, in risk',
  'key.backstop.value': '{personnel} personnel',
  'key.backstop.value.none': 'No force replaces it',
  'key.backstop.detail':
    'With it the requirements as stated give {with}; without it the lowest risk of any force tried is {without}.',
  'key.backstop.soWhat':
    'The extra force it takes to match, without the backstop, the risk the requirements give with it.',
  'key.backstop.soWhat.none':
    'Without the backstop no force tried reaches the risk the requirements give with it.',
  'key.backstop.detail.risk':
    'The difference in the chance the ceasefire fails between the two cases, on the same runs.',
  'key.backstop.soWhat.risk': 'The risk the backstop takes away for the same force.',
  'key.gap.label': 'The largest gap',
  'key.gap.value': '{mission}: {capability}',
  'key.gap.detail': 'Short by {short} of {required} {unit}, {when}.',
  'key.gap.soWhat': {
    one: '{who} could fill it from its committable inventory.',
    other: '{who} could fill it from their committable inventories.',
  },
  'key.gap.soWhat.none': 'No coalition member has committable units of the kinds needed.',
  'key.cost.label': 'Cost of the force',
  'key.cost.detail': 'Incremental deployment cost; fairness index {index} (1 = shares in proportion).',
  'key.cost.soWhat.even': 'No nation carries more than its fair share.',
  'key.frontier.label': 'Cheapest force keeping the risk at or below {target} ({case})',
  'key.frontier.detail': 'Chance the ceasefire fails {risk}, {cost}.',
  'key.frontier.soWhat':
    'Sourced at least cost from committable inventories; the target is met with 95% confidence.',
  'key.frontier.soWhat.estimate':
    'Sourced at least cost from committable inventories; the target is met on the estimate, not with 95% confidence.',

  // ── Findings: the force ───────────────────────────────────────────────────────────────────────
  'force.headline': {
    one: 'The pledged force: {personnel} personnel from one nation',
    other: 'The pledged force: {personnel} personnel from {n} nations',
  },
  'force.unsolved': 'No plan could be computed ({status})',
  'force.unsolved.text': 'The solver returned no solution.',
  'force.minStatus': 'Counting only pledges {status} or firmer.',
  'force.peak':
    'Allocated at least cost, the pledges put {personnel} personnel in place at the peak ({shape}).',
  'force.met': {
    one: 'They meet {met} of {all} requirement-periods in full (each capability requirement in the one planning period).',
    other:
      'They meet {met} of {all} requirement-periods in full (each capability requirement in each of {n} planning periods).',
  },
  'force.tiedUp':
    'Keeping the force there under each nation’s rotation rules ties up {tied} personnel (in theatre, preparing and recovering); over the horizon that is {tours} troop-tours served by {people} different people.',
  'force.sustain': '{nation} can keep its part for about {years} years before its units run out of dwell.',

  // ── Findings: options ─────────────────────────────────────────────────────────────────────────
  'options.headline': 'Against the published options: {share} of {option}',
  'options.headline.none': 'Against the published options',
  'options.of': '{share} of {option}',
  'options.text': 'At its peak the pledged force ({personnel} personnel) is {shares}.',
  'options.weakest': 'Its weakest component against {option} is {component}: {detail}.',
  'options.componentPersonnel': '{share} in personnel ({have} of {need})',
  'options.componentCapability': '{share} in capability ({detail})',
  'options.capability': '{name} {have} of {need}',

  // ── Findings: gaps ────────────────────────────────────────────────────────────────────────────
  'gaps.none': 'No capability gaps',
  'gaps.none.text': 'The pledges cover every requirement in every period.',
  'gaps.headline': {
    one: 'One capability requirement not fully met',
    other: '{n} capability requirements not fully met',
  },
  'gaps.text': 'The biggest gaps: {gaps}.',
  'gaps.item': '{mission}: {capability} short by {short} of {required} {unit}, {when} ({why})',
  'gaps.leadOnly': {
    one: 'In {when} no requirement is met at all: a unit counts only from the first period that starts after its lead time, and no pledged unit is ready on day 0.',
    other:
      'In {when} no requirement is met at all: a unit counts only from the first period that starts after its lead time, and no pledged unit is ready on day 0.',
  },
  'gaps.fillers.short': {
    one: 'From committable inventories, {who} could fill most of these gaps; even then one requirement-period stays short.',
    other:
      'From committable inventories, {who} could fill most of these gaps; even then {n} requirement-periods stay short.',
  },
  'gaps.fillers.all':
    'From committable inventories, {who} could fill these gaps; with them every requirement would be met.',
  'gaps.noFillers': 'No coalition member has committable units of the kinds needed.',
  'cause.supply-exhausted': 'pledges used up: {who}',
  'cause.personnel-ceiling': 'personnel ceilings reached: {who}',
  'cause.budget-ceiling': 'budget ceilings reached: {who}',
  'cause.whole-units': 'less than one more whole unit available: {who}',
  'cause.lead-time': 'still within their lead time: {who}',
  'cause.caveat': 'excluded by national caveats: {who}',
  'cause.national-limit': 'excluded by national law or policy: {who}',
  'cause.pledged-elsewhere': 'pledged for other missions only: {who}',
  'cause.conditional': 'pledged on a condition that does not hold: {who}',
  'cause.not-pledged': { one: 'held by {who}, but not pledged', other: 'held by {who}, but not pledged' },
  'cause.not-committable': 'none committable: {who}',
  'cause.withdrawn': 'withdrawn: {who}',
  'cause.no-provider': 'no unit type in the catalogue provides it',
  'cause.not-held': 'no coalition nation holds a unit type that provides it',

  // ── Findings: cost ────────────────────────────────────────────────────────────────────────────
  'cost.headline': 'Cost: {money} a year; fairness index {index}',
  'cost.text': 'The force costs {money} over {years} years (incremental deployment cost).',
  'cost.heavy': {
    one: '{who} carries {burden} of the {what} against {fair} of the contributors’ {basis}.',
    other: '{who} carry {burden} of the {what} against {fair} of the contributors’ {basis}.',
  },
  'cost.index':
    'A fairness index of 1 means shares exactly in proportion, 0 that one nation carries what others should.',

  // ── Findings: resilience ──────────────────────────────────────────────────────────────────────
  'loss.conditional': 'every conditional pledge',
  'loss.condition': 'the pledges conditional on “{condition}”',
  'resilience.headline': 'Most damaging loss: {loss}',
  'resilience.none': 'No single loss adds a gap',
  'resilience.none.text':
    'Re-planning without each nation in turn opens no new gap: other pledges cover every loss.',
  'resilience.text':
    'Re-planning without each nation in turn, and without the pledges that depend on a condition, the losses that open the largest new gaps are: {losses}.',
  'resilience.loss': '{loss} ({mission} coverage falls from {from} to {to})',
  'resilience.conditional':
    'Without every conditional pledge (those that depend on the backstop or another condition), the priority-weighted shortfall grows by {added} requirement-years.',
  'resilience.conditional.none': 'Without every conditional pledge, no new gap opens.',

  // ── Findings: assurance ───────────────────────────────────────────────────────────────────────
  'assurance.headline':
    'Ceasefire held (no strikes on the host) over {days} days in {held} of {runs} simulated futures',
  'assurance.text':
    'In the base case ({case}) the ceasefire holds for the {days}-day horizon in {held}; the tripwire is tested (the force attacked) in {tripwire}, and war with the guarantor comes in {war}.',
  'assurance.compared': 'On the same random draws: {comparisons}.',
  'assurance.compare':
    '{case}: ceasefire held in {held}, {diff} against the base (paired 95% interval {lo} to {hi})',
  'assumptions.headline': 'The assumption that matters most: {parameter}',
  'assumptions.text':
    'Moving each uncertain assumption from its {low} to its {high} quantile, and each assumed constant from half to one and a half times its value, with the rest as in the scenario, the chance the ceasefire fails moves most with {list}.',
  'assumptions.item': '{parameter} ({swing})',
  'parameter.tolerance': 'casualty tolerance of {nation}',
  'parameter.riskTolerance': 'adversary risk tolerance ρ',
  'parameter.credibility': 'guarantor credibility',
  'parameter.attackStrength': 'attacker strength per attack',
  'parameter.attackFatalities': 'fatalities per attack',
  'parameter.const:theta': 'sensitivity to incentive θ',
  'parameter.const:up2': 'rate from violations to strikes',
  'parameter.const:up3': 'rate from strikes to an attack on the force',
  'parameter.const:up45': 'rates past an attack (levels 4–5)',
  'parameter.const:power': 'the guarantor’s power',
  'parameter.const:kindWeight': 'weight of the backstop’s kind',
  'parameter.const:visibility': 'visibility of the backstop',
  'parameter.const:priorAlpha': 'the adversary’s prior α₀',
  'parameter.const:escalates': 'intervention escalates',
  'parameter.const:audience': 'audience cost per 1,000',
  'parameter.const:retaliation': 'coalition retaliation weight',
  'parameter.const:forceSize': 'force size (multiplier)',

  // ── Findings: credibility ─────────────────────────────────────────────────────────────────────
  'credibility.never': 'No level of guarantor credibility deters a test of the force',
  'credibility.headline':
    'The backstop deters a test if the adversary believes in it at {threshold} or more (it is at {prior})',
  'credibility.deters':
    'In the tripwire game built from the scenario (the adversary tests the force or not; the coalition fights or withdraws; the guarantor, resolute or not, intervenes or abstains), the adversary is deterred at its current belief.',
  'credibility.pays':
    'In the tripwire game built from the scenario (the adversary tests the force or not; the coalition fights or withdraws; the guarantor, resolute or not, intervenes or abstains), testing the force pays at the adversary’s current belief.',
  'credibility.compare':
    'Without the force the threshold would be {without}; if the force worked as an automatic trigger it would be {trigger}.',
  'credibility.curve':
    'From {fromPersonnel} to {toPersonnel} personnel, the threshold moves from {from} to {to}.',
  'credibility.unreachable': 'out of reach',
  'credibility.note':
    'The threshold is the least belief in the guarantor’s resolve at which testing the force stops paying; the dashed line is the adversary’s belief (games.md).',

  // ── Frontier ──────────────────────────────────────────────────────────────────────────────────
  'frontier.headline':
    'The cheapest force keeping the risk that the ceasefire fails at or below {target}: {personnel} personnel ({case})',
  'frontier.headline.estimate':
    'The cheapest force keeping the risk that the ceasefire fails at or below {target} (on the estimate): {personnel} personnel ({case})',
  'frontier.headline.none':
    'No force tried keeps the risk that the ceasefire fails at or below {target} ({case})',
  'frontier.cheapest.potential':
    'Sourced at least cost from committable inventories, {personnel} personnel at peak ({cost}) keep the chance that the ceasefire fails within the horizon at {risk}.',
  'frontier.cheapest.pledges':
    'Sourced at least cost from the pledges, {personnel} personnel at peak ({cost}) keep the chance that the ceasefire fails within the horizon at {risk}.',
  'frontier.onEstimate':
    'The interval reaches above {target}, so the target is met on the estimate, not with 95% confidence.',
  'frontier.pledged.within': 'The pledged force, {personnel} personnel, gives {risk}: within the target.',
  'frontier.pledged.above': 'The pledged force, {personnel} personnel, gives {risk}: above the target.',
  'frontier.pledged.at':
    'The pledged force, {personnel} personnel, gives {risk}: at the target within the runs’ precision.',
  'frontier.pledged.assured':
    'That is the estimate of the assurance below, on its {runs} runs; the frontier’s chart marks the same force at its own estimate, on {fewer} runs.',
  'frontier.worth':
    'Without the backstop, the risk the requirements as stated give with it takes {personnel} more personnel (point estimates).',
  'frontier.worth.none':
    'Without the backstop, no force tried (up to {largest} personnel) matches the risk the requirements as stated give with it: the lowest is {lowest}.',
  'frontier.caveat':
    'The model counts each contributing nation’s whole retaliation from its first soldier, so these forces are spread over many nations; the what-if retaliation-by-stake changes the answer (docs/frontier.md §5–6).',
  'frontier.mark.pledged': 'pledged force',
  'frontier.mark.option': 'named option',
  'frontier.target': 'target {target}',
  'frontier.force': '{personnel} personnel at peak, {cost}',
  'frontier.noForce': 'no force',
  'frontier.scale': 'requirements × {scale}',
  'frontier.note.buys':
    'What force buys ({case}): the chance the ceasefire fails within the horizon is {none} with no force and {stated} with the requirements as stated ({force});',
  'frontier.note.largest': 'the largest force tried ({force}) gives {risk}.',
  'frontier.note.noLarger': 'no larger force can be sourced.',
  'frontier.note.cheapest': 'Cheapest force keeping the risk at or below {target} ({case}): {force}, {risk}.',
  'frontier.note.noneMeets':
    'No force tried keeps the risk at or below {target} ({case}): the lowest is {risk} at {force}.',
  'frontier.note.worth':
    'What the backstop is worth ({case}): without it, the risk of the requirements as stated with it ({risk}) takes {force}: {personnel} more personnel and {cost} more (point estimates).',
  'frontier.note.worth.none':
    'What the backstop is worth ({case}): no force tried without it matches its risk with the requirements as stated ({risk}); the lowest without it is {lowest} at {force}.',
  'frontier.point.mission': '{mission} requirements + {step}',
  'frontier.personnel': '{personnel} personnel',
  'frontier.note.range.between':
    'The runs place it between {above} (clearly above the target) and {below} (clearly below).',
  'frontier.note.range.below': 'The runs place it at or below {below} (clearly below the target).',
  'frontier.note.worth.noMore':
    'What the backstop is worth ({case}): without it, the risk of the requirements as stated with it ({risk}) takes {force}: no more force (point estimates).',
  'frontier.note.pledged': {
    one: 'The pledged force ({force}, from {n} nation; {case}) gives {risk};',
    other: 'The pledged force ({force}, from {n} nations; {case}) gives {risk};',
  },
  'frontier.note.pledged.efficient': 'it is on the frontier: no force tried is cheaper and as safe.',
  'frontier.note.pledged.cheaper': {
    one: '{what} reaches that risk with {force}, from {n} nation.',
    other: '{what} reaches that risk with {force}, from {n} nations.',
  },
  'frontier.note.pledged.safer': 'a force tried is as cheap and safer.',
  'frontier.what.option': 'the named option “{name}”',
  'frontier.what.mission': '“{name}”',
  'frontier.what.scaled': 'a force sourced to scaled requirements',
  'frontier.note.increments.unsourceable':
    'Which increment buys most ({case}): none can be sourced — raising any mission’s requirements adds no force (supply exhausted).',
  'frontier.note.increments':
    'Which increment buys most ({case}; each mission’s requirements raised by {factor}): {parts}.',
  'frontier.note.increment.lowers': '{mission} {points} lower for {cost} ({perBn} points per US$bn a year)',
  'frontier.note.increment.noneLowers': 'none lowers the risk measurably',
  'frontier.note.increment.raise': {
    one: '{missions} measurably raises it',
    other: '{missions} measurably raise it',
  },
  'frontier.note.increment.noChange': 'no measurable change from {missions}',
  'frontier.note.increment.unsourced': '{missions} could not be raised (supply exhausted)',
  'frontier.note.robust':
    'Against what we do not know about the adversary ({case}): to keep the risk at or below {target}, a cautious adversary (risk tolerance at its 10th percentile) needs {cautious}, a typical one (median) {typical}, a bold one (90th percentile) {bold}.',
  'frontier.note.robust.beyond': 'more than any force tried (the lowest is {lowest})',
  'frontier.note.robust.noForce': 'no force at all',
  'frontier.text.title': '{title} — deterrence frontier',
  'frontier.text.settings': 'target: ceasefire fails ≤ {target} · forces from {from} · seed {seed} · {hash}',
  'frontier.text.from.potential': 'committable inventories',
  'frontier.text.from.pledges': 'pledges',
  'frontier.text.answers': 'Answers',
  'frontier.text.case': '{case} — {runs} runs per point',
  'frontier.text.unordered': {
    one: '{case} — {runs} runs per point ({n} neighbour pair not ordered at the run cap)',
    other: '{case} — {runs} runs per point ({n} neighbour pairs not ordered at the run cap)',
  },
  'frontier.text.force': 'force',
  'frontier.text.personnel': 'personnel',
  'frontier.text.bnPerYear': 'US$bn/yr',
  'frontier.text.fails': 'ceasefire fails',
  'frontier.text.tripwire': 'tripwire tested',
  'frontier.text.widerWar': 'war w/ guarantor',
  'frontier.text.shortfall': 'shortfall',
  'frontier.text.efficient': 'efficient',
  'frontier.text.increments': 'Value of each mission’s increment (paired with the requirements as stated)',
  'frontier.text.caseColumn': 'case',
  'frontier.text.mission': 'mission',
  'frontier.text.addedPersonnel': '+personnel',
  'frontier.text.addedMPerYear': '+US$m/yr',
  'frontier.text.difference': 'Δ ceasefire fails, points (95%)',
  'frontier.text.perBn': 'points per US$bn',
  'frontier.text.robustness': 'Against cautious, typical and bold adversaries ({case})',
  'frontier.text.scale': 'scale',
  'frontier.text.work':
    '{plans} plans ({planSeconds} s) and {runs} simulated runs ({simulateSeconds} s) in {seconds} s',
  'frontier.text.work.queue':
    '{plans} plans ({planSeconds} s) and {runs} simulated runs ({simulateSeconds} s) in {seconds} s on the queue',

  // ── Charts ────────────────────────────────────────────────────────────────────────────────────
  'axis.period': 'planning period',
  'axis.case': 'case',
  'axis.outcome': 'outcome',
  'axis.probability': 'probability (share of runs)',
  'axis.lo': '95% interval, low',
  'axis.hi': '95% interval, high',
  'axis.days': 'days after the ceasefire',
  'axis.stillHolding': 'runs with the ceasefire still holding (%)',
  'axis.failRisk': 'chance the ceasefire fails (%)',
  'axis.costBnPerYear': 'cost of the force (US$ bn a year)',
  'axis.backstopCase': 'backstop case',
  'axis.force': 'force',
  'axis.marked': 'marked',
  'axis.personnelDeployed': 'personnel deployed',
  'axis.tiedUp': 'personnel tied up with rotation',
  'axis.forcePersonnel': 'force size (personnel deployed)',
  'axis.credibilityNeeded': 'guarantor credibility needed to deter (%)',
  'axis.burdenShare': 'share of the coalition’s {what} (%)',
  'axis.fairShare': 'fair share: share of {basis} (%)',
  'axis.shortfallAdded': 'priority-weighted shortfall added (requirement-years)',
  'axis.assumptionAt': 'assumption at',
  'axis.parameter': 'assumption',
  'axis.parameterValue': 'value of the assumption',
  'chart.frontier.title': 'At ≤ {target}: {personnel} personnel, {cost} ({case})',
  'chart.frontier.title.estimate': 'At ≤ {target} (estimate): {personnel} personnel, {cost} ({case})',
  'chart.frontier.title.none': 'No force tried reaches ≤ {target}',
  'chart.frontier.subtitle': 'Chance the ceasefire fails within the horizon, against the cost of the force',
  'chart.frontier.spec':
    'Lines: forces sourced at least cost for scaled requirements, per backstop case; bands: 95% intervals.',
  'chart.frontier.description':
    'The chance the ceasefire fails within the horizon against the cost of the force, for forces sourced at least cost from scaled requirements ({cases}); the pledged force and the named options are marked; the dashed line is the {target} target.',
  'chart.credibility.title':
    'The backstop deters only at {threshold} credibility or more; the adversary’s belief is {prior}',
  'chart.credibility.title.never': 'No credibility of the guarantor deters a test of the force',
  'chart.credibility.prior': 'adversary’s belief {prior}',
  'chart.credibility.description':
    'For forces from none to three times the scenario’s, the least belief in the guarantor’s resolve at which testing the force stops paying (line), against the adversary’s current belief (dashed); the axis spans the values, not 0–100%.',
  'chart.coverage.title':
    '{met} of {all} requirement-periods met in full; the largest gap is {mission}: {capability}',
  'chart.coverage.title.full': {
    one: 'The one requirement-period is met in full',
    other: 'All {n} requirement-periods are met in full',
  },
  'chart.coverage.description':
    'For each mission and capability, the amount required (black line) and the amount the plan sources from pledges (blue bars) in each planning period, with what is short stacked in vermilion; {met} of {all} requirement-periods are met in full. A panel with only vermilion bars is a requirement nothing pledged meets.',
  'chart.fairness.title': {
    one: '{who} carries {burden} of the {what} against a fair share of {fair} ({basis})',
    other: '{who} carry {burden} of the {what} against a fair share of {fair} ({basis})',
  },
  'chart.fairness.title.even': 'Each nation’s share of the {what} is close to its share of {basis}',
  'chart.fairness.description':
    'For each contributing nation, its share of the coalition’s {what} (bar) against its share of the contributors’ {basis} (black tick).',
  'chart.deployment.title': 'Last unit in place on day {day}; bottleneck {node}',
  'chart.deployment.title.never': 'Some units never arrive: no capacity at {node}',
  'chart.deployment.description':
    'For each pledge, a bar from the day its units are ready to move to the day the last is in place, and a point at each unit’s arrival, in days after {start}; dashed rules mark the planning periods.',
  'chart.deployment.axis': 'days after {start}',
  'chart.deployment.mission': 'mission',
  'chart.deployment.pledge': 'pledge',
  'chart.deployment.unitType': 'unit type',
  'chart.deployment.route': 'route',
  'chart.deployment.ready': 'ready to move (day)',
  'chart.deployment.inPlace': 'last in place',
  'chart.deployment.slowest': 'slowest node',
  'chart.deployment.arrives': 'in place',
  'chart.deployment.personnel': 'personnel',
  'chart.deployment.periodStarts': 'period starts',
  'chart.deployment.day': 'day {day}',
  'chart.deployment.never': 'never (no capacity on its route)',
  'chart.deployment.leadTime': 'lead time',
  'chart.calendar.title': 'Personnel in theatre peak at {personnel} in {when}',
  'chart.calendar.description':
    'Each cell is the personnel a nation has deployed in a period, darker for more; the tooltip adds those tied up preparing and recovering.',
  'chart.resilience.title': 'Losing {loss} adds the most shortfall: {added} requirement-years',
  'chart.resilience.description':
    'The plan re-solved without each contributing nation in turn, and without the conditional pledges; bars show the priority-weighted shortfall each loss adds, for the {n} of {all} losses that add any.',
  'chart.outcomes.title': 'The ceasefire holds in {held} of runs {case}, and in {other} {otherCase}',
  'chart.outcomes.title.one': 'The ceasefire holds in {held} of runs {case}',
  'chart.outcomes.description':
    'Share of {runs} simulated runs ending in each outcome at the horizon, per case, with 95% intervals (black rules). The outcomes exclude each other, the most severe counted first: a run in which the coalition collapses counts as collapse even if the ceasefire held, so the “ceasefire held” bar can sit a little below the ceasefire-held figure of the findings and the table (one minus the chance it fails).',
  'chart.survival.title': 'After {days} days the ceasefire still holds in {held} of runs {case}',
  'chart.survival.description':
    'Share of runs in which the ceasefire has not failed (no strikes on the host or worse) by each day, per case (Kaplan–Meier), with 95% bands.',
  'chart.tornado.title': '{parameter} moves the chance the ceasefire fails most: from {lo} to {hi}',
  'cost.tornado': 'Sensitivity: {spent} model-runs (cap {cap}): {parts}.',
  'cost.tornado.ranked': { one: '{n} row ranked', other: '{n} rows ranked' },
  'cost.tornado.tied': '{n} tied at {precision} precision',
  'cost.tornado.exact': '{n} with no effect on failure',
  'cost.tornado.cap': '{n} at the cap of {runs} runs',
  'cost.sobol': 'Sobol indices: {spent} model-runs (cap {cap}): {parts}.',
  'cost.sobol.precise': {
    one: '{n} parameter known to ±{halfWidth}',
    other: '{n} parameters known to ±{halfWidth}',
  },
  'cost.sobol.cap': {
    one: '{n} parameter at the cap of {runs} runs',
    other: '{n} parameters at the cap of {runs} runs',
  },
  'chart.tornado.base': 'base {base}',
  'chart.tornado.description': {
    one: 'One-at-a-time sensitivity: each uncertain parameter pinned at its {low} and {high} quantile, the others still drawn, and each assumed constant at ×0.5 and ×1.5; base {base}. One parameter that moves the probability by less than 0.05 points, or acts only after the ceasefire has failed, is left out.',
    other:
      'One-at-a-time sensitivity: each uncertain parameter pinned at its {low} and {high} quantile, the others still drawn, and each assumed constant at ×0.5 and ×1.5; base {base}. {n} parameters that move the probability by less than 0.05 points, or act only after the ceasefire has failed, are left out.',
  },

  // ── Tables ────────────────────────────────────────────────────────────────────────────────────
  'table.nation': 'nation',
  'table.option': 'option',
  'table.personnelShare': 'share of its personnel',
  'table.options.caption':
    'The pledged force at its peak ({when}) against each force option: share of its personnel, and by component, personnel / capability (mean over the component’s capabilities of the force’s share, at most 100%).',
  'table.place': 'no.',
  'table.location': 'location',
  'table.country': 'country',
  'table.mission': 'mission',
  'table.contributors': 'contributors to the mission (personnel)',
  'table.locations.caption': 'Locations on the map, with the missions each serves.',
  'table.capability': 'capability',
  'table.when': 'when',
  'table.short': 'short',
  'table.required': 'required',
  'table.unit': 'unit',
  'table.why': 'why',
  'table.gaps.caption': 'Capability gaps of the pledged force, with the binding cause.',
  'table.peakDeployed': 'deployed at peak',
  'table.tiedUp': 'tied up by rotation',
  'table.troopTours': 'troop-tours',
  'table.distinct': 'different people',
  'table.cost': 'cost over the horizon',
  'table.personnelYears': 'personnel-years',
  'table.fairness.caption':
    'Burden by nation: personnel, cost and share against fair share ({basis}). Fairness index {index}.',
  'table.loss': 'loss',
  'table.personnelLost': 'its personnel at peak',
  'table.coverageOf': '{mission} coverage',
  'table.resilience.caption':
    'Resilience (N−1): the plan re-solved without each nation and without the conditional pledges; coverage is the share of requirement-periods met.',
  'table.anyWithdrawal': 'any nation withdraws',
  'table.fatalities': 'fatalities, median / 90th percentile',
  'table.medianSurvival': 'median days to failure',
  'table.beyond': 'beyond {days}',
  'table.assurance.caption':
    'Assurance by case: {runs} runs each, seed {seed}, horizon {days} days; probabilities with 95% intervals.',
  'table.unitType': 'unit type',
  'table.units': 'units',
  'table.missions': 'missions',
  'table.status': 'status',
  'table.conditions': 'conditions',
  'table.source': 'source',
  'table.anyMission': 'any',
  'table.pledges.caption':
    'Pledges, with their status and source (source ids, each cited in full in the appendix).',
  'table.atOrAbove': 'at or above',
  'table.pledgesAt': 'pledges at this status',
  'table.pledgesStanding': 'pledges counted',
  'table.pledgedPeak': 'pledged (peak)',
  'table.inPlacePeak': 'in place (peak)',
  'table.requirementPeriodsMet': 'requirement-periods met',
  'table.ofAll': '{met} of {all}',
  'table.status.caption':
    'The force by pledge status: the plan counting only pledges at or above each status (assumed < announced < offered < confirmed < deployed).',
  'table.peakPersonnel': 'personnel at peak',
  'table.sourcing.caption':
    'Sourcing: units each nation keeps deployed on each mission, by period (fractions are averages over the period in the continuous plan).',
  'table.personnel': 'personnel',
  'table.costPerYear': 'cost a year',
  'table.frontier.caption':
    'Answers of the frontier ({runs} or more runs per point, seed {seed}; largest force tried {largest} personnel)',
  'table.frontier.cheapest': 'cheapest force at {target} or less',
  'table.frontier.risk': 'chance the ceasefire fails (95% interval)',
  'table.frontier.asStated': 'the requirements as stated',
  'table.frontier.noneMeets': 'none tried meets it',
} as const;

export type MessageKey = keyof typeof en;
