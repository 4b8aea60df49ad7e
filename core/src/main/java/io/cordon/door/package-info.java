/**
 * The one door every service operation goes through: decide by policy, perform, and record the
 * audit event in the same transaction; a denial or an error is recorded too. Channels never reach
 * past it to a repository.
 */
package io.cordon.door;
