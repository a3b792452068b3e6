/**
 * La note en français : chaque phrase, titre et libellé (catalogue.ts), mêmes clés que messages-en.ts
 * (le compilateur refuse une clé manquante). Les formes `one`/`other` suivent Intl.PluralRules (fr-FR :
 * 0 et 1 au singulier). Typographie française : espace insécable avant « : », fine avant « ; ».
 */
import type { Catalogue } from './catalogue.js';

export const fr: Catalogue = {
  // ── Page ──
  subtitle: 'Note de planification et d’évaluation de la force',
  'subtitle.host': 'Note de planification et d’évaluation de la force — {host}',
  'subtitle.asOf': 'situation au {date}',
  'subtitle.variants': 'variantes\u00a0: {variants}',
  'ui.documentTitle': 'note Bulwark',
  'ui.keyFigures': 'L’essentiel',
  'ui.keyJudgements': 'Principaux constats',
  'ui.findings': 'Constats détaillés',
  'ui.details': 'détails ↓',
  'ui.disclaimer':
    'Établie à partir du scénario et de la graine indiqués en annexe\u00a0: le plan résulte d’une optimisation sur les engagements et les hypothèses énoncées, et les probabilités d’un modèle de Monte-Carlo dont les hypothèses sont explicites. Ce ne sont pas des prévisions.',
  'ui.glossary': 'Glossaire',
  'ui.frontier': 'Ce que la force achète\u00a0: son coût face au risque de rupture du cessez-le-feu',
  'ui.frontierMethod':
    'Méthode et limites\u00a0: docs/frontier.md (forces constituées au moindre coût pour des besoins mis à l’échelle, simulées sur les mêmes tirages\u202f; les intervalles ne couvrent que l’erreur de Monte-Carlo).',
  'ui.map': 'Où la force se déploie',
  'ui.mapCaption':
    'Frontières\u00a0: Natural Earth 1:50m via world-atlas (domaine public), la Crimée étant dessinée en Ukraine, où la place sa frontière internationalement reconnue. Emplacements tirés du scénario\u202f; ce que chaque mission reçoit du plan, qui affecte des forces aux missions, non aux sites.',
  'ui.coverage': 'Capacités requises et capacités fournies',
  'ui.coverageIntro':
    'En bleu, la capacité que le plan tire des engagements\u202f; en vermillon, ce qui manque\u202f; trait noir, le besoin. L’axe de chaque panneau est dans l’unité de sa capacité.',
  'ui.gaps': 'Lacunes et leurs causes',
  'ui.options': 'Face aux options de force',
  'ui.fairness': 'Effectifs, coût et part équitable',
  'ui.calendar': 'Calendrier des relèves',
  'ui.calendarIntro':
    'Chaque unité sur le théâtre en suppose d’autres en préparation et en récupération\u00a0: taux de relève = (mandat + repos) ÷ mandat.',
  'ui.deployment': 'Flux de déploiement\u00a0: quand la force est en place',
  'ui.resilience': 'Résilience\u00a0: ce qui cède si une nation se retire',
  'ui.assurance': 'Le cessez-le-feu a-t-il des chances de tenir\u202f?',
  'ui.tornado': 'Les hypothèses qui comptent',
  'ui.credibility': 'Quand le filet de sécurité dissuade-t-il\u202f?',
  'ui.pledges': 'Engagements',
  'ui.sourcing': 'Tableau de constitution de la force',
  'ui.appendix': 'Annexe\u00a0: provenance et hypothèses',
  'ui.scenario': 'Scénario',
  'ui.scenarioHash': 'Empreinte du scénario',
  'ui.monteCarlo': 'Monte-Carlo',
  'ui.planner': 'Planificateur',
  'ui.bulwark': 'Bulwark',
  'ui.reproduce': 'Pour reproduire',
  'ui.sources': 'Sources et hypothèses du scénario',
  'ui.method': 'Méthode\u00a0:',
  'ui.notes': 'Remarques sur les hypothèses',
  'ui.skip': 'Aller aux constats détaillés',
  'appendix.planner': '{solver}, {mode}, {method}, statut {status}',
  'appendix.mode.pledged': 'mode engagements',
  'appendix.mode.potential': 'mode potentiel',
  'appendix.lp': 'programme linéaire continu',
  'appendix.mip': 'unités entières (PLNE)',
  'appendix.notRun': 'non exécuté',
  'appendix.reproduce.workspace':
    'Établi sur la version {version} du scénario {id} de l’espace de travail : exporter cette version sous {file} (lien de la page du calcul, ou GET {url}), puis lancer',
  'appendix.monteCarlo': '{runs} tirages par cas, graine {seed}',
  'appendix.bulwark': 'version {version}, produite le {generated}',
  'appendix.scenario': '{id} (situation au {date})',
  'appendix.scenario.variants': '{id} (situation au {date}), variantes {variants}',
  'source.source': 'source',
  'source.derived': 'dérivé',
  'source.assumption': 'hypothèse',
  'map.title': 'Où la force se déploie à son maximum ({when})',
  'map.legend.host': '{host}, frontières internationalement reconnues',
  'map.legend.occupied': 'Territoire occupé par {adversary} au {date} (tracé approximatif)',
  'map.legend.contact': '{name}, au {date}',
  'map.legend.coalition': 'Membres de la coalition',
  'map.legend.other': 'Autres pays',
  'map.legend.site': 'Ville, base, port ou état-major',
  'map.legend.sea': 'Zone maritime',
  'map.legend.training': 'Site d’entraînement (hors du pays hôte)',
  'map.legend.mission': {
    one: '{mission}\u00a0: {personnel} personnels au maximum, sur {n} emplacement',
    other: '{mission}\u00a0: {personnel} personnels au maximum, sur {n} emplacements',
  },
  'map.legend.missionNone': '{mission}\u00a0: aucun personnel dans le plan',
  'map.km': 'km',
  'map.desc': 'Emplacements de déploiement de la force par mission\u00a0: {list}.',
  'ui.mapSources': 'Frontières, territoire occupé et ligne de contact\u00a0:',
  'ui.chartData': 'Données de ce graphique (CSV)',
  'table.missionAreas.caption':
    'Ce que le plan déploie sur chaque mission au maximum, tous emplacements confondus. Le plan affecte des forces aux missions, non aux sites\u00a0: aucun chiffre n’est donné par emplacement.',
  'table.personnelPeak': 'personnels (maximum)',
  'table.locationCount': 'emplacements',
  'table.noneInPlan': 'aucun dans le plan',

  // ── Mots communs ──
  na: 's.o.',
  'punct.semicolon': '\u202f; ',
  range: '{low} à {high}',
  interval: 'intervalle à 95 %\u00a0: {lo} à {hi}',
  'money.perYear': '{money} par an',
  'list.others': { one: 'une autre', other: '{n} autres' },
  'case.asPledged': 'selon les engagements',
  'case.committable': 'à partir des inventaires mobilisables',
  'case.named': 'sous l’hypothèse «\u00a0{name}\u00a0»',
  'case.variantPlanned': '{variant} (force tirée des inventaires mobilisables)',
  'category.air': 'air {personnel}',
  'category.land': 'terre {personnel}',
  'category.maritime': 'mer {personnel}',
  'category.training': 'formation {personnel}',
  'category.enabler': 'soutien {personnel}',
  'status.assumed': 'supposé',
  'status.announced': 'annoncé',
  'status.offered': 'proposé',
  'status.confirmed': 'confirmé',
  'status.deployed': 'déployé',
  'fair.basis.gdp': 'PIB',
  'fair.basis.budget': 'dépenses de défense',
  'fair.burden.cost': 'coût',
  'fair.burden.personnel': 'effectifs',
  'backstop.none': 'sans filet de sécurité',
  'backstop.intelligence-logistics': 'filet de sécurité renseignement et logistique',
  'backstop.air-support': 'filet de sécurité appui aérien',
  'backstop.full': 'filet de sécurité complet',
  'series.sourced': 'fourni',
  'series.short': 'manquant',
  'series.required': 'requis',
  'series.low': 'bas',
  'series.high': 'haut',

  // ── Termes et glossaire ──
  'term.held': 'cessez-le-feu respecté',
  'term.ceasefireFailed': 'rupture du cessez-le-feu',
  'term.tripwireTested': 'fil-piège mis à l’épreuve',
  'term.contested': 'rompu, puis rétabli',
  'term.contained': 'fil-piège éprouvé, crise contenue',
  'term.renewedWar': 'reprise de la guerre',
  'term.widerWar': 'guerre avec le garant',
  'term.coalitionCollapse': 'effondrement de la coalition',
  'term.backstop': 'filet de sécurité',
  'term.pledgedForce': 'force promise',
  'term.committable': 'inventaire mobilisable',
  'term.requirementPeriod': 'besoin-période',
  'term.rotation': 'mobilisés par la relève',
  'term.troopTour': 'mandat',
  'term.fairShare': 'part équitable',
  'term.fairnessIndex': 'indice d’équité',
  'term.weightedShortfall': 'déficit pondéré par la priorité',
  'term.interval': 'intervalle à 95 %',
  'term.points': 'points',
  'term.frontier': 'frontière de dissuasion',
  'term.credibility': 'seuil de crédibilité',
  'term.riskTolerance': 'tolérance au risque de l’adversaire (ρ)',
  'define.held':
    'Aucune frappe sur le pays hôte (niveau 3 de l’échelle d’escalade) pendant tout l’horizon\u202f; des actions de harcèlement et des violations restent possibles.',
  'define.ceasefireFailed':
    'Des frappes sur le pays hôte (niveau 3 ou plus) à un moment de l’horizon\u00a0: le complément de la probabilité que le cessez-le-feu soit respecté.',
  'define.tripwireTested': 'La force elle-même est attaquée (niveau 4 ou plus) à un moment de l’horizon.',
  'define.contested':
    'Des frappes sur le pays hôte à un moment donné, mais un retour aux violations ou en deçà à l’horizon\u202f; la force n’a jamais été attaquée.',
  'define.contained':
    'La force a été attaquée (niveau 4), mais la situation est revenue aux violations ou en deçà à l’horizon.',
  'define.renewedWar':
    'À l’horizon, des frappes sur le pays hôte, une attaque contre la force ou des combats de la coalition (niveaux 3 à 5).',
  'define.widerWar': 'Le niveau 6 est atteint\u00a0: le garant est en guerre avec l’adversaire.',
  'define.coalitionCollapse':
    'Une part de la force (en effectifs au maximum) supérieure au seuil d’effondrement s’est retirée.',
  'define.backstop':
    'La promesse du garant d’intervenir si la force est attaquée\u202f; sa nature (renseignement et logistique, appui aérien, complète) et sa crédibilité sont des données du scénario.',
  'define.pledgedForce':
    'Les unités que les nations ont promises, réparties entre les missions par le planificateur au moindre coût\u202f; les engagements dont la condition n’est pas remplie sont écartés.',
  'define.committable':
    'Ce qu’une nation pourrait envoyer\u00a0: la part de son inventaire qu’elle peut engager, divisée par le taux de relève\u202f; sert seulement à dire qui pourrait combler une lacune.',
  'define.requirementPeriod':
    'Un besoin capacitaire d’une mission sur une période de planification\u202f; «\u00a0entièrement satisfait\u00a0» signifie sans aucun manque.',
  'define.rotation':
    'Les effectifs nécessaires pour maintenir une unité déployée en permanence\u00a0: ceux sur le théâtre, plus ceux qui se préparent et récupèrent, soit (mandat + repos) ÷ mandat fois les effectifs déployés.',
  'define.troopTour': 'Une personne effectuant un mandat\u202f; qui sert deux fois compte pour deux mandats.',
  'define.fairShare':
    'La part d’une nation dans le PIB (ou les dépenses de défense) des contributeurs, à laquelle on compare sa part de l’effort.',
  'define.fairnessIndex':
    '1 − ½ Σ |part de l’effort − part équitable|\u00a0: 1 quand chaque nation porte sa juste part, 0 quand une seule porte ce qui revient aux autres.',
  'define.weightedShortfall':
    'La part non satisfaite de chaque besoin, pondérée par sa priorité et additionnée sur les périodes, en années (besoin-années).',
  'define.interval':
    'L’intervalle qui contient la probabilité vraie du modèle avec une confiance de 95 %, compte tenu du nombre de tirages (intervalle de Wilson)\u202f; il ne couvre que l’erreur de Monte-Carlo, non le doute sur les hypothèses.',
  'define.points':
    'Points de pourcentage\u00a0: l’écart entre deux probabilités (79,3 % contre 89,0 %, c’est un écart de 9,7 points).',
  'define.frontier':
    'La force la moins chère, constituée au moindre coût pour des besoins mis à l’échelle, qui maintient le risque de rupture du cessez-le-feu au niveau de l’objectif ou en dessous.',
  'define.credibility':
    'Dans le jeu du fil-piège, la croyance minimale en la détermination du garant à partir de laquelle mettre la force à l’épreuve cesse de payer pour l’adversaire.',
  'define.riskTolerance':
    'Le risque que l’adversaire accepte lorsqu’il choisit l’escalade (ρ)\u202f; tiré à chaque simulation selon la loi donnée par le scénario.',

  // ── L’essentiel ──
  'key.force.label': 'La force promise, à son maximum',
  'key.force.value': '{personnel} personnels',
  'key.force.required': 'contre {required} pour les besoins tels qu’énoncés ({share})',
  'key.force.nations': { one: 'fournis par une nation', other: 'fournis par {n} nations' },
  'key.force.soWhat': 'Elle satisfait entièrement {met} besoins-périodes sur {all}.',
  'key.ceasefire.label': 'Risque de rupture du cessez-le-feu en {days} jours ({case})',
  'key.ceasefire.held': 'Le cessez-le-feu est respecté dans {held} des cas.',
  'key.ceasefire.other': '{case}\u00a0: {risk}, soit {diff} sur les mêmes tirages.',
  'key.ceasefire.soWhat.above': 'Au-dessus de l’objectif de {target}, sans doute possible au vu des tirages.',
  'key.ceasefire.soWhat.within': 'En deçà de l’objectif de {target}, sans doute possible au vu des tirages.',
  'key.ceasefire.soWhat.at': 'Au niveau de l’objectif de {target}, à la précision des tirages près.',
  'key.ceasefire.soWhat.noTarget': 'La force elle-même est attaquée dans {tripwire} des tirages.',
  'key.backstop.label': 'Ce que vaut le filet de sécurité ({case})',
  'key.backstop.label.risk': 'Ce que vaut le filet de sécurité, en risque',
  'key.backstop.value': '{personnel} personnels',
  'key.backstop.value.none': 'Aucune force ne le remplace',
  'key.backstop.detail':
    'Avec lui, les besoins tels qu’énoncés donnent {with}\u202f; sans lui, le risque le plus bas atteint par une force essayée est de {without}.',
  'key.backstop.soWhat':
    'Le surcroît de force nécessaire, sans filet de sécurité, pour égaler le risque qu’offrent avec lui les besoins tels qu’énoncés.',
  'key.backstop.soWhat.none':
    'Sans filet de sécurité, aucune force essayée n’atteint le risque qu’offrent avec lui les besoins tels qu’énoncés.',
  'key.backstop.detail.risk':
    'L’écart du risque de rupture du cessez-le-feu entre les deux cas, sur les mêmes tirages.',
  'key.backstop.soWhat.risk': 'Le risque que le filet de sécurité retire, à force égale.',
  'key.gap.label': 'La principale lacune',
  'key.gap.value': '{mission}\u00a0: {capability}',
  'key.gap.detail': 'Il manque {short} sur {required} {unit}, {when}.',
  'key.gap.soWhat': {
    one: 'Pourrait la combler à partir de son inventaire mobilisable\u00a0: {who}.',
    other: 'Pourraient la combler à partir de leurs inventaires mobilisables\u00a0: {who}.',
  },
  'key.gap.soWhat.none': 'Aucun membre de la coalition ne dispose d’unités mobilisables du type requis.',
  'key.cost.label': 'Coût de la force',
  'key.cost.detail':
    'Coût supplémentaire du déploiement\u202f; indice d’équité {index} (1 = parts proportionnées).',
  'key.cost.soWhat.even': 'Aucune nation ne porte plus que sa part équitable.',
  'key.frontier.label': 'La force la moins chère qui maintient le risque à {target} au plus ({case})',
  'key.frontier.detail': 'Risque de rupture du cessez-le-feu {risk}, {cost}.',
  'key.frontier.soWhat':
    'Constituée au moindre coût à partir des inventaires mobilisables\u202f; l’objectif est atteint avec une confiance de 95 %.',
  'key.frontier.soWhat.estimate':
    'Constituée au moindre coût à partir des inventaires mobilisables\u202f; l’objectif est atteint en estimation, non avec une confiance de 95 %.',

  // ── Constats : la force ──
  'force.headline': {
    one: 'La force promise\u00a0: {personnel} personnels fournis par une nation',
    other: 'La force promise\u00a0: {personnel} personnels fournis par {n} nations',
  },
  'force.unsolved': 'Aucun plan n’a pu être calculé ({status})',
  'force.unsolved.text': 'Le solveur n’a renvoyé aucune solution.',
  'force.minStatus': 'Seuls sont comptés les engagements au statut «\u00a0{status}\u00a0» ou plus ferme.',
  'force.peak':
    'Répartis au moindre coût, les engagements mettent en place {personnel} personnels au maximum ({shape}).',
  'force.met': {
    one: 'Ils satisfont entièrement {met} besoins-périodes sur {all} (chaque besoin capacitaire sur l’unique période de planification).',
    other:
      'Ils satisfont entièrement {met} besoins-périodes sur {all} (chaque besoin capacitaire sur chacune des {n} périodes de planification).',
  },
  'force.tiedUp':
    'Maintenir cette force selon les règles de relève de chaque nation mobilise {tied} personnels (sur le théâtre, en préparation et en récupération)\u202f; sur l’horizon, cela représente {tours} mandats effectués par {people} personnes différentes.',
  'force.sustain':
    'La nation la plus contrainte, {nation}, peut tenir sa part environ {years}\u00a0ans avant que ses unités n’épuisent leurs temps de repos.',

  // ── Constats : options ──
  'options.headline': 'Face aux options publiées\u00a0: {share} de l’option «\u00a0{option}\u00a0»',
  'options.headline.none': 'Face aux options publiées',
  'options.of': '{share} de l’option «\u00a0{option}\u00a0»',
  'options.text': 'À son maximum, la force promise ({personnel} personnels) représente {shares}.',
  'options.weakest':
    'Face à l’option «\u00a0{option}\u00a0», sa composante la plus faible est la suivante\u00a0: {component}, {detail}.',
  'options.componentPersonnel': '{share} en effectifs ({have} sur {need})',
  'options.componentCapability': '{share} en capacités ({detail})',
  'options.capability': '{name} {have} sur {need}',

  // ── Constats : lacunes ──
  'gaps.none': 'Aucune lacune capacitaire',
  'gaps.none.text': 'Les engagements couvrent chaque besoin sur chaque période.',
  'gaps.headline': {
    one: '{n} besoin capacitaire n’est pas entièrement satisfait',
    other: '{n} besoins capacitaires ne sont pas entièrement satisfaits',
  },
  'gaps.text': 'Les principales lacunes\u00a0: {gaps}.',
  'gaps.item': '{mission}\u00a0: {capability}, il manque {short} sur {required} {unit}, {when} ({why})',
  'gaps.leadOnly': {
    one: 'En {when}, aucun besoin n’est satisfait\u00a0: une unité ne compte qu’à partir de la première période qui commence après son délai de mise en place, et aucune unité promise n’est prête au jour 0.',
    other:
      'En {when}, aucun besoin n’est satisfait\u00a0: une unité ne compte qu’à partir de la première période qui commence après son délai de mise en place, et aucune unité promise n’est prête au jour 0.',
  },
  'gaps.fillers.short': {
    one: 'Pourraient combler l’essentiel de ces lacunes à partir de leurs inventaires mobilisables\u00a0: {who}\u202f; même alors, un besoin-période resterait insatisfait.',
    other:
      'Pourraient combler l’essentiel de ces lacunes à partir de leurs inventaires mobilisables\u00a0: {who}\u202f; même alors, {n}\u00a0besoins-périodes resteraient insatisfaits.',
  },
  'gaps.fillers.all':
    'Pourraient combler ces lacunes à partir de leurs inventaires mobilisables, chaque besoin étant alors satisfait\u00a0: {who}.',
  'gaps.noFillers': 'Aucun membre de la coalition ne dispose d’unités mobilisables du type requis.',
  'cause.supply-exhausted': 'engagements épuisés\u00a0: {who}',
  'cause.personnel-ceiling': 'plafonds d’effectifs atteints\u00a0: {who}',
  'cause.budget-ceiling': 'plafonds budgétaires atteints\u00a0: {who}',
  'cause.whole-units': 'moins d’une unité entière encore disponible\u00a0: {who}',
  'cause.lead-time': 'encore dans leur délai de mise en place\u00a0: {who}',
  'cause.caveat': 'exclus par des restrictions nationales\u00a0: {who}',
  'cause.national-limit': 'exclus par la loi ou la politique nationale\u00a0: {who}',
  'cause.pledged-elsewhere': 'promis pour d’autres missions seulement\u00a0: {who}',
  'cause.conditional': 'promis sous une condition non remplie\u00a0: {who}',
  'cause.not-pledged': {
    one: 'détenu, mais non promis\u00a0: {who}',
    other: 'détenus, mais non promis\u00a0: {who}',
  },
  'cause.not-committable': 'rien de mobilisable\u00a0: {who}',
  'cause.withdrawn': 'retirés\u00a0: {who}',
  'cause.no-provider': 'aucun type d’unité du catalogue ne la fournit',
  'cause.not-held': 'aucune nation de la coalition ne détient de type d’unité qui la fournisse',

  // ── Constats : coût ──
  'cost.headline': 'Coût\u00a0: {money} par an\u202f; indice d’équité {index}',
  'cost.text': 'La force coûte {money} sur {years} ans (coût supplémentaire du déploiement).',
  'cost.heavy': {
    one: 'Une nation porte {burden} des {what} pour {fair} du {basis} des contributeurs\u00a0: {who}.',
    other: '{n} nations portent {burden} des {what} pour {fair} du {basis} des contributeurs\u00a0: {who}.',
  },
  'cost.index':
    'Un indice d’équité de 1 signifie des parts exactement proportionnées\u202f; 0, qu’une seule nation porte ce qui revient aux autres.',

  // ── Constats : résilience ──
  'loss.conditional': 'tous les engagements conditionnels',
  'loss.condition': 'les engagements soumis à la condition «\u00a0{condition}\u00a0»',
  'resilience.headline': 'Perte la plus dommageable\u00a0: {loss}',
  'resilience.none': 'Aucune perte isolée n’ouvre de lacune',
  'resilience.none.text':
    'En replanifiant sans chaque nation tour à tour, aucune nouvelle lacune n’apparaît\u00a0: les autres engagements compensent chaque perte.',
  'resilience.text':
    'En replanifiant sans chaque nation tour à tour, et sans les engagements soumis à une condition, les pertes qui ouvrent les plus grandes lacunes nouvelles sont\u00a0: {losses}.',
  'resilience.loss': '{loss} (la couverture de la mission {mission} tombe de {from} à {to})',
  'resilience.conditional':
    'Sans aucun engagement conditionnel (ceux qui dépendent du filet de sécurité ou d’une autre condition), le déficit pondéré par la priorité augmente de {added} besoins-années.',
  'resilience.conditional.none': 'Sans aucun engagement conditionnel, aucune nouvelle lacune n’apparaît.',

  // ── Constats : évaluation ──
  'assurance.headline':
    'Cessez-le-feu respecté (aucune frappe sur le pays hôte) pendant {days} jours dans {held} des {runs} avenirs simulés',
  'assurance.text':
    'Dans le cas de base ({case}), le cessez-le-feu tient sur l’horizon de {days} jours dans {held} des cas\u202f; le fil-piège est mis à l’épreuve (la force attaquée) dans {tripwire}, et la guerre avec le garant survient dans {war}.',
  'assurance.compared': 'Sur les mêmes tirages\u00a0: {comparisons}.',
  'assurance.compare':
    '{case}\u00a0: cessez-le-feu respecté dans {held} des cas, soit {diff} par rapport au cas de base (intervalle apparié à 95 %\u00a0: {lo} à {hi})',
  'assumptions.headline': 'L’hypothèse qui compte le plus\u00a0: {parameter}',
  'assumptions.text':
    'En faisant passer chaque hypothèse incertaine de son quantile à {low} à son quantile à {high}, et chaque constante supposée de la moitié à une fois et demie sa valeur, le reste étant tel que dans le scénario, le risque de rupture du cessez-le-feu varie surtout avec {list}.',
  'assumptions.item': '{parameter} ({swing})',
  'parameter.tolerance': 'la tolérance aux pertes de la nation {nation}',
  'parameter.riskTolerance': 'la tolérance au risque de l’adversaire ρ',
  'parameter.credibility': 'la crédibilité du garant',
  'parameter.attackStrength': 'la force de l’assaillant par attaque',
  'parameter.attackFatalities': 'les morts par attaque',
  'parameter.const:theta': 'la sensibilité aux incitations θ',
  'parameter.const:up2': 'le passage des violations aux frappes',
  'parameter.const:up3': 'le passage des frappes à une attaque contre la force',
  'parameter.const:up45': 'l’escalade après une attaque (niveaux 4 et 5)',
  'parameter.const:power': 'la puissance du garant',
  'parameter.const:kindWeight': 'le poids de la nature du filet de sécurité',
  'parameter.const:visibility': 'la visibilité du filet de sécurité',
  'parameter.const:priorAlpha': 'la croyance a priori de l’adversaire α₀',
  'parameter.const:escalates': 'l’escalade née d’une intervention',
  'parameter.const:audience': 'le coût politique intérieur par millier',
  'parameter.const:retaliation': 'le poids de la riposte de la coalition',
  'parameter.const:forceSize': 'la taille de la force (multiplicateur)',

  // ── Constats : crédibilité ──
  'credibility.never': 'Aucun degré de crédibilité du garant ne dissuade de mettre la force à l’épreuve',
  'credibility.headline':
    'Le filet de sécurité dissuade de mettre la force à l’épreuve si l’adversaire y croit à {threshold} au moins (il y croit à {prior})',
  'credibility.deters':
    'Dans le jeu du fil-piège construit à partir du scénario (l’adversaire met la force à l’épreuve ou non\u202f; la coalition combat ou se retire\u202f; le garant, résolu ou non, intervient ou s’abstient), l’adversaire est dissuadé au niveau actuel de sa croyance.',
  'credibility.pays':
    'Dans le jeu du fil-piège construit à partir du scénario (l’adversaire met la force à l’épreuve ou non\u202f; la coalition combat ou se retire\u202f; le garant, résolu ou non, intervient ou s’abstient), mettre la force à l’épreuve est payant au niveau actuel de sa croyance.',
  'credibility.compare':
    'Sans la force, le seuil serait {without}\u202f; si la force jouait le rôle de déclencheur automatique, il serait de {trigger}.',
  'credibility.curve': 'De {fromPersonnel} à {toPersonnel} personnels, le seuil passe de {from} à {to}.',
  'credibility.unreachable': 'hors d’atteinte',
  'credibility.note':
    'Le seuil est la croyance minimale en la détermination du garant à partir de laquelle mettre la force à l’épreuve cesse de payer\u202f; la ligne en tirets est la croyance de l’adversaire (games.md).',

  // ── Frontière ──
  'frontier.headline':
    'La force la moins chère qui maintient le risque de rupture du cessez-le-feu à {target} au plus\u00a0: {personnel} personnels ({case})',
  'frontier.headline.estimate':
    'La force la moins chère qui maintient le risque de rupture du cessez-le-feu à {target} au plus (en estimation)\u00a0: {personnel} personnels ({case})',
  'frontier.headline.none':
    'Aucune force essayée ne maintient le risque de rupture du cessez-le-feu à {target} au plus ({case})',
  'frontier.cheapest.potential':
    'Constitués au moindre coût à partir des inventaires mobilisables, {personnel} personnels au maximum ({cost}) maintiennent le risque de rupture du cessez-le-feu sur l’horizon à {risk}.',
  'frontier.cheapest.pledges':
    'Constitués au moindre coût à partir des engagements, {personnel} personnels au maximum ({cost}) maintiennent le risque de rupture du cessez-le-feu sur l’horizon à {risk}.',
  'frontier.onEstimate':
    'L’intervalle dépasse {target}\u00a0: l’objectif est atteint en estimation, non avec une confiance de 95 %.',
  'frontier.pledged.within':
    'La force promise, {personnel} personnels, donne {risk}\u00a0: en deçà de l’objectif.',
  'frontier.pledged.above':
    'La force promise, {personnel} personnels, donne {risk}\u00a0: au-dessus de l’objectif.',
  'frontier.pledged.at':
    'La force promise, {personnel} personnels, donne {risk}\u00a0: au niveau de l’objectif, à la précision des tirages près.',
  'frontier.pledged.assured':
    'C’est l’estimation de l’assurance ci-dessous, sur ses {runs} tirages ; le graphique de la frontière marque la même force à sa propre estimation, sur {fewer} tirages.',
  'frontier.worth':
    'Sans filet de sécurité, égaler le risque qu’offrent avec lui les besoins tels qu’énoncés demande {personnel} personnels de plus (estimations ponctuelles).',
  'frontier.worth.none':
    'Sans filet de sécurité, aucune force essayée (jusqu’à {largest} personnels) n’égale le risque qu’offrent avec lui les besoins tels qu’énoncés\u00a0: le plus bas est de {lowest}.',
  'frontier.caveat':
    'Le modèle compte la riposte entière de chaque nation contributrice dès son premier soldat\u202f; ces forces sont donc réparties entre de nombreuses nations. L’hypothèse d’une riposte proportionnée à l’enjeu change la réponse (docs/frontier.md, §5 et 6).',
  'frontier.mark.pledged': 'force promise',
  'frontier.mark.option': 'option publiée',
  'frontier.target': 'objectif {target}',
  'frontier.force': '{personnel} personnels au maximum, {cost}',
  'frontier.noForce': 'aucune force',
  'frontier.scale': 'besoins × {scale}',
  'frontier.note.buys':
    'Ce que la force achète ({case})\u00a0: le risque de rupture du cessez-le-feu sur l’horizon est de {none} sans force et de {stated} avec les besoins tels qu’énoncés ({force})\u202f;',
  'frontier.note.largest': 'la plus grande force essayée ({force}) donne {risk}.',
  'frontier.note.noLarger': 'aucune force plus grande ne peut être constituée.',
  'frontier.note.cheapest':
    'Force la moins chère maintenant le risque à {target} au plus ({case})\u00a0: {force}, {risk}.',
  'frontier.note.noneMeets':
    'Aucune force essayée ne maintient le risque à {target} au plus ({case})\u00a0: le plus bas est de {risk}, avec {force}.',
  'frontier.note.worth':
    'Ce que vaut le filet de sécurité ({case})\u00a0: sans lui, atteindre le risque des besoins tels qu’énoncés avec lui ({risk}) demande {force}, soit {personnel} personnels et {cost} de plus (estimations ponctuelles).',
  'frontier.note.worth.none':
    'Ce que vaut le filet de sécurité ({case})\u00a0: sans lui, aucune force essayée n’égale le risque des besoins tels qu’énoncés avec lui ({risk})\u202f; le plus bas sans lui est de {lowest}, avec {force}.',
  'frontier.point.mission': 'besoins {mission} + {step}',
  'frontier.personnel': '{personnel} personnels',
  'frontier.note.range.between':
    'Les tirages la situent entre {above} (nettement au-dessus de l’objectif) et {below} (nettement en dessous).',
  'frontier.note.range.below':
    'Les tirages la situent à {below} au plus (nettement en dessous de l’objectif).',
  'frontier.note.worth.noMore':
    'Ce que vaut le filet de sécurité ({case})\u00a0: sans lui, atteindre le risque des besoins tels qu’énoncés avec lui ({risk}) demande {force}, soit aucune force de plus (estimations ponctuelles).',
  'frontier.note.pledged': {
    one: 'La force promise ({force}, fournie par {n} nation\u202f; {case}) donne {risk}\u202f;',
    other: 'La force promise ({force}, fournie par {n} nations\u202f; {case}) donne {risk}\u202f;',
  },
  'frontier.note.pledged.efficient':
    'elle est sur la frontière\u00a0: aucune force essayée n’est moins chère et aussi sûre.',
  'frontier.note.pledged.cheaper': {
    one: '{what} atteint ce risque avec {force}, fournie par {n} nation.',
    other: '{what} atteint ce risque avec {force}, fournie par {n} nations.',
  },
  'frontier.note.pledged.safer': 'une force essayée est aussi peu chère et plus sûre.',
  'frontier.what.option': 'l’option publiée «\u00a0{name}\u00a0»',
  'frontier.what.mission': '«\u00a0{name}\u00a0»',
  'frontier.what.scaled': 'une force constituée pour des besoins mis à l’échelle',
  'frontier.note.increments.unsourceable':
    'Le renfort le plus rentable ({case})\u00a0: aucun ne peut être constitué — relever les besoins d’une mission n’ajoute aucune force (ressources épuisées).',
  'frontier.note.increments':
    'Le renfort le plus rentable ({case}\u202f; besoins de chaque mission relevés de {factor})\u00a0: {parts}.',
  'frontier.note.increment.lowers':
    '{mission}\u00a0: {points} de moins pour {cost} ({perBn} points par milliard de dollars US par an)',
  'frontier.note.increment.noneLowers': 'aucun ne réduit le risque de façon mesurable',
  'frontier.note.increment.raise': {
    one: '{missions} l’accroît de façon mesurable',
    other: '{missions} l’accroissent de façon mesurable',
  },
  'frontier.note.increment.noChange': 'aucun effet mesurable de {missions}',
  'frontier.note.increment.unsourced': '{missions}\u00a0: renfort impossible (ressources épuisées)',
  'frontier.note.robust':
    'Face à ce que l’on ignore de l’adversaire ({case})\u00a0: pour maintenir le risque à {target} au plus, un adversaire prudent (tolérance au risque à son 10e centile) exige {cautious}, un adversaire médian {typical}, un adversaire audacieux (90e centile) {bold}.',
  'frontier.note.robust.beyond': 'plus que toute force essayée (le plus bas est de {lowest})',
  'frontier.note.robust.noForce': 'aucune force',
  'frontier.text.title': '{title} — frontière de dissuasion',
  'frontier.text.settings':
    'objectif\u00a0: rupture du cessez-le-feu ≤ {target} · forces tirées {from} · graine {seed} · {hash}',
  'frontier.text.from.potential': 'des inventaires mobilisables',
  'frontier.text.from.pledges': 'des engagements',
  'frontier.text.answers': 'Réponses',
  'frontier.text.case': '{case} — {runs} tirages par point',
  'frontier.text.unordered': {
    one: '{case} — {runs} tirages par point ({n} paire de voisins non ordonnée au plafond de tirages)',
    other: '{case} — {runs} tirages par point ({n} paires de voisins non ordonnées au plafond de tirages)',
  },
  'frontier.text.force': 'force',
  'frontier.text.personnel': 'personnels',
  'frontier.text.bnPerYear': 'Md $US/an',
  'frontier.text.fails': 'rupture du cessez-le-feu',
  'frontier.text.tripwire': 'fil-piège éprouvé',
  'frontier.text.widerWar': 'guerre avec le garant',
  'frontier.text.shortfall': 'déficit',
  'frontier.text.efficient': 'efficace',
  'frontier.text.increments': 'Valeur du renfort de chaque mission (apparié aux besoins tels qu’énoncés)',
  'frontier.text.caseColumn': 'cas',
  'frontier.text.mission': 'mission',
  'frontier.text.addedPersonnel': '+personnels',
  'frontier.text.addedMPerYear': '+M $US/an',
  'frontier.text.difference': 'Δ rupture du cessez-le-feu, points (95 %)',
  'frontier.text.perBn': 'points par Md $US',
  'frontier.text.robustness': 'Face à des adversaires prudent, médian et audacieux ({case})',
  'frontier.text.scale': 'échelle',
  'frontier.text.work':
    '{plans} plans ({planSeconds} s) et {runs} tirages simulés ({simulateSeconds} s) en {seconds} s',
  'frontier.text.work.queue':
    '{plans} plans ({planSeconds} s) et {runs} tirages simulés ({simulateSeconds} s) en {seconds} s dans la file',

  // ── Graphiques ──
  'axis.period': 'période de planification',
  'axis.case': 'cas',
  'axis.outcome': 'issue',
  'axis.probability': 'probabilité (part des tirages)',
  'axis.lo': 'intervalle à 95 %, borne basse',
  'axis.hi': 'intervalle à 95 %, borne haute',
  'axis.days': 'jours après le cessez-le-feu',
  'axis.stillHolding': 'tirages où le cessez-le-feu tient encore (%)',
  'axis.failRisk': 'risque de rupture du cessez-le-feu (%)',
  'axis.costBnPerYear': 'coût de la force (Md $US par an)',
  'axis.backstopCase': 'filet de sécurité',
  'axis.force': 'force',
  'axis.marked': 'repères',
  'axis.personnelDeployed': 'personnels déployés',
  'axis.tiedUp': 'personnels mobilisés avec la relève',
  'axis.forcePersonnel': 'taille de la force (personnels déployés)',
  'axis.credibilityNeeded': 'crédibilité du garant nécessaire pour dissuader (%)',
  'axis.burdenShare': 'part de la coalition\u00a0: {what} (%)',
  'axis.fairShare': 'part équitable\u00a0: part du {basis} (%)',
  'axis.shortfallAdded': 'déficit pondéré ajouté (besoins-années)',
  'axis.assumptionAt': 'hypothèse au',
  'axis.parameter': 'hypothèse',
  'axis.parameterValue': 'valeur de l’hypothèse',
  'chart.frontier.title': '{target} au plus\u00a0: {personnel} personnels, {cost} ({case})',
  'chart.frontier.title.estimate':
    '{target} au plus (en estimation)\u00a0: {personnel} personnels, {cost} ({case})',
  'chart.frontier.title.none': 'Aucune force essayée n’atteint {target} ou moins',
  'chart.frontier.subtitle':
    'Risque de rupture du cessez-le-feu sur l’horizon, en fonction du coût de la force',
  'chart.frontier.spec':
    'Courbes\u00a0: forces constituées au moindre coût pour des besoins mis à l’échelle, par filet de sécurité\u202f; bandes\u00a0: intervalles à 95 %.',
  'chart.frontier.description':
    'Le risque de rupture du cessez-le-feu sur l’horizon en fonction du coût de la force, pour des forces constituées au moindre coût à partir de besoins mis à l’échelle ({cases})\u202f; la force promise et les options publiées sont repérées\u202f; la ligne en tirets marque l’objectif de {target}.',
  'chart.credibility.title':
    'Le filet de sécurité ne dissuade qu’à partir de {threshold} de crédibilité\u202f; l’adversaire y croit à {prior}',
  'chart.credibility.title.never': 'Aucune crédibilité du garant ne dissuade de mettre la force à l’épreuve',
  'chart.credibility.prior': 'croyance de l’adversaire {prior}',
  'chart.credibility.description':
    'Pour des forces allant de zéro à trois fois celle du scénario, la croyance minimale en la détermination du garant à partir de laquelle mettre la force à l’épreuve cesse de payer (courbe), face à la croyance actuelle de l’adversaire (tirets)\u202f; l’axe couvre les valeurs, non de 0 à 100 %.',
  'chart.coverage.title':
    '{met} besoins-périodes sur {all} entièrement satisfaits\u202f; la principale lacune\u00a0: {mission}, {capability}',
  'chart.coverage.title.full': {
    one: 'Le besoin-période unique est entièrement satisfait',
    other: 'Les {n} besoins-périodes sont tous entièrement satisfaits',
  },
  'chart.coverage.description':
    'Pour chaque mission et capacité, le besoin (trait noir) et ce que le plan tire des engagements (barres bleues) sur chaque période de planification, le manque empilé en vermillon\u202f; {met} besoins-périodes sur {all} sont entièrement satisfaits. Un panneau aux seules barres vermillon est un besoin qu’aucun engagement ne couvre.',
  'chart.fairness.title': {
    one: 'Une nation porte {burden} des {what}, pour une part équitable de {fair} ({basis})\u00a0: {who}',
    other:
      '{n} nations portent {burden} des {what}, pour une part équitable de {fair} ({basis})\u00a0: {who}',
  },
  'chart.fairness.title.even': 'La part de chaque nation dans les {what} est proche de sa part du {basis}',
  'chart.fairness.description':
    'Pour chaque nation contributrice, sa part des {what} de la coalition (barre) face à sa part du {basis} des contributeurs (trait noir).',
  'chart.deployment.title': 'Dernière unité en place le jour {day}, goulet {node}',
  'chart.deployment.title.never': 'Des unités n’arrivent jamais, faute de capacité à {node}',
  'chart.deployment.description':
    'Pour chaque engagement, une barre du jour où ses unités sont prêtes à partir au jour où la dernière est en place, et un point à l’arrivée de chaque unité, en jours après le {start}\u202f; les traits pointillés marquent les périodes de planification.',
  'chart.deployment.axis': 'jours après le {start}',
  'chart.deployment.mission': 'mission',
  'chart.deployment.pledge': 'engagement',
  'chart.deployment.unitType': 'type d’unité',
  'chart.deployment.route': 'itinéraire',
  'chart.deployment.ready': 'prête à partir (jour)',
  'chart.deployment.inPlace': 'dernière en place',
  'chart.deployment.slowest': 'nœud le plus lent',
  'chart.deployment.arrives': 'en place',
  'chart.deployment.personnel': 'personnels',
  'chart.deployment.periodStarts': 'début de période',
  'chart.deployment.day': 'jour {day}',
  'chart.deployment.never': 'jamais (aucune capacité sur son itinéraire)',
  'chart.deployment.leadTime': 'délai de mise en place',
  'chart.calendar.title': 'Les personnels sur le théâtre culminent à {personnel} en {when}',
  'chart.calendar.description':
    'Chaque case donne les personnels qu’une nation déploie sur une période, plus foncée quand ils sont plus nombreux\u202f; l’infobulle ajoute ceux qui se préparent et récupèrent.',
  'chart.resilience.title': 'La perte de {loss} ajoute le plus de déficit\u00a0: {added} besoins-années',
  'chart.resilience.description':
    'Le plan recalculé sans chaque nation contributrice tour à tour, et sans les engagements conditionnels\u202f; les barres donnent le déficit pondéré que chaque perte ajoute, pour les {n} pertes sur {all} qui en ajoutent.',
  'chart.outcomes.title':
    'Le cessez-le-feu est respecté dans {held} des tirages {case}, et dans {other} {otherCase}',
  'chart.outcomes.title.one': 'Le cessez-le-feu est respecté dans {held} des tirages {case}',
  'chart.outcomes.description':
    'Part des {runs} tirages simulés aboutissant à chaque issue à l’horizon, par cas, avec les intervalles à 95\u00a0% (traits noirs). Les issues s’excluent, la plus grave comptée d’abord\u00a0: un tirage où la coalition s’effondre compte comme effondrement même si le cessez-le-feu a été respecté\u202f; la barre «\u00a0cessez-le-feu respecté\u00a0» peut donc être un peu plus basse que le chiffre des constats et du tableau (le complément du risque de rupture).',
  'chart.survival.title': 'Après {days} jours, le cessez-le-feu tient encore dans {held} des tirages {case}',
  'chart.survival.description':
    'Part des tirages où le cessez-le-feu n’a pas été rompu (aucune frappe sur le pays hôte ni pire) à chaque jour, par cas (Kaplan-Meier), avec les bandes à 95 %.',
  'chart.tornado.title': '{parameter} pèse le plus sur le risque de rupture\u00a0: de {lo} à {hi}',
  'cost.tornado': 'Sensibilité\u00a0: {spent} tirages de modèle (plafond {cap})\u00a0: {parts}.',
  'cost.tornado.ranked': { one: '{n} ligne classée', other: '{n} lignes classées' },
  'cost.tornado.tied': { one: '{n} à égalité à {precision} près', other: '{n} à égalité à {precision} près' },
  'cost.tornado.exact': { one: '{n} sans effet sur la rupture', other: '{n} sans effet sur la rupture' },
  'cost.tornado.cap': { one: '{n} au plafond de {runs} tirages', other: '{n} au plafond de {runs} tirages' },
  'cost.sobol': 'Indices de Sobol\u00a0: {spent} tirages de modèle (plafond {cap})\u00a0: {parts}.',
  'cost.sobol.precise': {
    one: '{n} paramètre connu à ±{halfWidth}',
    other: '{n} paramètres connus à ±{halfWidth}',
  },
  'cost.sobol.cap': {
    one: '{n} paramètre au plafond de {runs} tirages',
    other: '{n} paramètres au plafond de {runs} tirages',
  },
  'chart.tornado.base': 'base {base}',
  'chart.tornado.description': {
    one: 'Sensibilité une hypothèse à la fois\u00a0: chaque paramètre incertain fixé à son quantile à {low} puis à {high}, les autres toujours tirés, et chaque constante supposée à ×0,5 puis ×1,5\u202f; base {base}. {n} paramètre qui déplace la probabilité de moins de 0,05 point, ou n’agit qu’après la rupture, est omis.',
    other:
      'Sensibilité une hypothèse à la fois\u00a0: chaque paramètre incertain fixé à son quantile à {low} puis à {high}, les autres toujours tirés, et chaque constante supposée à ×0,5 puis ×1,5\u202f; base {base}. {n} paramètres qui déplacent la probabilité de moins de 0,05 point, ou n’agissent qu’après la rupture, sont omis.',
  },

  // ── Tableaux ──
  'table.nation': 'nation',
  'table.option': 'option',
  'table.personnelShare': 'part de ses effectifs',
  'table.options.caption':
    'La force promise à son maximum ({when}) face à chaque option de force\u00a0: part de ses effectifs et, par composante, effectifs / capacités (moyenne, sur les capacités de la composante, de la part couverte par la force, plafonnée à 100 %).',
  'table.place': 'n°',
  'table.location': 'emplacement',
  'table.country': 'pays',
  'table.mission': 'mission',
  'table.contributors': 'contributeurs à la mission (personnels)',
  'table.locations.caption': 'Emplacements de la carte, avec les missions que chacun sert.',
  'table.capability': 'capacité',
  'table.when': 'période',
  'table.short': 'manque',
  'table.required': 'besoin',
  'table.unit': 'unité',
  'table.why': 'cause',
  'table.gaps.caption': 'Lacunes capacitaires de la force promise, avec leur cause déterminante.',
  'table.peakDeployed': 'déployés au maximum',
  'table.tiedUp': 'mobilisés par la relève',
  'table.troopTours': 'mandats',
  'table.distinct': 'personnes différentes',
  'table.cost': 'coût sur l’horizon',
  'table.personnelYears': 'années-personnels',
  'table.fairness.caption':
    'Effort par nation\u00a0: effectifs, coût et part de l’effort face à la part équitable ({basis}). Indice d’équité {index}.',
  'table.loss': 'perte',
  'table.personnelLost': 'ses effectifs au maximum',
  'table.coverageOf': 'couverture {mission}',
  'table.resilience.caption':
    'Résilience (N−1)\u00a0: le plan recalculé sans chaque nation et sans les engagements conditionnels\u202f; la couverture est la part des besoins-périodes satisfaits.',
  'table.anyWithdrawal': 'retrait d’au moins une nation',
  'table.fatalities': 'morts, médiane / 90e centile',
  'table.medianSurvival': 'jours médians avant rupture',
  'table.beyond': 'au-delà de {days}',
  'table.assurance.caption':
    'Évaluation par cas\u00a0: {runs} tirages chacun, graine {seed}, horizon de {days} jours\u202f; probabilités avec intervalles à 95 %.',
  'table.unitType': 'type d’unité',
  'table.units': 'unités',
  'table.missions': 'missions',
  'table.status': 'statut',
  'table.conditions': 'conditions',
  'table.source': 'source',
  'table.anyMission': 'toutes',
  'table.pledges.caption':
    'Engagements, avec leur statut et leur source (identifiants des sources, chacune citée en entier en annexe).',
  'table.atOrAbove': 'statut minimal',
  'table.pledgesAt': 'engagements à ce statut',
  'table.pledgesStanding': 'engagements comptés',
  'table.pledgedPeak': 'promis (maximum)',
  'table.inPlacePeak': 'en place (maximum)',
  'table.requirementPeriodsMet': 'besoins-périodes satisfaits',
  'table.ofAll': '{met} sur {all}',
  'table.status.caption':
    'La force selon le statut des engagements\u00a0: le plan ne comptant que les engagements à chaque statut ou au-dessus (supposé < annoncé < proposé < confirmé < déployé).',
  'table.peakPersonnel': 'personnels au maximum',
  'table.sourcing.caption':
    'Constitution de la force\u00a0: unités que chaque nation maintient déployées sur chaque mission, par période (les fractions sont des moyennes sur la période dans le plan continu).',
  'table.personnel': 'personnels',
  'table.costPerYear': 'coût annuel',
  'table.frontier.caption':
    'Réponses de la frontière ({runs} tirages ou plus par point, graine {seed}\u202f; plus grande force essayée\u00a0: {largest} personnels)',
  'table.frontier.cheapest': 'force la moins chère à {target} au plus',
  'table.frontier.risk': 'risque de rupture du cessez-le-feu (intervalle à 95 %)',
  'table.frontier.asStated': 'les besoins tels qu’énoncés',
  'table.frontier.noneMeets': 'aucune force essayée n’y parvient',
};
