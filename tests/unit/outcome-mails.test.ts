import { describe, expect, it } from "vitest";
import { outcomeBlocks, outcomeTemplateSchema, unknownPlaceholders } from "../../app/forms/outcome-mails";
import { translator } from "../../app/i18n";

describe("outcome mail placeholders", () => {
  it("names each unknown placeholder once, in the order written, and knows each kind's own set", () => {
    expect(unknownPlaceholders("REJECTION", "{{name}} {{amount}} {{ betrag }} {{amount}}")).toEqual(["amount", "betrag"]);
    expect(unknownPlaceholders("AWARD", "{{name}} {{amount}} {{acceptBy}}")).toEqual([]);
    expect(unknownPlaceholders("NOT_ELIGIBLE", "{{feedback}}")).toEqual(["feedback"]);
  });

  it("fills paragraphs, leaves out those whose placeholders are all empty, and sets the jury comments apart", () => {
    const body = "Guten Tag {{name}},\n\n{{feedback}}\n\nAuflagen:\n{{conditions}}\n\n{{juryComments}}\n\nGruß";
    const comments = [{ label: "Jury B", text: "Stark" }];
    expect(outcomeBlocks(body, { name: "Clara", feedback: "", conditions: "1. Plan" }, comments)).toEqual([
      { kind: "text", lines: ["Guten Tag Clara,"] },
      { kind: "text", lines: ["Auflagen:", "1. Plan"] },
      { kind: "juryComments", comments },
      { kind: "text", lines: ["Gruß"] },
    ]);
    expect(outcomeBlocks(body, { name: "Clara" }, [])).toEqual([
      { kind: "text", lines: ["Guten Tag Clara,"] },
      { kind: "text", lines: ["Gruß"] },
    ]);
  });

  it("stores a browser's line breaks plainly and refuses an unknown placeholder with its name", () => {
    const schema = outcomeTemplateSchema("WAITLIST", translator("en"));
    expect(schema.parse({ subject: " Warteliste ", body: "A\r\n\r\nB\rC" })).toEqual({ subject: "Warteliste", body: "A\n\nB\nC" });
    const refused = schema.safeParse({ subject: "x", body: "{{amount}}" });
    expect(refused.success).toBe(false);
    expect(refused.error!.issues[0]!.message).toContain("does not know the placeholder {{amount}}");
  });
});
