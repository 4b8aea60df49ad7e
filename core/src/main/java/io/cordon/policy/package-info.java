/**
 * Access decisions: a {@link io.cordon.policy.PolicyEngine} port that answers PERMIT, DENY or
 * STEP_UP for a subject, action, resource and context; deny by default. The first engine is
 * role-based; the attribute-based engine replaces it behind the same port.
 */
package io.cordon.policy;
