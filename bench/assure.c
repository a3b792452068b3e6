/*
 * Reference implementation of Bulwark's assurance hot loop in plain C (bench/assure.ts compiles it with
 * gcc -O2 and compares speed). The same model, the same random streams and the same statistics as
 * src/core/assure/simulate.ts (assurance v2), on the parameter block that bench/assure.ts exports
 * (whitespace-separated numbers; order in read_params, closed by a sentinel). Usage:
 * assure <params-file> <seed> <runs> [repeats]
 * Prints one JSON line: runs, runDays, seconds (CPU time of the process, best of repeats) and the statistics
 * bench/assure.ts compares with the TypeScript run's: outcomes, reached, finalLevel, guarantor, withdrawals,
 * withdrawnBy, fatalities.
 *
 * The rare paths mirror the TypeScript formula by formula, in the same order of operations: test_payoff is
 * fillDeterrence (ladder-params.ts) with testPayoff (deterrence.ts), site_casualties is siteCasualties on
 * core/engagement's squareLawLosses, js_round is Math.round. exp, log and sqrt are glibc's: sqrt is exact
 * on both sides, but glibc's exp and V8's (fdlibm) differ in the last bit on a few per cent of arguments,
 * so hazards and expected fatalities may differ by an ulp; the compared statistics have come out identical.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TABLE_SIZE 4096
#define K1 (TABLE_SIZE + 1)
#define FATALITY_BINS (256 + 23 * 64)
#define TWO_POW_MINUS_32 2.3283064365386963e-10
#define ZIG_R 7.697117470131487

typedef struct {
  int L, T, N, P, nparams, nnodes;
  int *periodEnds; /* last simulation day (1-based) of each period: the scenario's calendar */
  double theta, wHost, wForce, wRet, wG, hostBaseline, hostPerTrainee, hostRef, forceRef;
  int guarantorActive, inHarmsWay, trigger, detersTo, feedback, engagement;
  double guarantorPower, visibility, lagDays, fatalityThreshold, interventionDeters;
  double audiencePerPerson, aloneMultiplier, hostLoss, stake;
  double attackDays, attackerEff, defenderEff, killedShare, sites, attackMean;
  double priorAlpha, priorBeta, collapseShare;
  double *up, *down, *deter, *personnel, *exposed, *combat, *exposedCombat, *trainees, *weight, *retaliationBy;
  double *meanTol, *expectedFatalities, *attackNodes, *fixed, *tables;
  int *hasTol, *periodChanges;
  uint32_t *keys;
  double *zke, *zwe, *zfe; /* ziggurat tables, exported by bench/assure.ts so both sides use the same bits */
} Params;

typedef struct {
  double runs, runDays;
  double outcomes[6];
  double *reached, *finalLevel, *firstMinor, *firstFailure, *firstTripwire, *firstWider, *occupancy;
  double fatalities[FATALITY_BINS];
  double *withdrawals, *withdrawnBy;
  double guarantor[6];
} Stats;

/* Run state (the Scratch of simulate.ts). */
typedef struct {
  double *will, *tol, *upSeg, *ratioSeg, *logRatioSeg, *em1Seg;
  unsigned char *present;
  int *first;
  double rho, alpha, beta, hbase, tbase, growth, totalW, exposed, exposedCombat, growthFactor;
  int period;
} Scratch;

static double rd(FILE *f) {
  char buf[64];
  if (fscanf(f, "%63s", buf) != 1) { fprintf(stderr, "params: unexpected end\n"); exit(2); }
  if (strcmp(buf, "nan") == 0) return NAN;
  return strtod(buf, NULL);
}
static double *rdv(FILE *f, int n) {
  double *v = malloc(sizeof(double) * (n > 0 ? n : 1));
  for (int i = 0; i < n; i++) v[i] = rd(f);
  return v;
}

static int *rdi(FILE *f, int n) {
  int *v = malloc(sizeof(int) * (n > 0 ? n : 1));
  for (int i = 0; i < n; i++) v[i] = (int)rd(f);
  return v;
}

