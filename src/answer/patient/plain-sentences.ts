/** The last step of the patient rewrite: long sentences split at clause boundaries. */
import { isLabel } from "./layout.js";
import { standsAlone } from "./text.js";

/**
 * Splits long sentences into short ones where a clause boundary allows it: semicolons, spaced
 * dashes, ". " between sentences, ", and/but/then/so/while/whereas" joins, and subordinate clauses
 * after a comma, which get a short carrier so they stand alone (", which" → ". This",
 * ", if" → ". This applies if", ", including" → ". This includes", ", because" → ". This is because").
 * Every piece must keep at least four words, otherwise it stays joined. Words, numbers, doses and
 * negations are carried over unchanged; only the joins change.
 */
export function plainSentences(text: string): string {
  const out: string[] = [];
  let rest = text.trim();
  // Pieces: [carrier prefix, clause text]; the first piece has no carrier.
  const pieces: Array<{ lead: string; body: string; sentenceStart: boolean; sep: string }> = [];
  let lead = "";
  let sep = "";
  let sentenceStart = true;
  for (;;) {
    const m = CLAUSE_BOUNDARY.exec(rest);
    if (!m) break;
    pieces.push({ lead, body: rest.slice(0, m.index), sentenceStart, sep });
    lead = carrierFor(m[0]);
    sep = m[0];
    sentenceStart = /^\.\s/.test(m[0]);
    rest = rest.slice(m.index + m[0].length);
  }
  pieces.push({ lead, body: rest, sentenceStart, sep });
  for (const [i, { lead: carrier, body, sep: original }] of pieces.entries()) {
    // A piece that already was a sentence stays one, however short.
    const raw = body.trim().replace(/[.]$/, "");
    const part = raw
      // "…, so that X" keeps its purpose: "This is so that X".
      .replace(/^so that\s+/i, "This is so that ")
      .replace(/^otherwise\s+/i, "Otherwise, ")
      .replace(/^(?:and|while|whereas|so)\s+/i, "");
    const prev = out[out.length - 1];
    // A piece that ends on a joining word ("… causes and") or a condition still open ("When sepsis is
    // possible but there is no shock, …") is not finished: the next piece stays with it.
    const open =
      prev !== undefined &&
      (/\b(?:and|or|but|to|of|with|the|a)$/i.test(prev.replace(/[.]$/, "")) ||
        (/^(?:When|If|Although|Though|While|Because|Since|Unless|Once|Until|As)\b/.test(prev) &&
          !prev.includes(",") &&
          /^but\s/i.test(raw)));
    // "…, and C" closing a list ("hypertension, CKD, and severe albuminuria") is not a clause.
    const listEnd = /^and\s/i.test(raw) && !CLAUSE_VERB.test(raw);
    // "…, but does not lower potassium" has no subject of its own: "But does not …" is a fragment.
    const noSubject =
      /^but\s+(?:not\b|also\b|only\b|is|are|was|were|has|have|had|does|do|did|can|could|may|might|should|must|will|would|increased|reduced|lowered|raised|improved|caused|gave|showed)\b/i.test(
        raw,
      );
    // "In stable adults, including very ill people, use a strict plan": the "including" list sits
    // inside a fronted phrase and the instruction follows it, so the piece is not a sentence.
    const inFront =
      carrier === "This includes" &&
      /,\s+(?:use|give|start|stop|consider|avoid|treat|prefer|add|do|check|keep|aim|target|continue)\s/i.test(
        raw,
      );
    if (i === 1 && prev !== undefined && /^:\s+$/.test(original) && !carrier && isLabel(prev)) {
      // A short label before a colon stays a label ("Adults older than 50 years: Vancomycin …");
      // the patient layout prints it on a line of its own.
      out[0] = `${prev.replace(/[.]$/, "")}: ${raw.charAt(0).toUpperCase()}${raw.slice(1)}`;
    } else if (
      prev !== undefined &&
      !pieces[i]?.sentenceStart &&
      // "This" makes a short predicate a sentence: ", which lowers admissions" → "This lowers admissions."
      (!standsAlone(carrier === "This" ? `${carrier} ${part}` : part) ||
        !standsAlone(prev) ||
        unbalanced(prev) ||
        listEnd ||
        inFront ||
        noSubject ||
        open)
    ) {
      // Glued back with its own words ("…, so that X", "…, otherwise Y", "…, and Z").
      // Without a carrier the piece keeps its own punctuation: "Severe features: A, B" keeps its colon.
      out[out.length - 1] = `${prev.replace(/[.]$/, "")}${carrier ? joinBack(carrier) : original}${raw}`;
    } else {
      // ", which all raise …" / ", which are …" refers to several things: "These all raise …".
      const plural =
        carrier === "This" && /^(?:all|both|are|were|have|raise|increase|reduce|cause)\b/i.test(part);
      out.push(carrier ? `${plural ? "These" : carrier} ${part}` : part);
    }
  }
  return out
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .map((p) => (/[.!?]$/.test(p) ? p : `${p}.`))
    .join(" ");
}

// A verb of its own: an auxiliary, a common finite verb, or an instruction at the start. Past forms
// that are also adjectives ("severely increased protein", "reduced kidney function") do not count.
const CLAUSE_VERB =
  /\b(?:is|are|was|were|has|have|had|can|may|might|should|must|will|would|do|does|did|needs?|includes?|means?|gives?|gave|reduces|increases|shows?|showed|lowers|causes?|caused|halved|doubled|occurred|occurs|reached|rests|remains?|remained)\b|^and\s+(?:give|start|stop|check|use|continue|restart|avoid|repeat|add|keep|monitor|consider|think|switch|treat|reduce|increase|measure|look|seek|take|refer|replace|correct|aim|offer|ask|follow|recheck|get|do|make|tell|adjust|titrate|watch|plan|call|go|see)\b/i;

// Boundaries, in one alternation; the matched text decides the carrier.
const CLAUSE_BOUNDARY =
  /;\s+|\s+[—–]\s+|:\s+(?<!\b(?:of|as|to|for|with|in|include|includes|are|is|either):\s+)(?=[A-Za-z][^:]*\s\S+\s\S+\s)|,\s+(?=(?:and(?!\s+(?:is|are|was|were|has|have|had|can|may|should|will)\b)|but|while|whereas|then|because|so|which|if|when|unless|including|such as|although|though|to [a-z]{3,})\s)(?:which|if|when|unless|including|such as|although|though|because|to(?= [a-z]))?\s*|\s+(?=but\s)|,\s+(?=otherwise\s)|\.\s+(?=[A-Z])/;

const CARRIERS: Record<string, string> = {
  which: "This",
  if: "This applies if",
  when: "This applies when",
  unless: "This does not apply if",
  including: "This includes",
  "such as": "Examples are",
  although: "But",
  though: "But",
  because: "This is because",
  to: "This is to",
};

function carrierFor(boundary: string): string {
  const word = boundary
    .replace(/^[,\s]+/, "")
    .trim()
    .toLowerCase();
  return CARRIERS[word] ?? "";
}

/** How a piece too short to stand alone is glued back: its original joining words. */
function joinBack(carrier: string): string {
  const original = Object.entries(CARRIERS).find(([, c]) => c === carrier)?.[0];
  return original ? `, ${original} ` : ", ";
}

/** An open parenthesis not yet closed: splitting inside it would break the aside. */
function unbalanced(s: string): boolean {
  return (s.match(/\(/g)?.length ?? 0) > (s.match(/\)/g)?.length ?? 0);
}
