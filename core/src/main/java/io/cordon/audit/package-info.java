/**
 * The audit trail: every state change, every read and every denial as an append-only event in the
 * format of API.md ("Event format"), written in the same transaction as the change it describes.
 */
package io.cordon.audit;
