// Rules about the input itself and its syntax, for every kind.
import type { Rule } from '../../rule';
import { fileNotLintable } from './PD001-file-not-lintable';
import { jsonSyntax } from './PD002-json-syntax';
import { typographicQuotes } from './PD003-typographic-quotes';

export const generalRules: readonly Rule[] = [fileNotLintable, jsonSyntax, typographicQuotes];
