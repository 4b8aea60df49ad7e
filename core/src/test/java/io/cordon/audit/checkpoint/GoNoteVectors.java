package io.cordon.audit.checkpoint;

/**
 * Known-good signed notes and keys from the reference implementation's tests, copied verbatim:
 * golang/mod {@code sumdb/note/note_test.go} (the PeterNeumann and EnochRoot keys and notes) and
 * transparency-dev/formats {@code log/note_test.go} (a real checkpoint of sum.golang.org, Go's
 * checksum database, with its published key). Each signature was also checked independently with
 * Python's {@code cryptography} before use.
 */
final class GoNoteVectors {
  private GoNoteVectors() {}

  static final String PETER_VERIFIER =
      "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
  static final String PETER_SIGNER =
      "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
  static final String ENOCH_VERIFIER =
      "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";

  static final String TEXT =
      "If you think cryptography is the answer to your problem,\n"
          + "then you don't know what your problem is.\n";
  static final String PETER_SIG =
      "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
  static final String ENOCH_SIG =
      "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

  /** Go's {@code note.Sign} output for {@link #TEXT} with {@link #PETER_SIGNER}. */
  static final String PETER_NOTE = TEXT + "\n" + PETER_SIG;

  static final String SUMDB_VERIFIER =
      "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";
  static final String SUMDB_ORIGIN = "go.sum database tree";
  static final String SUMDB_CHECKPOINT =
      "go.sum database tree\n"
          + "6476701\n"
          + "mb8QLQIs0Z0yP5Cstq6guj87oXWeC9gEM8oVikmm9Wk=\n"
          + "\n"
          + "\u2014 sum.golang.org Az3grsLX85Gz+s1SiTbgkuqxgItqFq7gsMUEyVnrsa9LM7Us9S+1xbFIGu95949rj4nPRYfvimWEPWL+o3GeoWwOoAw=\n";
}
