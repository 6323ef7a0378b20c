/**
 * The patient rules on consumer-health text (MedQuAD / NIH pages, PubMedQA abstracts): every rule
 * must leave a grammatical sentence with the same meaning, or leave the sentence whole. The cases
 * are real sentences whose rewrite used to be a fragment or to change what went with what. The
 * glossary is left out so that only the sentence rules are tested.
 */
import { describe, expect, it } from "vitest";
import { dropGrading, plainLatin } from "../audience.js";
import {
  expandRoutes,
  moveAsides,
  plainLabValues,
  plainSentences,
  restructure,
  sameFacts,
} from "../patient-sentences.js";
import { embeddedAside, hasFiniteVerb, openColon, openPair, openSubordinate } from "./text.js";

/** The patient pipeline of `toLay` without the glossary. */
function rules(text: string): string {
  return plainSentences(
    moveAsides(plainLabValues(expandRoutes(restructure(plainLatin(dropGrading(text))))), []),
  );
}

const same = (s: string): [string, string] => [s, s];

describe("consumer text: an aside or list inside the sentence stays whole", () => {
  it.each<[string, string]>([
    // An aside between the subject and its verb.
    same(
      "Many people with dementia, especially those in the early stages, may benefit from practicing tasks designed to improve performance in specific aspects of cognitive functioning.",
    ),
    same(
      "Genetic changes in and around several complement system genes, including the CFH gene, contribute to a person's risk of developing age-related macular degeneration.",
    ),
    same(
      "Some evidence shows that infectious agents, such as viruses and bacteria, may trigger rheumatoid arthritis in people with an inherited tendency to develop the disease.",
    ),
    same(
      "Treatment with simvastatin (an inhibitor of HMG-CoA reductase), which has been used with guarded success in patients with HIDS, worsened the clinical status of two patients with mevalonic aciduria.",
    ),
    same(
      "Treatments for the complications of Noonan syndrome (such as cardiovascular abnormalities) are generally standard and do not differ from treatment in the general population.",
    ),
    same(
      "Smoking, heavy alcohol use, use of some drugs (such as cocaine or amphetamines), use of some prescription medicines, or too much caffeine or nicotine can lead to arrhythmias in some people.",
    ),
    // ", but X," between commas qualifies a word; it is not a clause.
    same(
      "Among patients from a methadone clinic who received primary care from an affiliated, but separate, medical center, we reviewed electronic medical records for documentation of methadone, opioid dependence, and potential drug-methadone interactions.",
    ),
    // An "or" or "and" that closes a list whose earlier items are joined by commas.
    same(
      "This may improve a person's quality of life, ease the burden on caregivers, or delay admission to a nursing home.",
    ),
    same(
      "An outbreak of shingles usually begins with a burning, itching, or tingling sensation on the back, chest, or around the rib cage or waist.",
    ),
    same("Hormones, blood vessels, nerves, and muscles all work together to cause an erection."),
    same(
      "People with Noonan syndrome have distinctive facial features such as a deep groove in the area between the nose and mouth (philtrum), widely spaced eyes that are usually pale blue or blue-green in color, and low-set ears that are rotated backward.",
    ),
    same(
      "In recent years, research on Parkinson's has advanced to the point that halting the progression of the disease, restoring lost function, and even preventing the disease are all considered realistic goals.",
    ),
    same(
      "The types of asthma symptoms you have, how often they occur, and how severe they are may vary over time.",
    ),
    // ", or T cells, …" renames what comes before it.
    [
      "LGL leukemia causes a slow increase in white blood cells called T lymphocytes, or T cells, which originate in the lymph system and bone marrow and help to fight infection.",
      "LGL leukemia causes a slow increase in white blood cells called T lymphocytes, or T cells. These originate in the lymph system and bone marrow and help to fight infection.",
    ],
  ])("%s", (input, expected) => {
    const out = rules(input);
    expect(out).toBe(expected);
    expect(sameFacts(input, out)).toBe(true);
  });
});

