import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plainText } from "../engine.js";
import { fleschKincaidGrade } from "../readability.js";
import type { BulletLine } from "../types.js";
import { isLabel, layOutStatement } from "./layout.js";
import { plainSentences } from "./plain-sentences.js";

const show = (lines: BulletLine[] | null) => lines?.map((l) => `${l.kind}: ${l.text}`) ?? null;
// Joined with spaces, the lines are the statement again (a label's next line may gain a capital).
const rejoin = (lines: BulletLine[]) => lines.map((l) => l.text).join(" ");
const sameWords = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

describe("layOutStatement", () => {
  it.each([
    [
      "a label line, then the statement",
      "Adults older than 50 years: Vancomycin plus ampicillin plus a third-generation cephalosporin.",
      [
        "label: Adults older than 50 years:",
        "text: Vancomycin plus ampicillin plus a third-generation cephalosporin.",
      ],
    ],
    [
      "chained labels stay one line and the next line starts with a capital",
      "Anti-clotting treatment: Long-term: aspirin 50–325 mg daily is advised.",
      ["label: Anti-clotting treatment: Long-term:", "text: Aspirin 50–325 mg daily is advised."],
    ],
    [
      "a list after 'with' keeps its lead-in and its 'or'",
      "Suspect adrenal crisis in any patient with known adrenal failure who presents with low blood pressure, shock, vomiting, belly pain, fever or confusion.",
      [
        "text: Suspect adrenal crisis in any patient with known adrenal failure who presents with",
        "item: low blood pressure,",
        "item: shock,",
        "item: vomiting,",
        "item: belly pain,",
        "item: fever",
        "item: or confusion.",
      ],
    ],
    [
      "the list begins at the earliest lead-in that leaves a first item as short as the others",
      "Use a plan to reduce confusion. This includes reminders of time and place, better sleep, getting up and moving early, hearing and vision aids.",
      [
        "text: Use a plan to reduce confusion. This includes",
        "item: reminders of time and place,",
        "item: better sleep,",
        "item: getting up and moving early,",
        "item: hearing",
        "item: and vision aids.",
      ],
    ],
    [
      "the short sentences after 'any of these.' are its items; a sentence with a verb ends them",
      "Do not give alteplase with any of these. Bleeding inside the skull on CT. Brain or spine surgery within 3 months. Aortic arch dissection. Stop the drip and give care.",
      [
        "text: Do not give alteplase with any of these.",
        "item: Bleeding inside the skull on CT.",
        "item: Brain or spine surgery within 3 months.",
        "item: Aortic arch dissection.",
        "text: Stop the drip and give care.",
      ],
    ],
    [
      "what an item says in brackets does not count against its length",
      "Diagnose HHS with glucose at least 600 mg/dL (at least 33.3 mmol/L), effective osmolality above 300 mOsm/kg (or total above 320 mOsm/kg), and no major ketosis (pH at least 7.3, bicarbonate at least 15 mmol/L).",
      [
        "text: Diagnose HHS with",
        "item: glucose at least 600 mg/dL (at least 33.3 mmol/L),",
        "item: effective osmolality above 300 mOsm/kg (or total above 320 mOsm/kg),",
        "item: and no major ketosis (pH at least 7.3, bicarbonate at least 15 mmol/L).",
      ],
    ],
    [
      "items the source separated with semicolons after a colon",
      "Do not get the vaccine if you have: active shingles; a severe allergy to gelatin or neomycin; a weak immune system.",
      [
        "text: Do not get the vaccine if you have:",
        "item: active shingles;",
        "item: a severe allergy to gelatin or neomycin;",
        "item: a weak immune system.",
      ],
    ],
    [
      "a consumer page's dash bullets become the list, without the dashes",
      "Have a weakened immune system because of: -- HIV/AIDS -- treatment with drugs that affect the immune system -- cancer treatment.",
      [
        "text: Have a weakened immune system because of:",
        "item: HIV/AIDS",
        "item: treatment with drugs that affect the immune system",
        "item: cancer treatment.",
      ],
    ],
    [
      "a list of dose bands with no lead-in",
      "At least 24/48 hours with CrCl 80 or more, 36/72 hours with CrCl 50-79, 48/96 hours with CrCl 30-49, and 72/120 hours with CrCl 15-29.",
      [
        "item: At least 24/48 hours with CrCl 80 or more,",
        "item: 36/72 hours with CrCl 50-79,",
        "item: 48/96 hours with CrCl 30-49,",
        "item: and 72/120 hours with CrCl 15-29.",
      ],
    ],
  ])("%s", (_name, text, expected) => {
    expect(show(layOutStatement(text))).toEqual(expected);
  });

  it.each([
    ["a short statement", "Ceftriaxone 2 g IV every 12 hours (adults)."],
    [
      "commas that are not a list",
      "ECTR is advised, whatever the level, for confusion, low oxygen, or failure of standard treatment.",
    ],
    [
      "an 'or' inside the last item is not a list break",
      "No instability, PESI class III-V or sPESI 1 or more, with both RV problems on echo or CT and a raised heart damage marker.",
    ],
    [
      "adjectives before one noun",
      "Use an assessment-driven, protocol-based, stepwise approach to pain and sedation care in very ill adults.",
    ],
    [
      "a sentence with a verb is not a label",
      "Stop it if: the level is above 7.2 mmol/L and the patient is confused.",
    ],
  ])("leaves %s as one paragraph", (_name, text) => {
    expect(layOutStatement(text)).toBeNull();
  });

  it("never changes, drops or reorders a word (property)", () => {
    const words = [
      "low blood pressure",
      "shock",
      "fever",
      "belly pain",
      "2 g IV",
      "INR above 1.7",
      "(for example, oseltamivir)",
    ];
    const leads = [
      "Suspect it with",
      "Do not give alteplase with",
      "Adults: Give",
      "Keep checking",
      "Causes include",
      "",
    ];
    const ends = [".", " within 3 months.", " every 1-2 hours early."];
    fc.assert(
      fc.property(
        fc.constantFrom(...leads),
        fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 7 }),
        fc.constantFrom("and", "or", ""),
        fc.constantFrom(...ends),
        fc.constantFrom("", " Stop the drip. Aortic arch dissection.", " Here are some examples."),
        (lead, items, conjunction, end, after) => {
          const list = items.map((x, i) =>
            i === items.length - 1 && conjunction ? `${conjunction} ${x}` : x,
          );
          const text = `${lead} ${list.join(", ")}${end}${after}`.trim();
          const lines = layOutStatement(text);
          if (lines === null) return;
          expect(sameWords(rejoin(lines), text.replace(/\s+/g, " "))).toBe(true);
          expect(lines.length).toBeGreaterThan(1);
          expect(lines.every((l) => l.text.trim().length > 0)).toBe(true);
        },
      ),
    );
  });
});

