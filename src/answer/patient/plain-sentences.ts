/** The last step of the patient rewrite: long sentences split at clause boundaries. */
import { isLabel } from "./layout.js";
import {
  capitalFirst,
  embeddedAside,
  hasFiniteVerb,
  openColon,
  openPair,
  openSubordinate,
  standsAlone,
  topLevelSplit,
} from "./text.js";

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
  for (const [i, { lead: carrier, body, sep: original, sentenceStart }] of pieces.entries()) {
    // A piece that already was a sentence stays one, however short.
    const raw = body.trim().replace(/[.]$/, "");
    const joined = i > 0 && !sentenceStart;
    // The rest of the sentence from this piece on: an aside may close several pieces later.
    let sentenceRest = raw;
    for (const next of pieces.slice(i + 1)) {
      if (next.sentenceStart) break;
      sentenceRest += `${next.sep}${next.body.trim()}`;
    }
    const part = raw
      // "…, so that X" keeps its purpose: "This is so that X".
      .replace(/^so that\s+/i, "This is so that ")
      .replace(/^otherwise\s+/i, "Otherwise, ")
      // "…, so urine cannot pass" keeps its "So"; "…, while the younger ones …" its contrast. A
      // sentence's own first word ("While memory loss is common, …") is never dropped.
      .replace(/^(?:while|whereas)\s+/i, joined ? "But " : "$&")
      .replace(/^and\s+/i, "");
    const prev = out[out.length - 1];
    // A piece that ends on a joining word ("… causes and") or a condition still open ("When sepsis is
    // possible but there is no shock, …") is not finished: the next piece stays with it.
    const open =
      prev !== undefined &&
      (/\b(?:and|or|but|to|of|with|the|a)$/i.test(prev.replace(/[.]$/, "")) ||
        (/^(?:When|If|Although|Though|While|Because|Since|Unless|Once|Until|As)\b/.test(prev) &&
          !prev.includes(",") &&
          /^but\s/i.test(raw)));
    // "…, and C" closing a list ("hypertension, CKD, and severe albuminuria") is not a clause; nor
    // is it when the earlier items are short phrases ("Hormones, blood vessels, nerves, and muscles
    // all work together"), unless it starts an instruction of its own ("…, and add a little more").
    // Without brackets and relative clauses: "and low-set ears that are rotated backward" is a noun.
    const bareRaw = raw.replace(/\([^()]*\)/g, "").replace(/\s(?:that|which|who|whose)\s.*$/i, "");
    const listEnd =
      /^and\s/i.test(raw) &&
      (!CLAUSE_VERB.test(bareRaw) ||
        /^and\s+(?:at|in|on|for|with|by|from|to|into|within|after|before|during|under|over)\s/i.test(raw) ||
        (prev !== undefined && !INSTRUCTION.test(raw) && afterShortItems(prev)));
    // "…, but does not lower potassium" has no subject of its own: "But does not …" is a fragment;
    // nor has "…, but occurs more often in the elderly", nor "… but unelevated leukocyte count".
    const noSubject =
      /^but\s+(?:not\b|also\b|only\b|is|are|was|were|has|have|had|does|do|did|can|could|may|might|should|must|will|would|increased|reduced|lowered|raised|improved|caused|gave|showed)\b/i.test(
        raw,
      ) ||
      (/^but\s+(?:more|less|fewer|also|essentially|still|only|not|no|rather|mainly|mostly|[a-z]+ly|un[a-z]+ed)\b/i.test(
        raw,
      ) &&
        !hasFiniteVerb(raw) &&
        !/\b[a-z]{3,}ed\b/i.test(raw.split(/\s+/).slice(2).join(" "))) ||
      (/^but\s+[a-z]+(?:s|ed)\s/i.test(raw) && !hasFiniteVerb(raw.split(/\s+/).slice(2).join(" "))) ||
      // "… do not cause it but appear to modify the risk": a verb straight after "but".
      /^but\s+(?:[a-z]+ly\s+)?(?:appear|appears|seem|seems|tend|tends|remain|remains|become|becomes|occur|occurs|affect|affects|cause|causes|help|helps|can't|cannot)\b/i.test(
        raw,
      );
    // "from an affiliated, but separate, medical center": a short "but" phrase between commas
    // qualifies a word; it is not a clause.
    const butAside =
      /^but\s+(?:not\s+)?([a-z-]+)(?:\s+[a-z-]+)?,\s/i.test(raw) &&
      !/^but\s+(?:not\s+)?(?:on|in|at|for|with|after|before|if|when|as|then|also|still|now|sometimes|often|usually|rarely|occasionally|overall|however|instead|otherwise|because|since|unlike|like|despite|although|though|while|during|by|from|to|[a-z]+ly)\b/i.test(
        raw,
      );
    // "In stable adults, including very ill people, use a strict plan": the "including" list sits
    // inside a fronted phrase and the instruction follows it, so the piece is not a sentence.
    const inFront =
      carrier === "This includes" &&
      /,\s+(?:use|give|start|stop|consider|avoid|treat|prefer|add|do|check|keep|aim|target|continue)\s/i.test(
        raw,
      );
    // An aside between a subject and its verb ("Many people with dementia, especially those in the
    // early stages, may benefit …") or inside an opening phrase stays where it is.
    const embedded =
      prev !== undefined &&
      carrier !== "" &&
      embeddedAside(
        prev,
        sentenceRest,
        /^(?:This is because|This applies|This does not apply|This is to|But)\b/.test(carrier)
          ? "clause"
          : carrier === "This"
            ? "relative"
            : "phrase",
      );
    // A clause opened by "If" or "When" is not finished until its main clause begins.
    const unfinished = prev !== undefined && openSubordinate(prev);
    // A colon after an unfinished clause ("… if you: are …", "When traveling …: see …") and the
    // semicolons of the list it opens stay; so does a colon before a phrase ("…: in children").
    const colonSep = /^:\s+$/.test(original);
    const colonHeld =
      prev !== undefined &&
      ((colonSep &&
        (openColon(`${prev}: `) ||
          (/^(?:in|on|at|for|with|by|from|to|of|as|such as)\s(?!least\b|most\b)/i.test(raw) &&
            !hasFiniteVerb(sentenceRest)))) ||
        // Inside such a list every join stays: its items lean on the words before the colon.
        openColon(prev));
    // "Examples are those …, such as …": the second example list belongs to the first; examples
    // that are a place or a way ("such as to nearby tissues") are not things.
    const examples =
      carrier === "Examples are" &&
      prev !== undefined &&
      (/^Examples are\b/.test(prev) || /^(?:in|on|at|for|with|by|from|to|into|through|when|if)\s/i.test(raw));
    if (i === 1 && prev !== undefined && colonSep && !carrier && isLabel(prev)) {
      // A short label before a colon stays a label ("Adults older than 50 years: Vancomycin …");
      // the patient layout prints it on a line of its own.
      out[0] = `${prev.replace(/[.]$/, "")}: ${capitalFirst(raw)}`;
    } else if (
      prev !== undefined &&
      !sentenceStart &&
      // "This" makes a short predicate a sentence: ", which lowers admissions" → "This lowers admissions."
      (!standsAlone(carrier === "This" ? `${carrier} ${part}` : part.replace(/^But\s+/, "")) ||
        !standsAlone(prev) ||
        unbalanced(prev) ||
        listEnd ||
        inFront ||
        noSubject ||
        butAside ||
        embedded ||
        unfinished ||
        colonHeld ||
        examples ||
        /^while\s+[a-z]+ing\b/i.test(raw) ||
        // "If A, and B, then C": the "then" clause is the main clause of the "If".
        (/^then\s/i.test(raw) && /^(?:If|When|Once|Unless)\b/.test(prev)) ||
        // "…, and whether …", "…, and how severe they are may vary", "…, and about how …": a
        // clause that cannot stand alone.
        /^and\s+(?:also\s+)?(?:whether|that|how|what|which|who|whose|about|to)\b/i.test(raw) ||
        /^and\/or\s/i.test(raw) ||
        // "few, if any, symptoms": a two-word aside, not a condition.
        (carrier === "This applies if" &&
          /^(?:any|ever|so|not|possible|needed|necessary|present|available|anything)\s*,/i.test(raw)) ||
        // "both chronic, … and progressive", "not only … but the entire body".
        openPair(prev) ||
        open)
    ) {
      // Glued back with its own words ("…, so that X", "…, otherwise Y", "…, and Z").
      // Without a carrier the piece keeps its own punctuation: "Severe features: A, B" keeps its colon.
      out[out.length - 1] = `${prev.replace(/[.]$/, "")}${carrier ? joinBack(carrier) : original}${raw}`;
    } else {
      // ", which all raise …" / ", which are …" refers to several things: "These all raise …"; so
      // does a verb without its "-s" after a plural ("drugs, which include …" → "These include …").
      const plural =
        carrier === "This" &&
        (/^(?:all|both|are|were|have|raise|increase|reduce|cause)\b/i.test(part) ||
          (prev !== undefined && /[^s]s$/.test(prev.replace(/[.]$/, "")) && BARE_VERB.test(part)));
      out.push(carrier ? `${plural ? "These" : carrier} ${part}` : part);
    }
  }
  return (
    out
      // "sPESI scores …" keeps its mixed-case name.
      .map((p) => capitalFirst(p))
      .map((p) => (/[.!?]$/.test(p) ? p : `${p}.`))
      .join(" ")
  );
}

