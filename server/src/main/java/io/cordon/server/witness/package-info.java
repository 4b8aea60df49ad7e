/**
 * Cordon as a log talking to witnesses: the HTTPS transport of c2sp.org/tlog-witness requests (JDK
 * trust store plus an optional CA), and the background loop that submits each new checkpoint
 * without ever holding up signing or appends.
 */
package io.cordon.server.witness;
