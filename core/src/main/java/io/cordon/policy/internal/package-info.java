/**
 * The policy language's implementation: YAML parsing with line numbers, the attribute vocabulary,
 * compiled conditions, the rule index and the combining of rules into a decision. Nothing outside
 * {@code io.cordon.policy} uses it.
 */
package io.cordon.policy.internal;