describe("consumer text: examples keep their order and what they are examples of", () => {
  it.each<[string, string]>([
    [
      "For example, people can sometimes be taught to use memory aids, such as mnemonics, computerized recall devices, or note taking.",
      "For example, people can sometimes be taught to use memory aids. Examples are mnemonics, computerized recall devices, or note taking.",
    ],
    [
      "Your doctor may recommend treatment if your arrhythmia causes serious symptoms, such as dizziness, chest pain, or fainting.",
      "Your doctor may recommend treatment if your arrhythmia causes serious symptoms. Examples are dizziness, chest pain, or fainting.",
    ],
    // A list of causes keeps each explanation with its own item.
    [
      "Doctors have identified other conditions that can cause dementia or dementia-like symptoms including reactions to medications, metabolic problems and endocrine abnormalities, nutritional deficiencies, infections, poisoning, brain tumors, anoxia or hypoxia (conditions in which the brains oxygen supply is either reduced or cut off entirely), and heart and lung problems.",
      "Doctors have identified other conditions that can cause dementia or dementia-like symptoms including these. Reactions to medications. Metabolic problems and endocrine abnormalities. Nutritional deficiencies. Infections. Poisoning. Brain tumors. Anoxia or hypoxia (conditions in which the brains oxygen supply is either reduced or cut off entirely). Heart and lung problems.",
    ],
    // "of" after two joined words, and examples in the first item, do not start a list.
    same(
      "Children with chronic diarrhea who have malabsorption can experience bloating and swelling of the abdomen, changes in appetite, or weight loss or poor weight gain.",
    ),
    same(
      "The remaining 25 percent of cases are the result of other diseases like systemic lupus erythematosus, hepatitis B or C infection, or some forms of cancer.",
    ),
    same(
      "Blood thinners can be taken as a pill, an injection under the skin, or through a needle or tube inserted into a vein (called intravenous, or IV, injection).",
    ),
    // A phrase in brackets is not a sentence of its own.
    same(
      "Get out of bed and move around as soon as possible after surgery or illness (as your doctor recommends).",
    ),
    // The list begins inside the first item, after its own "for".
    same(
      "Programme interventions: Reassess every antibiotic at 48–72 hours for indication, culture results, de-escalation and planned stop date.",
    ),
  ])("%s", (input, expected) => {
    const out = rules(input);
    expect(out).toBe(expected);
    expect(sameFacts(input, out)).toBe(true);
  });
});

