/**
 * Access decisions: a {@link io.cordon.policy.PolicyEngine} port that answers PERMIT (with
 * obligations), DENY or STEP_UP for a subject, action, resource and context; deny by default,
 * forbid overrides permit. {@link io.cordon.policy.AttributePolicyEngine} decides on YAML policy
 * documents compiled into an index ({@link io.cordon.policy.PolicySet}); docs/policies.md describes
 * the language and the default CDMO rules.
 */
package io.cordon.policy;
