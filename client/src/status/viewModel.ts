// The Proxy Status view as data, in one import: the view state, the tree, the status bar text and request errors.
// Each part lives in its own file beside this one; this module only gathers them for the adapters and tests.
export { buildTree } from './tree';
export { flatten, type FindingFix, type NodeKind, type TreeNode } from './treeNode';
export { viewMessage, welcomeKey, type ViewState, type WelcomeKey } from './viewState';
export { countsText, overallHealth, proxyHealthText, statusBarView, testText, type ServerState, type StatusBarView } from './statusBar';
export { describeRequestError } from './requestErrors';
export { probeHealth, worse } from './health';
export { notProbedOf, pairResults, probeLabel, type PairResult } from './testResults';
export { LAYER_ORDER, ms, plural } from './viewText';
