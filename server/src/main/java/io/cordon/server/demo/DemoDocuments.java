package io.cordon.server.demo;

/** Texts of the demo's documents: plausible GxP records with no real people or products. */
final class DemoDocuments {
  private DemoDocuments() {}

  static String protocol() {
    return """
        TECHNOLOGY TRANSFER PROTOCOL TT-0417 - CONFIDENTIAL
        Product: HB-mAb-07 (monoclonal antibody), drug substance
        Sending unit: Northwind Therapeutics process development
        Receiving unit: Helix Biologics CDMO, suite B2
        1. Scope: transfer of the upstream (fed-batch, 2000 L) and downstream process.
        2. Acceptance criteria: titre >= 4.5 g/L; aggregates <= 2.0 % (SEC-HPLC).
        3. Responsibilities: QA of both parties approve this protocol before execution.
        4. Change control: deviations are recorded under the receiving unit's CAPA system.
        """;
  }

  static String methodCsv() {
    return """
        parameter,specification,method,unit
        Purity (SEC),>= 98.0,AM-HPLC-22,%
        Charge variants (main peak),55-75,AM-CEX-09,%
        Endotoxin,< 0.5,Ph. Eur. 2.6.14,EU/mg
        Bioburden,< 10,Ph. Eur. 2.6.12,CFU/10 mL
        """;
  }

  static String batchRecord(String batch) {
    return """
        EXECUTED BATCH RECORD %s - RESTRICTED
        Product: HB-mAb-07 drug substance, lot %s
        Step 4.2 Protein A capture: load 38.2 g/L resin, yield 93.1 %%
        Step 5.1 Low-pH viral inactivation: pH 3.55, 62 min (spec 60-90 min)
        Step 7.3 Final filtration: integrity test passed (bubble point 3.6 bar)
        Reviewed by production; pending QA release.
        """
        .formatted(batch, batch);
  }

  static String certificate(String batch) {
    return """
        CERTIFICATE OF ANALYSIS - lot %s
        Test                Result     Specification
        Purity (SEC)        99.1 %%     >= 98.0 %%
        Endotoxin           0.08 EU/mg < 0.5 EU/mg
        Appearance          Conforms   Clear to slightly opalescent
        Conclusion: the lot meets its specifications.
        """
        .formatted(batch);
  }
}
