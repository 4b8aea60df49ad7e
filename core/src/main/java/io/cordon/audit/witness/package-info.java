/**
 * Witnessing of transparency logs (c2sp.org/tlog-witness, c2sp.org/tlog-cosignature), both ways: as
 * a witness, Cordon cosigns the checkpoints of logs an administrator registered, after checking
 * each extends the last one it cosigned; as a log, Cordon submits its own audit checkpoints to the
 * witnesses it is configured with and keeps their cosignatures next to each checkpoint.
 */
package io.cordon.audit.witness;
