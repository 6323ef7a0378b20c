import { describe, expect, it } from "vitest";
import { answerIdFromSlug, answerPath, askPath, sourcePath } from "./paths.js";

describe("answer URLs", () => {
  it("put a readable slug before the id, and the id is what is parsed back", () => {
    const path = answerPath({
      id: "ans_0123456789abcdef0123",
      title: "Heparin resistance in sepsis",
      question: "?",
      abstained: false,
    });
    expect(path).toBe("/q/heparin-resistance-in-sepsis-ans_0123456789abcdef0123");
    expect(answerIdFromSlug(path.slice(3))).toBe("ans_0123456789abcdef0123");
    expect(answerIdFromSlug("ans_0123456789abcdef0123")).toBe("ans_0123456789abcdef0123");
    expect(answerIdFromSlug("no-id-here")).toBeNull();
  });

  it("use the question for abstentions, whose title says nothing", () => {
    expect(
      answerPath({ id: "ans_00000000", title: "No answer", question: "What is X?", abstained: true }),
    ).toBe("/q/what-is-x-ans_00000000");
  });
});

describe("source and ask URLs", () => {
  it("encode each segment of a source id and the passage anchor", () => {
    expect(sourcePath("lib:thrombosis/hit", "lib:thrombosis/hit#monitoring")).toBe(
      "/sources/lib%3Athrombosis/hit#lib%3Athrombosis%2Fhit%23monitoring",
    );
    expect(askPath("a & b?", "nurse")).toBe("/ask?q=a+%26+b%3F&audience=nurse");
  });
});
