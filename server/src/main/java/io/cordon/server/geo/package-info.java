/**
 * IP geolocation from a MaxMind-format database: the adapter behind {@link
 * io.cordon.context.GeoLocator}, opened once at start from {@code geoip.mmdb}.
 */
package io.cordon.server.geo;
