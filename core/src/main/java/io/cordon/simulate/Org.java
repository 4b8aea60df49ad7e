package io.cordon.simulate;

/**
 * An organisation: the home CDMO ({@code kind} home) or a partner (sponsor, CRO, lab). {@code
 * number} numbers its office address block; {@code city} is its headquarters (for the CDMO, the
 * first site; its users belong to several sites).
 */
record Org(int number, String id, String name, String domain, String kind, String type, City city) {
  boolean isHome() {
    return kind.equals("home");
  }
}