/* The order of exportParams in bench/assure.ts. */
static void read_params(const char *path, Params *m) {
  FILE *f = fopen(path, "r");
  if (!f) { perror(path); exit(2); }
  m->L = (int)rd(f); m->T = (int)rd(f); m->N = (int)rd(f); m->P = (int)rd(f);
  m->periodEnds = rdi(f, m->P);
  m->theta = rd(f); m->wHost = rd(f); m->wForce = rd(f); m->wRet = rd(f); m->wG = rd(f);
  m->hostBaseline = rd(f); m->hostPerTrainee = rd(f); m->hostRef = rd(f); m->forceRef = rd(f);
  m->guarantorActive = (int)rd(f); m->guarantorPower = rd(f); m->inHarmsWay = (int)rd(f);
  m->visibility = rd(f); m->trigger = (int)rd(f); m->lagDays = rd(f); m->fatalityThreshold = rd(f);
  m->interventionDeters = rd(f); m->detersTo = (int)rd(f);
  m->audiencePerPerson = rd(f); m->aloneMultiplier = rd(f); m->hostLoss = rd(f); m->stake = rd(f);
  m->engagement = (int)rd(f); m->attackDays = rd(f); m->attackerEff = rd(f); m->defenderEff = rd(f);
  m->killedShare = rd(f); m->sites = rd(f); m->attackMean = rd(f);
  m->priorAlpha = rd(f); m->priorBeta = rd(f); m->collapseShare = rd(f); m->feedback = (int)rd(f);
  m->up = rdv(f, m->L); m->down = rdv(f, m->L); m->deter = rdv(f, m->L);
  int PN = m->P * m->N;
  m->personnel = rdv(f, PN); m->exposed = rdv(f, PN); m->combat = rdv(f, PN);
  m->exposedCombat = rdv(f, PN); m->trainees = rdv(f, PN);
  m->weight = rdv(f, m->N); m->retaliationBy = rdv(f, m->N);
  m->hasTol = rdi(f, m->N); m->meanTol = rdv(f, m->N);
  m->periodChanges = rdi(f, m->P); m->expectedFatalities = rdv(f, m->P);
  m->nnodes = (int)rd(f);
  m->attackNodes = rdv(f, m->nnodes);
  m->nparams = (int)rd(f);
  double *keys = rdv(f, m->nparams);
  m->keys = malloc(sizeof(uint32_t) * m->nparams);
  for (int i = 0; i < m->nparams; i++) m->keys[i] = (uint32_t)keys[i];
  m->fixed = rdv(f, m->nparams);
  m->tables = rdv(f, m->nparams * K1);
  m->zke = rdv(f, 256); m->zwe = rdv(f, 256); m->zfe = rdv(f, 256);
  if (rd(f) != 20250607) { fprintf(stderr, "params: block out of step with bench/assure.ts\n"); exit(2); }
  fclose(f);
}

static inline uint32_t mix32(uint32_t x) {
  x ^= x >> 16; x *= 0x21f0aaadu; x ^= x >> 15; x *= 0x735a2d97u; x ^= x >> 15;
  return x;
}
static inline double hash_unit(uint32_t seed, uint32_t run, uint32_t key) {
  uint32_t h = mix32((mix32(seed ^ 0x3c6ef372u) ^ mix32(run)) + key * 0x9e3779b9u);
  return (h + 0.5) * TWO_POW_MINUS_32;
}
static inline double draw_parameter(const Params *m, int i, uint32_t seed, uint32_t run) {
  double u = hash_unit(seed, run, m->keys[i]);
  double pinned = m->fixed[i];
  if (pinned == pinned) return pinned;
  double x = u * TABLE_SIZE;
  int j = (int)x;
  double lo = m->tables[i * K1 + j];
  return lo + (x - j) * (m->tables[i * K1 + j + 1] - lo);
}

/* Math.round: the nearest integer, halves upwards (floor(x + 0.5) differs just below one half). */
static inline double js_round(double x) {
  double r = floor(x);
  return x - r >= 0.5 ? r + 1 : r;
}
/* Math.min and Math.max of two numbers (NaN if either is). */
static inline double js_min(double x, double y) { return x != x || y != y ? NAN : x < y ? x : y; }
static inline double js_max(double x, double y) { return x != x || y != y ? NAN : x > y ? x : y; }

/* squareLawLosses of core/engagement/closed-form.ts, blue's side: what x0 defenders lose in t days of
 * square-law fire (dx/dt = -a y, dy/dt = -b x) from y0 attackers, without reinforcements. */
