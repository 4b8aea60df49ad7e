/**
 * The audit trail's Merkle tree as RFC 9162 §2.1 defines it: leaf and node hashing, tree heads of
 * any size, inclusion and consistency proofs and their verification. Proofs are built from a cache
 * of complete-subtree hashes (SubtreeHashes) so that their cost grows with the logarithm of the
 * tree size, not with the number of leaves.
 */
package io.cordon.audit.tree;
