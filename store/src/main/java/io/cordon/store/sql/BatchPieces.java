package io.cordon.store.sql;

import java.util.List;
import org.jdbi.v3.core.JdbiException;

/**
 * Applies the pieces of work of one write batch ({@link GroupCommit}) inside its transaction, so
 * that each commits or fails on its own: general work behind a savepoint of its own; consecutive
 * rerunnable pieces (audit appends) behind one shared savepoint, and only if that group fails,
 * again each behind its own. A piece that fails is rolled back to its savepoint and the audit head
 * reset to where it stood, so sequence numbers stay gapless. A batch of one needs no savepoint: its
 * failure rolls back the whole transaction ({@link WorkFailed}).
 *
 * <p>Confined to the writer thread of one batch; not thread-safe.
 */
final class BatchPieces {
  private static final String SAVEPOINT = "cordon_work";

  private final SqlDialect dialect;
  private final BatchStatements statements;
  private final AuditHead head;
  private final JdbiTransaction tx;

  BatchPieces(SqlDialect dialect, BatchStatements statements, AuditHead head, JdbiTransaction tx) {
    this.dialect = dialect;
    this.statements = statements;
    this.head = head;
    this.tx = tx;
  }

  private void applyAlone(GroupCommit.Pending<?> pending) {
    try {
      pending.apply(tx);
    } catch (RuntimeException | Error e) {
      throw new WorkFailed(translated(e));
    }
  }

  /**
   * Applies every piece of the batch: a batch of one as is (its failure rolls back all); otherwise
   * general work each behind its own savepoint; consecutive rerunnable pieces (audit appends)
   * together behind one, and, should one of them fail, again each behind its own, so that only the
   * failing one is lost.
   */
  void applyAll(List<GroupCommit.Pending<?>> batch) {
    if (batch.size() == 1) {
      applyAlone(batch.getFirst());
      return;
    }
    int i = 0;
    while (i < batch.size()) {
      int end = i;
      while (end < batch.size() && batch.get(end).isRerunnable()) {
        end++;
      }
      if (end - i > 1) {
        applyGroup(batch.subList(i, end));
        i = end;
      } else {
        applyBehindSavepoint(batch.get(i));
        i++;
      }
    }
  }

  private void applyGroup(List<GroupCommit.Pending<?>> group) {
    AuditHead.Mark mark = head.mark();
    statements.execute("SAVEPOINT " + SAVEPOINT);
    try {
      for (GroupCommit.Pending<?> pending : group) {
        pending.apply(tx);
      }
    } catch (RuntimeException | Error e) {
      statements.executeOnce("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
      statements.execute("RELEASE SAVEPOINT " + SAVEPOINT);
      head.reset(mark);
      for (GroupCommit.Pending<?> pending : group) {
        applyBehindSavepoint(pending);
      }
      return;
    }
    statements.execute("RELEASE SAVEPOINT " + SAVEPOINT);
  }

  private void applyBehindSavepoint(GroupCommit.Pending<?> pending) {
    AuditHead.Mark mark = head.mark();
    statements.execute("SAVEPOINT " + SAVEPOINT);
    try {
      pending.apply(tx);
    } catch (RuntimeException | Error e) {
      statements.executeOnce("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
      head.reset(mark);
      pending.fail(translated(e));
    }
    statements.execute("RELEASE SAVEPOINT " + SAVEPOINT);
  }

  private Throwable translated(Throwable e) {
    return e instanceof JdbiException jdbi ? dialect.translate(jdbi) : e;
  }

  /** Carries the failure of a batch's only piece of work out of its rolled-back transaction. */
  static final class WorkFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WorkFailed(Throwable cause) {
      super(null, cause, false, false);
    }
  }
}
