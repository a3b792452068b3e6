export { squareLawLosses, type Losses } from './closed-form.js';
export { simulateEngagement, type EngagementResult } from './simulate.js';
export { loadEngagement, type Engagement } from './engagement-file.js';