describe("labels", () => {
  it.each([
    ["Adults older than 50 years", true],
    ["Apixaban (Eliquis)", true],
    ["TRISS (2014; 1,005 septic shock people)", true],
    ["Sarode et al. (2013; 202 people with major bleeding on VKA)", true],
    ["Give it", false],
    ["These are the signs", false],
    ["too many words in this one to be a short label here", false],
    ["lowercase start", false],
  ])("%s → %s", (words, expected) => {
    expect(isLabel(words)).toBe(expected);
  });

  it("plainSentences keeps a short label before a colon instead of making it a sentence", () => {
    expect(plainSentences("People aged 2–50 years: vancomycin plus a third-generation cephalosporin.")).toBe(
      "People aged 2–50 years: Vancomycin plus a third-generation cephalosporin.",
    );
    expect(
      plainSentences("Give fluids to everyone first: the patient is in shock and needs volume now."),
    ).toBe("Give fluids to everyone first. The patient is in shock and needs volume now.");
  });
});

describe("reading grade of a laid-out answer", () => {
  it("reads each label and list item as a line of its own, as the page shows them", () => {
    const text =
      "Suspect salicylate poisoning with ringing in the ears, vomiting, fast breathing, overheating, confusion, or mixed acid-base changes.";
    const layout = layOutStatement(text) ?? [];
    const answer = (withLayout: boolean) => ({
      title: "Salicylate poisoning",
      bottomLine: null,
      sections: [
        {
          title: "Diagnosis",
          bullets: [{ text, citations: [1], support: 1, ...(withLayout ? { layout } : {}) }],
        },
      ],
    });
    expect(layout.length).toBe(7);
    const laidOut = fleschKincaidGrade(plainText(answer(true)));
    const prose = fleschKincaidGrade(plainText(answer(false)));
    expect(laidOut).toBeLessThan(prose);
    expect(plainText(answer(true)).split("\n")).toContain("ringing in the ears.");
  });
});
