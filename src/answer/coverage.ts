/**
 * What an answer leaves out: the question's medical topics that none of its statements name. A
 * question about a drug in pregnancy answered only from general dosing bullets must say that
 * pregnancy is not addressed, rather than let the bullets pass for an answer.
 */
import { analyze } from "../search/analyzer.js";
import type { Draft } from "./draft.js";
import type { AnalyzedQuestion } from "./question.js";
import { stemSet } from "./text.js";
import { isContext, QUALIFIER_ONLY } from "./title.js";

export function topicsNotAddressed(
  q: AnalyzedQuestion,
  draft: Pick<Draft, "bottomLine" | "sections">,
  variantsOf: (phrase: string) => string[][] = () => [],
): string[] {
  const said = new Set<string>();
  const terms = new Set<string>();
  const texts = [
    draft.bottomLine?.text ?? "",
    ...draft.sections.flatMap((s) => s.bullets.map((b) => b.text)),
  ];
  for (const t of texts) {
    for (const st of stemSet(t)) said.add(st);
    for (const term of analyze(t)) terms.add(term);
  }
  // Any synonym or abbreviation the lexicon lists ("APS", "ICH") counts as naming the topic.
  const namedByLexicon = (text: string) =>
    variantsOf(text).some((v) => v.length > 0 && v.every((term) => terms.has(term)));
  // Conservative: a topic counts as addressed when any word of any of its forms is said, so a
  // synonym the lexicon does not list rarely raises a note.
  return (q.focusDetail?.filter((f) => f.medical) ?? [])
    .filter((f) => !QUALIFIER_ONLY.test(f.text) && !isContext(f.text))
    .filter((f) => !f.forms.some((form) => [...stemSet(form)].some((st) => said.has(st))))
    .filter((f) => !f.forms.some(namedByLexicon))
    .map((f) => f.text);
}

/** The sentence shown to readers. */
export function notAddressedLine(topics: string[]): string {
  return `Not addressed by the sources found: ${topics.join("; ")}. The statements below may not answer that part of the question.`;
}