// A verb of its own: an auxiliary, a common finite verb, or an instruction at the start. Past forms
// that are also adjectives ("severely increased protein", "reduced kidney function") do not count.
const CLAUSE_VERB =
  /\b(?:is|are|was|were|has|have|had|can|may|might|should|must|will|would|do|does|did|needs?|includes?|means?|gives?|gave|reduces|increases|shows?|showed|lowers|causes?|caused|halved|doubled|occurred|occurs|reached|rests|remains?|remained)\b|^and\s+(?:give|start|stop|check|use|continue|restart|avoid|repeat|add|keep|monitor|consider|think|switch|treat|reduce|increase|measure|look|seek|take|refer|replace|correct|aim|offer|ask|follow|recheck|get|do|make|tell|adjust|titrate|watch|plan|call|go|see)\b/i;

// An instruction after "and": "…, and add a little more time each week".
const INSTRUCTION =
  /^and\s+(?:give|start|stop|check|use|continue|restart|avoid|repeat|add|keep|monitor|consider|think|switch|treat|reduce|increase|measure|look|seek|take|refer|replace|correct|aim|offer|ask|follow|recheck|get|do|make|tell|adjust|titrate|watch|plan|call|go|see|teach|talk|wash|wear|try|eat|drink|rest|stay)\b/i;