static double square_law_blue_lost(double x0, double y0, double a, double b, double t) {
  double blue;
  if (t == 0) blue = x0;
  else if (a == 0 || b == 0) blue = a == 0 ? x0 : js_max(0, x0 - a * y0 * t);
  else {
    double sa = sqrt(a), sb = sqrt(b);
    double grow = exp(sa * sb * t);
    double u = sb * x0 - sa * y0, v = sb * x0 + sa * y0;
    double g = u == 0 ? 0 : u * grow;
    double d = v / grow;
    double x = (0.5 * (d + g)) / sb;
    double y = (0.5 * (d - g)) / sa;
    if (x <= 0 || y <= 0) x = u >= 0 ? sqrt(u * v) / sb : 0; /* the loser stays at 0, the winner keeps sqrt(K/b) */
    blue = x < x0 ? x : x0;
  }
  return x0 - blue;
}

/* siteCasualties of deterrence.ts: the defenders' casualties at one site in an attack (square law, with
 * b' = b * C / x0 the attacker casualties per defender per day). */
static double site_casualties(double defenders, double combatPower, double attackers, double a, double bEff,
                              double days) {
  if (!(defenders > 0) || !(attackers > 0) || !(a > 0) || !(days > 0)) return 0;
  double b = (bEff * combatPower) / defenders;
  return js_min(defenders, js_max(0, square_law_blue_lost(defenders, attackers, a, b > 0 ? b : 0, days)));
}

/* meanAttackFatalities of ladder-params.ts: the quadrature over the per-attack draw's nodes, or the mean of
 * the fatalities draw when there is no engagement block. */
static double mean_attack_fatalities(const Params *m, double defenders, double combatPower) {
  if (m->engagement != 1) return defenders > 0 ? m->attackMean : 0;
  double sum = 0;
  for (int j = 0; j < m->nnodes; j++)
    sum += m->killedShare *
           site_casualties(defenders, combatPower, m->attackNodes[j], m->attackerEff, m->defenderEff, m->attackDays);
  return m->nnodes > 0 ? sum / m->nnodes : 0;
}

/* fillDeterrence (ladder-params.ts) and testPayoff (deterrence.ts): the adversary's expected payoff U of
 * testing in period p for the nations present, host strength H, belief mu, risk tolerance rho and casualty
 * tolerances tol (NULL: their means). */
static double test_payoff(const Params *m, int p, const unsigned char *present, double H, double mu, double rho,
                          const double *tol) {
  int N = m->N, base = p * N, all = 1;
  double F = 0, ex = 0, exCp = 0, pers = 0, R = 0, tolW = 0, tolSum = 0;
  for (int k = 0; k < N; k++) {
    if (!present[k]) { all = 0; continue; }
    F += m->combat[base + k]; ex += m->exposed[base + k]; exCp += m->exposedCombat[base + k];
    double n = m->personnel[base + k];
    pers += n;
    if (n > 0) R += m->stake > 0 ? m->retaliationBy[k] * n / (n + m->stake) : m->retaliationBy[k];
    double t = tol == NULL ? m->meanTol[k] : tol[k];
    if (n > 0 && t < INFINITY) { tolW += n; tolSum += n * t; }
  }
  double fat = all ? m->expectedFatalities[p] : mean_attack_fatalities(m, ex / m->sites, exCp / m->sites);
  double k = tolW > 0 && tolSum > 0 ? fat / (tolSum / tolW) : 0;
  double hostDenial = (m->wHost * H) / m->hostRef;
  double forceDenial = ex > 0 || F > 0 ? (m->wForce * F) / m->forceRef : 0;
  double retaliation = pers > 0 ? m->wRet * R : 0;
  double punishment = m->wG * m->guarantorPower;
  double a = m->audiencePerPerson * pers, alone = m->aloneMultiplier * k, h = m->hostLoss;
  int backstop = m->guarantorActive == 1;
  int triggered = m->trigger == 1 && backstop && ex > 0 && fat >= m->fatalityThreshold;
  /* q_C: the coalition fights against a resolute guarantor iff a >= k; against an irresolute one iff
   * a + h >= k in the trigger reading (met, with a backstop), else iff a >= k + L (coalitionFightProbability). */
  double qC;
  if (a <= 0 && k <= 0 && forceDenial + retaliation <= 0) qC = 0;
  else {
    double muC = backstop ? mu : 0; /* without a backstop the coalition knows it fights alone */
    double r = a >= k ? 1 : 0;
    double i = (triggered && backstop ? a + h >= k : a >= k + alone) ? 1 : 0;
    qC = muC * r + (1 - muC) * i;
  }
  /* q_G: 1 when the trigger pulls any guarantor in beside a fighting force, else the belief. */
  double qG = !backstop ? 0 : triggered && a + h >= k ? 1 : mu;
  return rho - hostDenial - qC * (forceDenial + retaliation) - qG * punishment;
}

