// The edits that delete one ENV/ARG assignment (or its whole instruction), and the fix built from them.
import type { DockerfileDocument } from '../../document';
import type { Fix, TextEdit } from '../../findingTypes';
import type { DockerfileAssignment } from '../../parse/dockerfile';
import { lazyFix } from '../../fix';
import type { Instruction } from './instructionText';
import type { ProxyAssignment } from './dockerfileModel';

/**
 * Edit that deletes one assignment from its ENV/ARG: the whole instruction (with its line break) when it is the only
 * one, else the assignment and the blank before it (or after it, for the first one).
 */
export function deleteAssignmentEdit(doc: DockerfileDocument, instruction: Instruction, siblings: DockerfileAssignment[], target: DockerfileAssignment): TextEdit {
  const index = siblings.findIndex((s) => s.start === target.start);
  if (siblings.length <= 1 || index < 0) return deleteInstructionEdit(doc, instruction);
  if (index === 0) return { range: doc.lines.range(target.start, siblings[1].start), newText: '' };
  return { range: doc.lines.range(siblings[index - 1].end, target.end), newText: '' };
}

export function deleteInstructionEdit(doc: DockerfileDocument, instruction: Instruction): TextEdit {
  const range = instruction.getRange();
  const start = doc.lines.lineStart(range.start.line);
  const end = range.end.line + 1 < doc.lines.lineCount ? doc.lines.lineStart(range.end.line + 1) : doc.text.length;
  return { range: doc.lines.range(start, end), newText: '' };
}

export function deleteAssignmentFix(doc: DockerfileDocument, a: ProxyAssignment, title: string, safe = false): Fix {
  return lazyFix(title, safe, () => [deleteAssignmentEdit(doc, a.instruction, a.siblings, a)]);
}
