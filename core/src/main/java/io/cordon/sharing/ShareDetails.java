package io.cordon.sharing;

import java.util.List;

/**
 * A share as its owner sees it: its terms, and each recipient with their username and use.
 *
 * @param fileName the shared file's name
 */
public record ShareDetails(Share share, String fileName, List<Recipient> recipients) {
  public ShareDetails {
    recipients = List.copyOf(recipients);
  }

  /** A recipient by name, with their counters. */
  public record Recipient(String username, ShareRecipient use) {}
}
