/**
 * The policy as an application service, above the one door: explaining decisions to those the
 * policy lets read it, and putting new policy sets in force with a {@code policy.update} audit
 * event. Kept apart from {@code io.cordon.policy} because the door depends on that package.
 */
package io.cordon.policy.service;
