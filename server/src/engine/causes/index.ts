// The cause catalog: one list of known proxy failures, used by the connectivity test and the error explainer.
export { CAUSES, causeById, type Cause } from './catalog';
export { contextFromLog, matchCause, matchCauses, stripAnsi, type CauseMatch, type MatchContext } from './match';
export { explainLog, explainLine, explainText, type Explanation, type ExplainOptions } from './explain';
export { formatExplanationsText, formatExplanationsJson, layerLabel } from './formatExplain';
export { attributeExplanation, attributeExplanations, type AttributedExplanation, type MachineAttribution } from './attribute';