describe("consumer text: clauses keep their subject, their condition and their link", () => {
  it.each<[string, string]>([
    // A sentence's own "While" is not dropped; after a comma it becomes "But".
    same(
      "While memory loss is a common symptom of dementia, memory loss by itself does not mean that a person has dementia.",
    ),
    [
      "Females older than 10 years presented histologically not-confirmed appendicitis in 22.2% of cases, while the younger ones presented more frequently complicated appendicitis (29.3%).",
      "Females older than 10 years presented histologically not-confirmed appendicitis in 22.2% of cases. But the younger ones presented more frequently complicated appendicitis (29.3%).",
    ],
    [
      "If the signals are not coordinated, the bladder and the sphincter may contract at the same time, so urine cannot pass easily.",
      "If the signals are not coordinated, the bladder and the sphincter may contract at the same time. So urine cannot pass easily.",
    ],
    // "and" before a verb without its own subject, a noun phrase, or a clause inside a noun.
    same(
      "About 2 percent of people with Noonan syndrome have mutations in the KRAS gene and usually have a more severe or atypical form of the disorder.",
    ),
    same("The vaccine can reduce your risk of shingles and the long-term pain it can cause."),
    same("Treating the infection may help increase your platelet count and reduce bleeding problems."),
    same("Follow-up should include annual eye exams and repeat testing of white blood cell count."),
    same(
      "A diet that includes lots of fruits, vegetables, and whole grains and is low in fat and added sugar can reduce the risk of heart disease and diabetes.",
    ),
    same(
      "Syncope can occur in otherwise healthy people and affects all age groups, but occurs more often in the elderly.",
    ),
    same(
      "Alterations in certain genes, including GBA and UCHL1, do not cause Parkinson disease but appear to modify the risk of developing the condition in some families.",
    ),
    same("Parkinson's disease not only affects the brain, but the entire body."),
    // "if" that means "whether", a condition inside an "If" clause, a definition with "when".
    same(
      "The aim of this study was to examine if affect-regulated exercise to feel 'good' leads to improved fitness over the course of an 8-week training programme.",
    ),
    same(
      "If you are over 35 years old or your pregnancy is high risk because of health problems like diabetes or high blood pressure, your doctor or midwife will probably want to see you more often.",
    ),
    same(
      "If neutropenia is discovered when the blood is examined, treatment should be given promptly by the care team.",
    ),
    same(
      "If the RPG measures 200 milligrams per deciliter or above, and the individual also shows symptoms of diabetes, then a health care provider may diagnose diabetes.",
    ),
    same(
      "Type 2 diabetes usually begins with insulin resistance, a condition that occurs when fat, muscle, and liver cells do not use insulin to carry glucose into the bodys cells.",
    ),
    same(
      "Common signs and symptoms of asthma include With proper treatment, most people who have asthma can expect to have few, if any, symptoms either during the day or at night.",
    ),
    // A limit on the last of two groups, or on a subject whose verb is still to come.
    same(
      "High risk: Includes children 10 years and older and/or children who have a white blood cell count of 50,000/L or more at the time of diagnosis.",
    ),
    [
      "With children, immune deficiency is the primary risk factor, but children who had chickenpox before they were one year old may also get shingles before they become adults.",
      "With children, immune deficiency is the primary risk factor. But children who had chickenpox before they were one year old may also get shingles before they become adults.",
    ],
    // Adverbs, proportions and connectives are not labels or settings.
    same("Very rarely, shingles can also lead to pneumonia, brain inflammation (encephalitis), or death."),
    same(
      "As a result, white blood cells are less able to respond to foreign invaders, causing many of the immune problems related to Wiskott-Aldrich syndrome.",
    ),
    same(
      "In about 85 percent of cases of Beckwith-Wiedemann syndrome, only one person in a family has been diagnosed with the condition.",
    ),
    same("Early-onset, autosomal dominant Alzheimer disease is inherited in an autosomal dominant manner."),
    // A colon that opens the rest of a clause keeps its items with it.
    same(
      "You may have a kidney stone if you: have pain while urinating; see blood in your urine; feel a sharp pain in your back or lower abdomen.",
    ),
    same(
      "A person in the early stage of Alzheimers disease may: find it hard to remember things; ask the same questions over and over; get lost in familiar places.",
    ),
    // "which include" after a plural is "These include".
    [
      "The severity and duration of an attack of shingles can be significantly reduced by immediate treatment with antiviral drugs, which include acyclovir, valcyclovir, or famcyclovir.",
      "The severity and duration of an attack of shingles can be significantly reduced by immediate treatment with antiviral drugs. These include acyclovir, valcyclovir, or famcyclovir.",
    ],
    // "especially" before a noun phrase: what it applies to, not what "this" is.
    [
      "Arrhythmias can be hard to diagnose, especially the types that only cause symptoms every once in a while.",
      "Arrhythmias can be hard to diagnose. This applies especially to the types that only cause symptoms every once in a while.",
    ],
    // A condition at the end of two instructions covers both.
    [
      "Potassium <3.5 mmol/L: hold insulin and replace potassium IV until it is ≥3.5 mmol/L.",
      "Potassium below 3.5 mmol/L. Hold insulin and replace potassium IV until it is at least 3.5 mmol/L.",
    ],
    [
      "Stop the alteplase infusion and obtain emergency head CT if severe headache, acute hypertension, nausea/vomiting or neurological worsening develops.",
      "Stop the alteplase infusion and obtain emergency head CT. Do this if severe headache, acute hypertension, nausea/vomiting or neurological worsening develops.",
    ],
  ])("%s", (input, expected) => {
    const out = rules(input);
    expect(out).toBe(expected);
    expect(sameFacts(input, out)).toBe(true);
  });
});