static void segment(const Params *m, Scratch *sc, int t) {
  int N = m->N, base = sc->period * N;
  double tr = 0, ex = 0, exCp = 0;
  for (int k = 0; k < N; k++) {
    if (!sc->present[k]) continue;
    tr += m->trainees[base + k]; ex += m->exposed[base + k]; exCp += m->exposedCombat[base + k];
  }
  double H = sc->hbase + sc->growth * (t - sc->tbase);
  sc->hbase = H; sc->tbase = t;
  double g = m->feedback == 1 ? (m->hostPerTrainee * tr) / 365 : 0;
  sc->growth = g; sc->exposed = ex; sc->exposedCombat = exCp;
  double mu = sc->alpha / (sc->alpha + sc->beta);
  double U = test_payoff(m, sc->period, sc->present, H, mu, sc->rho, m->feedback == 1 ? sc->tol : NULL);
  double X = m->theta * U;
  double c = (m->theta * m->wHost * g) / m->hostRef;
  sc->growthFactor = exp(-c);
  double eX = exp(X), eC = sc->growthFactor;
  int war = m->guarantorActive == 1 && m->inHarmsWay == 1;
  for (int l = 0; l < m->L; l++) {
    int open = (l == 3 || l == 4) ? ex > 0 : (l == 5 ? war : 1);
    double d = m->deter[l];
    sc->upSeg[l] = open ? m->up[l] * (d == 1 ? eX : d == 0 ? 1 : exp(d * X)) : 0;
    sc->ratioSeg[l] = d == 1 ? eC : d == 0 ? 1 : exp(-d * c);
    sc->logRatioSeg[l] = d == 0 ? 0 : -d * c;
    sc->em1Seg[l] = d == 0 ? 0 : expm1(-d * c);
  }
}

static inline int fatality_bin(double v) {
  if (v < 256) return (int)v;
  uint32_t x = v > 2147483647.0 ? 0x7fffffffu : (uint32_t)v;
  int e = 31 - __builtin_clz(x);
  int b = 256 + (e - 8) * 64 + (int)((x >> (e - 6)) & 63);
  return b < FATALITY_BINS - 1 ? b : FATALITY_BINS - 1;
}

#define NEXT() do { \
    r = s1 * 5u; r = ((r << 7) | (r >> 25)) * 9u; tt = s1 << 9; \
    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= tt; s3 = (s3 << 11) | (s3 >> 21); \
  } while (0)
#define UNIT() ((r + 0.5) * TWO_POW_MINUS_32)

/* hazardSum and ringDay of simulate.ts: the accumulated hazard over the next k days and the day the clock
 * rings in closed form (0: not within K days). */
static inline double hazard_sum(double u, double d, double r, double lr, double em1, double k) {
  if (r == 1) return (u + d) * k;
  double a = u * r;
  return (a == 0 ? 0 : (a * expm1(k * lr)) / em1) + d * k;
}
static int ring_day(double need, double u, double d, double r, double lr, double em1, int K) {
  double a = u * r, first = a + d;
  if (!(first > 0) || K <= 0) return 0;
  double kk = ceil(need / first);
  if (kk > K) return 0;
  if (!(kk >= 1)) kk = 1;
  int k = (int)kk;
  if (r == 1 || a == 0) return k;
  if (k * first + (a * lr * k * (k + 1.0)) / 2 >= need || hazard_sum(u, d, r, lr, em1, k) >= need) return k;
  double A = -a / em1;
  if (d == 0) {
    if (!(need < A)) return 0;
    double c = ceil(log1p(-need / A) / lr);
    return c <= K ? (c >= 1 ? (int)c : 1) : 0;
  }
  double x = k;
  for (int i = 0; i < 64; i++) {
    double e = exp(x * lr);
    x -= (A * (1 - e) + d * x - need) / (d - A * lr * e);
    double c = ceil(x);
    if (c > K) return hazard_sum(u, d, r, lr, em1, K) >= need ? K : 0;
    if (hazard_sum(u, d, r, lr, em1, c) >= need) return c > k ? (int)c : k + 1;
    if (c > x) x = c;
  }
  return K;
}

