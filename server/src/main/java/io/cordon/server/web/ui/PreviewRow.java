package io.cordon.server.web.ui;

import java.util.List;

/**
 * One recipient in the share dialog's policy preview.
 *
 * @param who what the recipient is: a partner user, a colleague, a new guest
 * @param decision {@code permit}, {@code deny} or {@code step-up}
 * @param obligations what comes with a permit ({@code watermark}, {@code notify-owner}, …)
 */
public record PreviewRow(
    String recipient, String who, String decision, String reason, List<String> obligations) {
  public PreviewRow {
    obligations = List.copyOf(obligations);
  }

  /** The decision in words for the sharer. */
  public String summary() {
    return switch (decision) {
      case "permit" -> "will have access";
      case "step-up" -> "will be asked for a second factor first";
      default -> "will be refused";
    };
  }
}
