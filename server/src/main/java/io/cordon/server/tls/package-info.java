/**
 * TLS material for the HTTPS listener: either the operator's certificate chain and key (PEM), or a
 * local certificate authority created on first run whose private keys are kept sealed by the {@link
 * io.cordon.crypto.KeyVault}. Only certificates are ever written in clear.
 */
package io.cordon.server.tls;