// A verb without its "-s" after "which" ("which include", "which protect"): the "which" means several.
const BARE_VERB =
  /^(?:(?:also|often|usually|sometimes|then|all|both)\s+)?(?!(?:may|can|could|will|would|should|must|might|is|was|has|does|did|not|only|in|on|at|to|for|with|by|from|the|a|an|this|that|these|those|it|its)\b)[a-z]+(?<![sd]|ing)\s/i;

/** The last items before ", and" are short phrases without a verb: "A, B, C, and D". */
function afterShortItems(sentence: string): boolean {
  const parts = topLevelSplit(sentence.replace(/[.]$/, ""), /,\s+/g);
  if (parts.length < 2) return false;
  // "widely spaced eyes that are usually pale blue": an item may carry a clause of its own.
  const last = (parts[parts.length - 1] ?? "").replace(/\s(?:that|which|who|whose)\s.*$/i, "");
  return last.split(/\s+/).filter(Boolean).length <= 6 && !hasFiniteVerb(last);
}

// Boundaries, in one alternation; the matched text decides the carrier.
const CLAUSE_BOUNDARY =
  /;\s+|\s+[—–]\s+|:\s+(?<!\b(?:of|as|to|for|with|in|include|includes|are|is|either):\s+)(?=[A-Za-z][^:]*\s\S+\s\S+\s)|,\s+(?=(?:and(?!\s+(?:is|are|was|were|has|have|had|can|may|should|will)\b)|but|while|whereas|then|because|so|which|if|when|unless|including|such as|although|though|to (?!(?:every|each|all|any|some|most|many|both|the|this|that|these|those|their|his|her|its|our|your|them|him|people|patients|adults|children|women|men|anyone|everyone)\b)[a-z]{3,})\s)(?:which|if|when|unless|including|such as|although|though|because|to(?= [a-z]))?\s*|\s+(?=but\s)|,\s+(?=otherwise\s)|\.\s+(?=[A-Z])/;

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