/* Days the event-driven loop steps before it jumps (PROBE_DAYS in simulate.ts). */
#define PROBE_DAYS 8

static void simulate_run(const Params *m, Stats *st, Scratch *sc, uint32_t seed, uint32_t run, int events) {
  int N = m->N, L = m->L, T = m->T, INF = T + 1;
  double *occ = st->occupancy;
  int feedback = m->feedback == 1;
  sc->rho = draw_parameter(m, 0, seed, run);
  double cred = draw_parameter(m, 1, seed, run);
  for (int k = 0; k < N; k++) {
    double tol = draw_parameter(m, 3 + k, seed, run);
    sc->tol[k] = m->hasTol[k] ? tol : INFINITY;
    sc->will[k] = 1; sc->present[k] = 1;
  }
  for (int l = 0; l < L; l++) sc->first[l] = -1;
  /* The belief before any trigger: the prior updated by what the commitment shows of this run's resolve
   * (perceivedResolve in deterrence.ts); the exact chain (no feedback) keeps the prior. */
  if (feedback && m->guarantorActive == 1) {
    sc->alpha = m->priorAlpha + m->visibility * cred;
    sc->beta = m->priorBeta + m->visibility * (1 - cred);
  } else {
    sc->alpha = m->priorAlpha; sc->beta = m->priorBeta;
  }
  sc->hbase = m->hostBaseline;
  sc->tbase = 0; sc->growth = 0; sc->period = 0;
  double fatPinned = m->fixed[2];
  int fatOff = 2 * K1;

  uint32_t z = mix32(seed ^ mix32(run ^ 0x5bd1e995u));
  z += 0x9e3779b9u; uint32_t s0 = mix32(z);
  z += 0x9e3779b9u; uint32_t s1 = mix32(z);
  z += 0x9e3779b9u; uint32_t s2 = mix32(z);
  z += 0x9e3779b9u; uint32_t s3 = mix32(z);
  if ((s0 | s1 | s2 | s3) == 0) s0 = 1;
  uint32_t r, tt;

  int level = 0, maxLevel = 0, withdrawn = 0, decisionDay = INF;
  int triggered = 0, intervened = 0, abstained = 0, changed = 0;
  double fatal = 0, withdrawnWeight = 0;
  int nextPeriod = m->P > 1 ? m->periodEnds[0] + 1 : INF;
  int nextSched = nextPeriod;
  occ[0] += 1;
  segment(m, sc, 0);
  double upL = sc->upSeg[0], dnL = m->down[0], ratio = sc->ratioSeg[0];
  double logRatio = sc->logRatioSeg[0], em1 = sc->em1Seg[0];
  double hostFac = 1, growth = sc->growthFactor;
  double clock = 0, cum = 0;
  int needClock = 1;
  /* Event-driven: days stepped since the clock was drawn or the last scheduled day, and the day hostFac
   * is exact at (it lags after a jump and catches up when a move reads it). */
  int probe = 0, facDay = 0;
  const double *ke = m->zke, *we = m->zwe, *fe = m->zfe;

  for (int t = 1; t <= T; t++) {
    if (needClock) {
      /* Exp(1) by the ziggurat (Marsaglia and Tsang 2000), as in simulate.ts. */
      needClock = 0;
      NEXT();
      int iz = r & 255;
      if ((double)r < ke[iz]) clock = r * we[iz];
      else
        for (;;) {
          if (iz == 0) { NEXT(); clock = ZIG_R - log(UNIT()); break; }
          double x = r * we[iz];
          NEXT();
          if (fe[iz] + UNIT() * (fe[iz - 1] - fe[iz]) < exp(-x)) { clock = x; break; }
          NEXT();
          iz = r & 255;
          if ((double)r < ke[iz]) { clock = r * we[iz]; break; }
        }
      probe = 0;
    }
    int rang = 0;
    if (events && probe >= PROBE_DAYS && t != nextSched) {
      /* The plain days t … limit in one jump: the day the clock rings in closed form. */
      int limit = nextSched <= T ? nextSched - 1 : T;
      int K = limit - t + 1;
      int k = ring_day(clock - cum, upL, dnL, ratio, logRatio, em1, K);
      int j = k == 0 ? K : k;
      if (k == 0) cum += hazard_sum(upL, dnL, ratio, logRatio, em1, K);
      else cum = clock;
      if (ratio != 1) upL *= exp(j * logRatio);
      if (k == 0) { t = limit; probe = 0; continue; }
      t += k - 1;
      rang = 1;
    }
    if (!rang && t == nextSched) {
      probe = -1;
      int refresh = t == decisionDay;
      if (t == nextPeriod) {
        int p = sc->period + 1;
        sc->period = p;
        nextPeriod = p < m->P - 1 ? m->periodEnds[p] + 1 : INF;
        if (m->periodChanges[p]) refresh = 1;
      }
      if (t == decisionDay) {
        decisionDay = INF;
        NEXT();
        /* In the trigger reading any guarantor intervenes beside a force still in place. */
        if ((m->trigger == 1 && sc->exposed > 0) || UNIT() < cred) {
          sc->alpha += 1; st->guarantor[3] += 1; intervened = 1;
          if (level >= 4 && level < L - 1) {
            NEXT();
            int to = UNIT() < m->interventionDeters ? m->detersTo : L - 1;
            st->guarantor[to == L - 1 ? 5 : 4] += 1;
            occ[t * L + level] -= 1; occ[t * L + to] += 1;
            level = to;
            while (maxLevel < level) sc->first[++maxLevel] = t;
          }
        } else {
          sc->beta += 1; abstained = 1;
        }
      }
      nextSched = nextPeriod < decisionDay ? nextPeriod : decisionDay;
      if (refresh) {
        segment(m, sc, t - 1);
        upL = sc->upSeg[level]; dnL = m->down[level]; ratio = sc->ratioSeg[level];
        logRatio = sc->logRatioSeg[level]; em1 = sc->em1Seg[level];
        hostFac = 1; facDay = t - 1; growth = sc->growthFactor;
      }
      if (upL == 0 && dnL == 0 && nextSched == INF) break;
    }
    if (!rang) {
      upL *= ratio;
      hostFac *= growth;
      facDay++;
      probe++;
      cum += upL + dnL;
    }
    if (cum >= clock) {
      NEXT();
      int old = level;
      level = UNIT() * (upL + dnL) < upL ? level + 1 : level - 1;
      occ[t * L + old] -= 1; occ[t * L + level] += 1;
      if (level > maxLevel) { maxLevel = level; sc->first[level] = t; }
      if (level > old && (level == 4 || level == 5)) {
        NEXT();
        double f = fatPinned;
        if (f != f) {
          double x = UNIT() * TABLE_SIZE;
          int j = (int)x;
          double lo = m->tables[fatOff + j];
          f = lo + (x - j) * (m->tables[fatOff + j + 1] - lo);
        }
        double exposedNow = sc->exposed;
        /* With an engagement block the draw is the attacker's strength against one site. */
        double deaths = m->engagement == 1
                          ? js_round(m->killedShare * site_casualties(exposedNow / m->sites, sc->exposedCombat / m->sites, f,
                                                                      m->attackerEff, m->defenderEff, m->attackDays))
                          : js_round(f > 0 ? f : 0);
        fatal += deaths;
        if (feedback && deaths > 0 && exposedNow > 0) {
          int base = sc->period * N;
          for (int k = 0; k < N; k++) {
            if (!sc->present[k]) continue;
            double share = (deaths * m->exposed[base + k]) / exposedNow;
            if (share <= 0) continue;
            sc->will[k] -= share / sc->tol[k];
            if (sc->will[k] <= 0) {
              sc->present[k] = 0; changed = 1; withdrawn++;
              withdrawnWeight += m->weight[k]; st->withdrawnBy[k] += 1;
            }
          }
        }
        if (feedback && m->guarantorActive == 1 && fatal >= m->fatalityThreshold && decisionDay == INF) {
          decisionDay = t + (m->lagDays >= 1 ? (int)js_round(m->lagDays) : 1);
          if (decisionDay < nextSched) nextSched = decisionDay;
          triggered = 1;
        }
      }
      if (changed) { segment(m, sc, t); changed = 0; hostFac = 1; facDay = t; growth = sc->growthFactor; }
      double d = m->deter[level];
      if (events && d != 0 && facDay != t) {
        int lag = t - facDay;
        if (growth != 1) {
          if (lag <= 16) for (int i = 0; i < lag; i++) hostFac *= growth;
          else hostFac *= pow(growth, lag);
        }
        facDay = t;
      }
      upL = d == 0 ? sc->upSeg[level] : d == 1 ? sc->upSeg[level] * hostFac : sc->upSeg[level] * pow(hostFac, d);
      dnL = m->down[level]; ratio = sc->ratioSeg[level];
      logRatio = sc->logRatioSeg[level]; em1 = sc->em1Seg[level];
      needClock = 1;
      cum = 0;
      if (upL == 0 && dnL == 0 && nextSched == INF) break;
    }
  }

  int outcome;
  if (maxLevel >= L - 1) outcome = 5;
  else if (sc->totalW > 0 && withdrawnWeight > m->collapseShare * sc->totalW) outcome = 4;
  else if (level >= 3) outcome = 3;
  else if (maxLevel >= 4) outcome = 2;
  else if (maxLevel >= 3) outcome = 1;
  else outcome = 0;
  st->runs += 1; st->runDays += T; st->outcomes[outcome] += 1;
  for (int l = 0; l <= maxLevel; l++) st->reached[l] += 1;
  st->finalLevel[level] += 1;
  int f2 = sc->first[2], f3 = sc->first[3], f4 = sc->first[4], f6 = sc->first[L - 1];
  st->firstMinor[f2 < 0 ? INF : f2] += 1; st->firstFailure[f3 < 0 ? INF : f3] += 1;
  st->firstTripwire[f4 < 0 ? INF : f4] += 1; st->firstWider[f6 < 0 ? INF : f6] += 1;
  st->fatalities[fatality_bin(fatal)] += 1;
  st->withdrawals[withdrawn] += 1;
  if (triggered) st->guarantor[0] += 1;
  if (intervened) st->guarantor[1] += 1;
  if (abstained) st->guarantor[2] += 1;
}

