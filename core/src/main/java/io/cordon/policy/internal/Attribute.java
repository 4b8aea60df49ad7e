package io.cordon.policy.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The vocabulary of policy documents: every attribute a condition may name (ARCHITECTURE.md
 * "Policy"). An attribute no request can supply yet (training records, partner risk tier,
 * agreements) is declared so that documents may name it, and resolves as absent: a condition on an
 * absent attribute is false, except {@code exists: false}.
 */
enum Attribute {
  SUBJECT_AUTHENTICATED("subject.authenticated", Kind.BOOL, List.of(), false),
  SUBJECT_ORG("subject.org", Kind.TEXT, List.of(), false),
  SUBJECT_ORG_KIND("subject.orgKind", Kind.CHOICE, List.of("home", "partner"), false),
  SUBJECT_ROLES("subject.roles", Kind.TEXT_SET, List.of(), false),
  SUBJECT_WORKSPACE_ROLE(
      "subject.workspaceRole",
      Kind.CHOICE,
      List.of("owner", "manager", "contributor", "viewer", "auditor"),
      false),
  SUBJECT_AUTH(
      "subject.auth",
      Kind.CHOICE,
      List.of("none", "password", "password+totp", "webauthn", "token", "sso", "local"),
      true),
  SUBJECT_MFA("subject.mfa", Kind.BOOL, List.of(), true),
  SUBJECT_MFA_AGE("subject.mfaAge", Kind.DURATION, List.of(), true),
  SUBJECT_PHISHING_RESISTANT("subject.phishingResistant", Kind.BOOL, List.of(), true),
  SUBJECT_TRAININGS("subject.trainings", Kind.TEXT_SET, List.of(), false),
  SUBJECT_PARTNER_RISK_TIER(
      "subject.partnerRiskTier", Kind.CHOICE, List.of("low", "medium", "high"), false),
  SUBJECT_AGREEMENTS("subject.agreements", Kind.TEXT_SET, List.of(), false),
  RESOURCE_TYPE("resource.type", Kind.TEXT, List.of(), false),
  RESOURCE_WORKSPACE("resource.workspace", Kind.TEXT, List.of(), false),
  RESOURCE_CLASSIFICATION(
      "resource.classification",
      Kind.CHOICE,
      List.of("public", "internal", "confidential", "restricted"),
      false),
  RESOURCE_DATA_TYPES(
      "resource.dataTypes",
      Kind.CHOICE_SET,
      List.of("PHI", "PII", "PCI", "IP", "GXP", "SECRET", "REGULATORY"),
      false),
  RESOURCE_INSPECTION(
      "resource.inspection",
      Kind.CHOICE,
      List.of("pending", "clean", "flagged", "unscannable", "rejected", "infected"),
      false),
  RESOURCE_RECIPIENT_AGREEMENTS("resource.recipientAgreements", Kind.TEXT_SET, List.of(), false),
  RESOURCE_LEGAL_HOLD("resource.legalHold", Kind.BOOL, List.of(), false),
  RESOURCE_REGION("resource.region", Kind.TEXT, List.of(), false),
  CONTEXT_CHANNEL(
      "context.channel",
      Kind.CHOICE,
      List.of("web", "api", "sftp", "cli", "email", "system"),
      false),
  CONTEXT_ZONE("context.zone", Kind.TEXT, List.of(), false),
  CONTEXT_COUNTRY("context.country", Kind.TEXT, List.of(), false),
  CONTEXT_DEVICE_TRUSTED("context.deviceTrusted", Kind.BOOL, List.of(), false),
  CONTEXT_TIME("context.time", Kind.TIME, List.of(), false),
  CONTEXT_WEEKDAY(
      "context.weekday",
      Kind.CHOICE,
      List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
      false),
  CONTEXT_RISK_SCORE("context.riskScore", Kind.NUMBER, List.of(), false);

  private static final Attribute[] ALL = values();

  private final String path;
  private final Kind kind;
  private final List<String> domain;
  private final boolean authentication;

  Attribute(String path, Kind kind, List<String> domain, boolean authentication) {
    this.path = path;
    this.kind = kind;
    this.domain = domain;
    this.authentication = authentication;
  }

  String path() {
    return path;
  }

  Kind kind() {
    return kind;
  }

  /** The closed domain of a CHOICE or CHOICE_SET attribute, in order (for atLeast/atMost). */
  List<String> domain() {
    return domain;
  }

  /** Whether a stronger or fresher factor can change it: what step-up can cure. */
  boolean isAuthentication() {
    return authentication;
  }

  /** Index of a domain value, matching case-insensitively; -1 if it is not in the domain. */
  int indexOf(String value) {
    for (int i = 0; i < domain.size(); i++) {
      if (domain.get(i).equalsIgnoreCase(value)) {
        return i;
      }
    }
    return -1;
  }

  static Optional<Attribute> byPath(String path) {
    for (Attribute a : ALL) {
      if (a.path.equals(path)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** The attribute name closest to a misspelt one (edit distance at most 3), for the message. */
  static String suggest(String path) {
    Attribute best = null;
    int bestDistance = 4;
    for (Attribute a : ALL) {
      int d = distance(a.path.toLowerCase(Locale.ROOT), path.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = a;
        bestDistance = d;
      }
    }
    return best == null ? "" : " (did you mean " + best.path + "?)";
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  static int count() {
    return ALL.length;
  }
}