describe("consumer text: the splits that stand are still made", () => {
  it.each<[string, string]>([
    [
      "Anyone can get appendicitis, but it is more common among people 10 to 30 years old.",
      "Anyone can get appendicitis. But it is more common among people 10 to 30 years old.",
    ],
    [
      "Start exercising slowly, with 5 to 10 minutes a day, and add a little more time each week.",
      "Start exercising slowly, with 5 to 10 minutes a day. Add a little more time each week.",
    ],
    [
      "UFH suits the ICU because it has a short half-life, is not renally cleared, and is fully reversed by protamine.",
      "UFH suits the ICU. This is because it has a short half-life, is not renally cleared, and is fully reversed by protamine.",
    ],
    [
      "Measure salicylate concentration on arrival and repeat every 2 hours until it is clearly falling.",
      "Measure salicylate concentration on arrival. Repeat every 2 hours until it is clearly falling.",
    ],
    [
      "Stage 3, creatinine 3.0 times baseline or more, or creatinine 4.0 mg/dL or more, or start of RRT.",
      "Stage 3, creatinine 3.0 times baseline or more. Or creatinine 4.0 mg/dL or more. Or start of RRT.",
    ],
  ])("%s", (input, expected) => {
    const out = rules(input);
    expect(out).toBe(expected);
    expect(sameFacts(input, out)).toBe(true);
  });
});

describe("sentence guards", () => {
  it("finds finite verbs, including unlisted ones before an object", () => {
    expect(hasFiniteVerb("Many people with dementia")).toBe(false);
    expect(hasFiniteVerb("Genetic changes in and around several genes")).toBe(false);
    expect(hasFiniteVerb("bronchiectasis with fixed airflow obstruction")).toBe(false);
    expect(hasFiniteVerb("UFH suits the ICU")).toBe(true);
    expect(hasFiniteVerb("Some evidence shows that infectious agents")).toBe(true);
  });

  it("sees an aside between a subject and its verb", () => {
    expect(embeddedAside("Many people with dementia", "those in the early stages, may benefit")).toBe(true);
    expect(
      embeddedAside("Abnormal heart rhythms can be hard to diagnose", "the types that only cause symptoms"),
    ).toBe(false);
    // A clause with its own subject may go on with more verbs of that subject.
    expect(
      embeddedAside("UFH suits the ICU", "it has a short half-life, is not renally cleared", "clause"),
    ).toBe(false);
    // After a phrase, the main clause may go on: "…, preferably oxytocin, to every woman".
    expect(embeddedAside("Give a uterotonic", "preferably oxytocin, to every woman at birth")).toBe(true);
  });

  it("sees clauses and pairs that are not finished", () => {
    expect(openSubordinate("If you have shingles")).toBe(true);
    expect(openSubordinate("If you have shingles, keep the rash covered")).toBe(false);
    expect(openColon("You may have ED if you: can get an erection sometimes")).toBe(true);
    expect(openColon("Your doctor may: take your history")).toBe(true);
    expect(openColon("When traveling to areas where malaria is found: see your doctor")).toBe(true);
    expect(openColon("Severe features: BP at least 160/110 mmHg")).toBe(false);
    expect(openPair("Parkinson's disease not only affects the brain")).toBe(true);
    expect(openPair("Parkinson's disease is both chronic")).toBe(true);
    expect(openPair("It is both chronic and progressive")).toBe(false);
  });
});
