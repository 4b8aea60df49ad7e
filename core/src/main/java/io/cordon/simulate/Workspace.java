package io.cordon.simulate;

import java.util.List;

/**
 * A project workspace: the CDMO's site that runs the project, the sponsor that owns it, perhaps a
 * CRO or lab, and its files. {@code deadlineDays} are days of a deadline rush (benign bursts).
 */
record Workspace(
    String id, String name, int site, List<Org> partners, List<SimFile> files, int[] deadlineDays) {
  boolean isDeadline(int day) {
    for (int d : deadlineDays) {
      if (d == day) {
        return true;
      }
    }
    return false;
  }
}
