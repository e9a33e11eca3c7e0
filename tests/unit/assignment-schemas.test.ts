import { describe, expect, it } from "vitest";
import { assignCellSchema } from "../../app/forms/assignment-schemas";

describe("the assignment matrix's cell form", () => {
  it("takes the demo's seeded application ids, which are longer than 100 characters", () => {
    const applicationId = "seed-application-mint-cluster-sonderrunde-strukturwandel-1-mint-region-bayerischer-untermain-by-h3stdh";
    expect(applicationId.length).toBeGreaterThan(100);
    expect(assignCellSchema.safeParse({ applicationId, jurorId: "seed-user-juror3" }).success).toBe(true);
  });

  it("refuses an empty or absurdly long id", () => {
    expect(assignCellSchema.safeParse({ applicationId: " ", jurorId: "seed-user-juror3" }).success).toBe(false);
    expect(assignCellSchema.safeParse({ applicationId: "x".repeat(201), jurorId: "seed-user-juror3" }).success).toBe(false);
  });
});