static void print_array(const char *name, const double *v, int n) {
  printf(",\"%s\":[", name);
  for (int i = 0; i < n; i++) printf("%s%.0f", i ? "," : "", v[i]);
  printf("]");
}

static double *zeros(int n) { return calloc(n > 0 ? n : 1, sizeof(double)); }

int main(int argc, char **argv) {
  if (argc < 4) { fprintf(stderr, "usage: %s params seed runs [repeats] [events|days]\n", argv[0]); return 2; }
  Params m;
  read_params(argv[1], &m);
  uint32_t seed = (uint32_t)strtoul(argv[2], NULL, 10);
  long runs = strtol(argv[3], NULL, 10);
  int repeats = argc > 4 ? atoi(argv[4]) : 1;
  if (repeats < 1) repeats = 1;
  int events = !(argc > 5 && strcmp(argv[5], "days") == 0);
  double best = 1e300;
  Stats st;
  for (int rep = 0; rep < repeats; rep++) {
    memset(&st, 0, sizeof st);
    st.reached = zeros(m.L); st.finalLevel = zeros(m.L);
    st.firstMinor = zeros(m.T + 2); st.firstFailure = zeros(m.T + 2);
    st.firstTripwire = zeros(m.T + 2); st.firstWider = zeros(m.T + 2);
    st.occupancy = zeros((m.T + 1) * m.L);
    st.withdrawals = zeros(m.N + 1); st.withdrawnBy = zeros(m.N);
    Scratch sc;
    memset(&sc, 0, sizeof sc);
    sc.will = zeros(m.N); sc.tol = zeros(m.N); sc.present = calloc(m.N + 1, 1);
    sc.first = calloc(m.L, sizeof(int));
    sc.upSeg = zeros(m.L); sc.ratioSeg = zeros(m.L); sc.logRatioSeg = zeros(m.L); sc.em1Seg = zeros(m.L);
    for (int k = 0; k < m.N; k++) sc.totalW += m.weight[k];
    struct timespec a, b;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
    for (long i = 0; i < runs; i++) simulate_run(&m, &st, &sc, seed, (uint32_t)i, events);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
    double sec = (b.tv_sec - a.tv_sec) + 1e-9 * (b.tv_nsec - a.tv_nsec);
    if (sec < best) best = sec;
  }
  printf("{\"runs\":%.0f,\"runDays\":%.0f,\"seconds\":%.6f", st.runs, st.runDays, best);
  print_array("outcomes", st.outcomes, 6);
  print_array("reached", st.reached, m.L);
  print_array("finalLevel", st.finalLevel, m.L);
  print_array("guarantor", st.guarantor, 6);
  print_array("withdrawals", st.withdrawals, m.N + 1);
  print_array("withdrawnBy", st.withdrawnBy, m.N);
  print_array("fatalities", st.fatalities, FATALITY_BINS);
  printf("}\n");
  return 0;
}
