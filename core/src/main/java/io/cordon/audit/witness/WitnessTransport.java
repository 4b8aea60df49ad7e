package io.cordon.audit.witness;

/**
 * Port: sends an {@code add-checkpoint} request to a witness and returns its answer. Adapters bound
 * every wait and the answer's size; a failure to reach the witness is {@link
 * io.cordon.context.CordonException.Unavailable}.
 */
@FunctionalInterface
public interface WitnessTransport {
  Answer addCheckpoint(Witness witness, byte[] body);

  /**
   * A witness's answer.
   *
   * @param contentType the media type without parameters, lower case, or empty
   */
  record Answer(int status, String contentType, byte[] body) {
    public Answer {
      body = body.clone();
    }

    @Override
    public byte[] body() {
      return body.clone();
    }
  }
}
